import { buildStrategy, STEPS, type Strategy } from '@atelier/shared';
import { fixtureWorkshop } from '@atelier/shared/workshop.fixture';
import { describe, expect, it } from 'vitest';
import { makeTranslator } from '../../../../i18n/translate';
import { FONTS, type Measure, PICTURE_WIDTH, type Scene, type Shape } from './scene';
import { stepScene } from './stepScene';

/** A sans-serif's average: each character 0.55 of the font size. */
const measure: Measure = (text, font) => [...text].length * font.size * 0.55;
const t = makeTranslator('fr');
const heading = { title: 'Stratégie du Val de Loue', step: '', subtitle: 'EPCI Val de Loue · 3 déc. 2026' };

const texts = (scene: Scene) => scene.shapes.flatMap((s) => (s.kind === 'text' ? [s.lines.join(' ')] : []));
const textShapes = (scene: Scene) =>
  scene.shapes.filter((s): s is Extract<Shape, { kind: 'text' }> => s.kind === 'text');

/** The fixture, with many notes: a board of 320. */
function bigStrategy(): Strategy {
  const s = buildStrategy(fixtureWorkshop().source);
  const base = s.notes[0] as Strategy['notes'][number];
  const notes = Array.from({ length: 320 }, (_, i) => ({
    ...base,
    id: `m${i}`,
    text: `Contribution ${i}`,
    theme: ['mobility', 'digital', 'energy', null][i % 4] ?? null,
    issue: null,
    position: { x: (i % 20) * 220, y: Math.floor(i / 20) * 170 },
  }));
  return { ...s, notes };
}

const scene = (strategy: Strategy, step: (typeof STEPS)[number]) =>
  stepScene({ strategy, step, t, heading: { ...heading, step: t(`steps.${step}`) } }, measure);

describe('stepScene', () => {
  const strategy = buildStrategy(fixtureWorkshop().source);

  it.each(STEPS)('draws %s on a slide-wide page, under the workshop’s title and the step’s name', (step) => {
    const picture = scene(strategy, step);
    expect(picture.width).toBe(PICTURE_WIDTH);
    expect(texts(picture).slice(0, 2)).toEqual(['Stratégie du Val de Loue', t(`steps.${step}`)]);
    for (const shape of picture.shapes) {
      const right = shape.kind === 'rect' ? shape.x + shape.w : shape.x;
      expect(right).toBeLessThanOrEqual(PICTURE_WIDTH);
      expect(shape.y).toBeLessThan(picture.height);
    }
    // Legible from the back of the room: nothing under 16 px, a note’s text at 19.
    for (const shape of textShapes(picture)) expect(shape.font.size).toBeGreaterThanOrEqual(16);
  });

  it('shows every note of step 1, grouped by theme with counts in the legend', () => {
    const big = bigStrategy();
    const picture = scene(big, 'assessment');
    const all = texts(picture);
    for (const note of big.notes) expect(all).toContain(note.text);
    expect(all).toContain('Mobilités douces (80)');
    expect(all).toContain('Sans thématique (80)');
    expect(all).toContain('Mobilités douces · 80 contributions');
    const noteText = textShapes(picture).find((s) => s.lines[0] === 'Contribution 0');
    expect(noteText?.font).toEqual(FONTS.text);
    // 320 notes 7 abreast: a tall picture, but every note in it.
    expect(picture.height).toBeGreaterThan(1080);
  });

  it('shows each issue with its notes in step 2, and the notes in no issue apart', () => {
    const picture = scene(strategy, 'issues');
    const all = texts(picture);
    for (const issue of strategy.issues) expect(all).toContain(`${issue.rank}. ${issue.title}`);
    const loose = strategy.notes.filter((n) => n.issue === null);
    expect(all).toContain(
      `Contributions non classées · ${loose.length} contribution${loose.length > 1 ? 's' : ''}`,
    );
  });

  it('shows the axes with their issues in step 3 and their sheets in step 4', () => {
    const axes = texts(scene(strategy, 'axes'));
    for (const axis of strategy.axes) expect(axes).toContain(`Axe ${axis.rank} · ${axis.title}`);
    for (const issue of strategy.issues) expect(axes).toContain(`${issue.rank}. ${issue.title}`);
    const sheets = texts(scene(strategy, 'actions'));
    for (const action of strategy.actions) expect(sheets).toContain(action.title);
    // The sheet with no axis has a column of its own.
    expect(sheets).toContain('Sans axe');
  });

  it('shows every partner in step 5 and every indicator in step 6, as tables', () => {
    const partners = texts(scene(strategy, 'partnerships')).join('\n');
    for (const partner of strategy.partners) expect(partners).toContain(partner.name);
    const indicators = texts(scene(strategy, 'monitoring')).join('\n');
    for (const indicator of strategy.indicators) expect(indicators).toContain(indicator.name);
  });

  it('says so when a step has nothing yet', () => {
    const emptied = {
      ...strategy,
      notes: [],
      issues: [],
      axes: [],
      actions: [],
      partners: [],
      indicators: [],
    };
    expect(texts(scene(emptied, 'assessment'))).toContain('Aucune contribution pour l’instant.');
    expect(texts(scene(emptied, 'monitoring'))).toContain('Aucun indicateur de suivi.');
  });
});
