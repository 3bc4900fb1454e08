import { BOARD_ROOTS, LOCAL_ORIGIN } from '@atelier/shared';
import * as Y from 'yjs';
import type { Fixture } from '../../../scripts/fixtures/val-de-loue';
import type { SeededRandom } from './seeded-random';

/**
 * Steps 2–4 of a workshop (issues, strategic axes, action sheets with their partners and
 * indicators), written with the shapes docs/doc-layout.md reserves for them. @atelier/shared has
 * no commands for these roots yet, so this is the one place the bench writes them by key.
 */
export function writeActionSheets(doc: Y.Doc, fixture: Fixture, count: number, random: SeededRandom): void {
  const axisIds = fixture.axes.map(() => random.uuid());
  const AXIS_COLORS = ['#3f51b5', '#009688', '#e91e63'];
  doc.transact(() => {
    fixture.axes.forEach((axis, index) => {
      doc.getMap(BOARD_ROOTS.axes).set(
        axisIds[index] ?? '',
        itemMap({
          id: axisIds[index],
          title: new Y.Text(axis.title),
          description: new Y.Text(axis.description),
          order: order(index),
          color: AXIS_COLORS[index % AXIS_COLORS.length],
        }),
      );
    });
    fixture.issues.forEach((issue, index) => {
      const id = random.uuid();
      const axis = fixture.axes.findIndex((a) => a.issues.includes(index));
      doc.getMap(BOARD_ROOTS.clusters).set(
        id,
        itemMap({
          id,
          title: new Y.Text(issue.title),
          pos: { x: 400 * index, y: -600 },
          order: order(index),
          axis: axisIds[axis] ?? null,
        }),
      );
    });
  }, LOCAL_ORIGIN);

  for (let n = 0; n < count; n++) {
    const source = fixture.actions[n % fixture.actions.length];
    if (!source) break;
    const id = random.uuid();
    // One transaction per sheet, as a person filling in a form would commit it.
    doc.transact(() => {
      doc.getMap(BOARD_ROOTS.actions).set(
        id,
        itemMap({
          id,
          axis: axisIds[source.axis] ?? null,
          order: order(n),
          title: new Y.Text(n < fixture.actions.length ? source.title : `${source.title} (${n + 1})`),
          objectives: new Y.Text(source.objectives),
          description: new Y.Text(source.description),
          lead: new Y.Text(source.lead),
          public: new Y.Text(source.public),
          risks: new Y.Text(source.risks),
          budget: source.budget,
          financing: source.financing,
          milestones: source.milestones,
          structure: source.structure,
          priority: source.priority,
          status: source.status,
        }),
      );
      for (const partner of source.partners) {
        const partnerId = random.uuid();
        doc.getMap(BOARD_ROOTS.partners).set(
          partnerId,
          itemMap({
            id: partnerId,
            action: id,
            name: partner.name,
            kind: partner.kind,
            role: new Y.Text(partner.role),
            steps: [],
          }),
        );
      }
      for (const indicator of source.indicators) {
        const indicatorId = random.uuid();
        doc
          .getMap(BOARD_ROOTS.indicators)
          .set(indicatorId, itemMap({ id: indicatorId, action: id, ...indicator }));
      }
    }, LOCAL_ORIGIN);
  }
}

function itemMap(fields: Record<string, unknown>): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(fields)) map.set(key, value);
  return map;
}

/** Fractional-index strings that sort as plain strings, as the layout requires. */
function order(index: number): string {
  return `a${index.toString(36).padStart(4, '0')}`;
}
