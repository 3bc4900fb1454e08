import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createAction, deleteAction } from './actions';
import {
  addIndicator,
  IndicatorValue,
  indicatorsMap,
  indicatorText,
  readIndicators,
  removeIndicator,
  updateIndicator,
} from './indicators';

function board() {
  const doc = new Y.Doc();
  const sheet = createAction(doc, { title: 'Rénovation énergétique', axis: null }, 's1', 1);
  return { doc, sheet };
}

describe('indicators (step 6: monitoring and evaluation)', () => {
  it('adds indicators with trimmed texts, null values and a yearly frequency by default', () => {
    const { doc, sheet } = board();
    addIndicator(doc, { action: sheet, name: ' Jeux de données ouverts ' }, 'i1', 10);
    addIndicator(
      doc,
      {
        action: sheet,
        name: 'Émissions de CO₂ des bâtiments',
        unit: 't CO₂/an',
        baseline: 1250.5,
        target: 800,
        source: 'Bilan carbone',
        frequency: 'half-yearly',
      },
      'i2',
      20,
    );
    expect(readIndicators(doc)).toEqual([
      {
        id: 'i1',
        action: sheet,
        name: 'Jeux de données ouverts',
        unit: '',
        baseline: null,
        target: null,
        source: '',
        frequency: 'yearly',
        createdAt: 10,
        reference: null,
      },
      {
        id: 'i2',
        action: sheet,
        name: 'Émissions de CO₂ des bâtiments',
        unit: 't CO₂/an',
        baseline: 1250.5,
        target: 800,
        source: 'Bilan carbone',
        frequency: 'half-yearly',
        createdAt: 20,
        reference: null,
      },
    ]);
    updateIndicator(doc, 'i2', { reference: 'cae_1.a' });
    expect(readIndicators(doc)[1]?.reference).toBe('cae_1.a');
    expect(() => updateIndicator(doc, 'i2', { reference: 'crte_99' })).toThrow();
    expect(readIndicators(doc)[1]?.reference).toBe('cae_1.a');
    expect(indicatorText(doc, 'i2', 'unit').toString()).toBe('t CO₂/an');
  });

  it('accepts any finite value, negative ones and a target below the baseline included', () => {
    const { doc, sheet } = board();
    addIndicator(doc, { action: sheet, name: 'Solde migratoire', baseline: -120, target: -0.5 }, 'i1');
    expect(readIndicators(doc)[0]).toMatchObject({ baseline: -120, target: -0.5 });
    expect(IndicatorValue.safeParse(0).success).toBe(true);
  });

  it('refuses NaN, infinities, non-numbers, a blank or too long name, too long unit or source, an unknown frequency or sheet', () => {
    const { doc, sheet } = board();
    const bad: unknown[] = [
      { action: sheet, name: 'A', baseline: Number.NaN },
      { action: sheet, name: 'A', target: Number.POSITIVE_INFINITY },
      { action: sheet, name: 'A', target: Number.NEGATIVE_INFINITY },
      { action: sheet, name: 'A', baseline: '12' },
      { action: sheet, name: 'A', baseline: 1e16 },
      { action: sheet, name: '  ' },
      { action: sheet, name: 'x'.repeat(161) },
      { action: sheet, name: 'A', unit: 'u'.repeat(41) },
      { action: sheet, name: 'A', source: 's'.repeat(201) },
      { action: sheet, name: 'A', frequency: 'daily' },
    ];
    for (const input of bad) expect(() => addIndicator(doc, input as never), JSON.stringify(input)).toThrow();
    expect(() => addIndicator(doc, { action: 'gone', name: 'A' })).toThrow(/No action sheet/);
    expect(readIndicators(doc)).toEqual([]);
  });

  it('updates values, frequency and texts in one go, and clears a value with null', () => {
    const { doc, sheet } = board();
    addIndicator(doc, { action: sheet, name: 'Habitants accompagnés', baseline: 0, target: 1500 }, 'i1');
    updateIndicator(doc, 'i1', { unit: 'personnes/an', target: 1800, frequency: 'monthly', source: 'Lieux' });
    expect(readIndicators(doc)[0]).toMatchObject({
      unit: 'personnes/an',
      baseline: 0,
      target: 1800,
      frequency: 'monthly',
      source: 'Lieux',
    });
    updateIndicator(doc, 'i1', { baseline: null });
    expect(readIndicators(doc)[0]?.baseline).toBeNull();
  });

  it('refuses bad updates, changing nothing', () => {
    const { doc, sheet } = board();
    addIndicator(doc, { action: sheet, name: 'Habitants', baseline: 0, target: 10 }, 'i1');
    const before = readIndicators(doc);
    expect(() => updateIndicator(doc, 'i1', { target: Number.NaN })).toThrow();
    expect(() => updateIndicator(doc, 'i1', { unit: 'ok', baseline: Number.POSITIVE_INFINITY })).toThrow();
    expect(() => updateIndicator(doc, 'i1', { name: '' })).toThrow(/needs a name/);
    expect(() => updateIndicator(doc, 'i1', { unit: 'u'.repeat(41) })).toThrow(/at most 40/);
    expect(() => updateIndicator(doc, 'i1', { frequency: 'weekly' as never })).toThrow();
    expect(() => updateIndicator(doc, 'i1', { owner: 'me' } as never)).toThrow();
    expect(() => updateIndicator(doc, 'i1', { action: 'gone' })).toThrow(/No action sheet/);
    expect(() => updateIndicator(doc, 'nope', { target: 1 })).toThrow(/No indicator/);
    expect(readIndicators(doc)).toEqual(before);
  });

  it('keeps the indicators of a deleted sheet, attaches them elsewhere, and removes them', () => {
    const { doc, sheet } = board();
    const other = createAction(doc, { title: 'Appli vélo', axis: null }, 's2');
    addIndicator(doc, { action: sheet, name: 'kWh économisés' }, 'i1');
    deleteAction(doc, sheet);
    expect(readIndicators(doc)).toMatchObject([{ id: 'i1', action: sheet }]);
    updateIndicator(doc, 'i1', { action: other });
    expect(readIndicators(doc)[0]?.action).toBe(other);
    removeIndicator(doc, 'i1');
    expect(readIndicators(doc)).toEqual([]);
    expect(() => removeIndicator(doc, 'i1')).toThrow(/No indicator/);
  });

  it('reads malformed values as empty and skips malformed entries', () => {
    const { doc, sheet } = board();
    addIndicator(doc, { action: sheet, name: 'A', baseline: 3 }, 'i1');
    indicatorsMap(doc).get('i1')?.set('baseline', Number.NaN);
    indicatorsMap(doc).get('i1')?.set('target', '12');
    indicatorsMap(doc).get('i1')?.set('frequency', 'daily');
    indicatorsMap(doc).set('junk', new Y.Map());
    expect(readIndicators(doc)).toMatchObject([
      { id: 'i1', baseline: null, target: null, frequency: 'other' },
    ]);
  });
});
