import { exportFileName, formatDate, type Step } from '@atelier/shared';
import type { ExportedFile } from '../../../api/exports';
import { makeTranslator } from '../../../i18n/translate';
import { boardStore } from '../../../state/store';
import type { WorkshopConnection } from '../../../sync/connection';
import { canvasMeasure, canvasPng, drawScene } from './picture/draw';
import { stepScene } from './picture/stepScene';
import { picturePixelRatio } from './pictureSize';
import { readStrategy } from './useStrategy';

/**
 * A PNG of a step's whole content for a slide, named like the exports: every note (step 1),
 * every issue with its notes, every axis with its issues or sheets, every partner or indicator.
 * Drawn on a canvas from the workshop's documents (the strategy the exports are written from),
 * never from the screen: whatever is scrolled away or whoever follows the facilitator, the
 * picture is the same, and 320 notes take a fraction of a second.
 */
export async function takePicture({
  connection,
  step,
  includeNames,
}: {
  connection: WorkshopConnection;
  step: Step;
  includeNames: boolean;
}): Promise<ExportedFile> {
  const { workshop } = boardStore.getState();
  if (!workshop) throw new Error('No workshop open');
  // In the workshop's language, like the reports: the picture goes on the client's slides.
  const t = makeTranslator(workshop.locale);
  const now = new Date();
  const started = performance.now();
  const strategy = readStrategy(connection, workshop, includeNames);
  const read = performance.now();
  const territory = t('header.territory', {
    kind: t(`territory.${workshop.territory.kind}`),
    name: workshop.territory.name,
  });
  const scene = stepScene(
    {
      strategy,
      step,
      t,
      heading: {
        title: workshop.title,
        step: t(`steps.${step}`),
        subtitle: t('export.panel.pictureSubtitle', {
          territory,
          date: formatDate(now.toISOString().slice(0, 10), t.locale),
        }),
      },
    },
    canvasMeasure(),
  );
  const laidOut = performance.now();
  const canvas = drawScene(scene, picturePixelRatio(scene.width, scene.height));
  const drawn = performance.now();
  const blob = await canvasPng(canvas);
  // Where the time goes, for the bench (bench/src/scenarios/picture.ts) and the browser's profiler.
  performance.measure('picture:strategy', { start: started, end: read });
  performance.measure('picture:layout', { start: read, end: laidOut });
  performance.measure('picture:draw', { start: laidOut, end: drawn });
  performance.measure('picture:png', { start: drawn, end: performance.now() });
  if (!blob) throw new Error('The picture came out empty');
  return { blob, fileName: exportFileName(workshop.title, now, 'png') };
}
