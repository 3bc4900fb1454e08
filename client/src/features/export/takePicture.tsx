import { exportFileName, formatDate, type Step } from '@atelier/shared';
import { toBlob } from 'html-to-image';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { ExportedFile } from '../../api/exports';
import type { Translator } from '../../i18n/translate';
import { boardStore } from '../../state/store';
import { BoardPicture } from './BoardPicture';
import { boardPictureArea, picturePixelRatio } from './pictureSize';

/** The parts of the screen a slide does without: banners, floating toolbars, cursors, note menus. */
const NOT_IN_PICTURE = ['.board-banners', '.toolbar', '.cursors', '.note__actions', '.canvas__empty'];

/**
 * A PNG of what the room works on, named like the exports. Step 1 is the whole board of notes
 * (drawn apart from the screen, see BoardPicture: the screen shows only the notes in view, and
 * the facilitator's view must not move, since the room may be following it); every other step
 * is its view as the facilitator sees it now, on white, without the screen's floating chrome.
 */
export async function takePicture({
  step,
  includeNames,
  t,
}: {
  step: Step;
  includeNames: boolean;
  t: Translator;
}): Promise<ExportedFile> {
  const { workshop } = boardStore.getState();
  if (!workshop) throw new Error('No workshop open');
  const now = new Date();
  const blob =
    step === 'assessment' ? await pictureOfBoard(includeNames, t, now) : await pictureOfStep(includeNames);
  if (!blob) throw new Error('The picture came out empty');
  return { blob, fileName: exportFileName(workshop.title, now, 'png') };
}

async function pictureOfBoard(includeNames: boolean, t: Translator, now: Date): Promise<Blob | null> {
  const { workshop, notes, themes } = boardStore.getState();
  if (!workshop) return null;
  const shown = Object.values(notes)
    .filter((note) => !note.draft)
    .sort((a, b) => a.layer - b.layer);
  const area = boardPictureArea(shown);
  const subtitle = t('export.panel.pictureSubtitle', {
    territory: t('header.territory', {
      kind: t(`territory.${workshop.territory.kind}`),
      name: workshop.territory.name,
    }),
    step: t('steps.assessment'),
    date: formatDate(now.toISOString().slice(0, 10), t.locale),
  });
  // Laid out off screen (the picture is drawn from the live layout), and gone right after.
  const host = document.createElement('div');
  host.className = 'board-picture-host';
  host.setAttribute('aria-hidden', 'true');
  document.body.append(host);
  const root = createRoot(host);
  try {
    flushSync(() =>
      root.render(
        <BoardPicture
          workshop={workshop}
          notes={shown}
          themes={themes}
          area={area}
          includeNames={includeNames}
          subtitle={subtitle}
          t={t}
        />,
      ),
    );
    const node = host.firstElementChild;
    if (!(node instanceof HTMLElement)) return null;
    const { width, height } = node.getBoundingClientRect();
    return await toBlob(node, {
      backgroundColor: '#ffffff',
      pixelRatio: picturePixelRatio(width, height),
      width: Math.ceil(width),
      height: Math.ceil(height),
    });
  } finally {
    root.unmount();
    host.remove();
  }
}

async function pictureOfStep(includeNames: boolean): Promise<Blob | null> {
  const main = document.querySelector<HTMLElement>('[data-testid="board.main"]');
  if (!main) return null;
  const skipped = includeNames ? NOT_IN_PICTURE : [...NOT_IN_PICTURE, '.note__author'];
  const { width, height } = main.getBoundingClientRect();
  main.classList.add('picture-taking');
  try {
    return await toBlob(main, {
      backgroundColor: '#ffffff',
      pixelRatio: picturePixelRatio(width, height),
      filter: (node) => !(node instanceof Element && skipped.some((selector) => node.matches(selector))),
    });
  } finally {
    main.classList.remove('picture-taking');
  }
}
