import { createCluster, mergeClusters } from '@atelier/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ANY_TABLE, targetsFromTables, targetTablesReader } from './tableTargets';

describe("a round on the tables' proposals", () => {
  const doc = new Y.Doc();
  const plenary = createCluster(doc, { title: 'Plénière', x: 0, y: 0 });
  const red = createCluster(doc, { title: 'Rouge', x: 0, y: 0, table: 't1' });
  const blue = createCluster(doc, { title: 'Bleue', x: 0, y: 0, table: 't2' });
  const merged = createCluster(doc, { title: 'Fusion', x: 0, y: 0 });
  mergeClusters(doc, createCluster(doc, { title: 'Autre bleue', x: 0, y: 0, table: 't2' }), merged);
  const targets = [plenary, red, blue, merged].map((id) => ({ id, label: id }));
  const tables = targetTablesReader('issues').read(doc);

  it('keeps every target when no table is chosen', () => {
    expect(targetsFromTables(targets, tables, '')).toBe(targets);
  });

  it('keeps the items from any table, a merged issue included, in their order', () => {
    expect(targetsFromTables(targets, tables, ANY_TABLE).map((t) => t.id)).toEqual([red, blue, merged]);
  });

  it("keeps one table's items, and those merged from it", () => {
    expect(targetsFromTables(targets, tables, 't2').map((t) => t.id)).toEqual([blue, merged]);
    expect(targetsFromTables(targets, tables, 't1').map((t) => t.id)).toEqual([red]);
  });
});
