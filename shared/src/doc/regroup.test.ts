import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, readNotes } from './notes';
import { LOCAL_ORIGIN } from './origins';
import { NOTE_HEIGHT, NOTE_WIDTH } from './placement';
import {
  FRAME_LABEL_SPACE,
  type PlacedNote,
  type Region,
  regionsPerRow,
  regroupLayout,
  regroupNotesByTable,
  tableArea,
  tableRegions,
} from './regroup';

const overlap = (a: Region, b: Region) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** A frame with its label above it: what must not overlap another. */
const withLabel = (r: Region): Region => ({
  ...r,
  y: r.y - FRAME_LABEL_SPACE,
  height: r.height + FRAME_LABEL_SPACE,
});

function moved(notes: PlacedNote[], tables: string[]): PlacedNote[] {
  const moves = regroupLayout(notes, tables);
  return notes.map((n) => ({ ...n, ...(moves.get(n.id) ?? {}) }));
}

describe('tableRegions', () => {
  it('frames each table’s notes with padding, in table order, and leaves plenary notes out', () => {
    const regions = tableRegions(
      [
        { id: 'a', x: 0, y: 0, table: 't2' },
        { id: 'b', x: 300, y: 100, table: 't2' },
        { id: 'c', x: 50, y: 50, table: 't1' },
        { id: 'p', x: 900, y: 900, table: null },
        { id: 'gone', x: 900, y: 900, table: 'removed' },
      ],
      ['t1', 't2'],
    );
    expect(regions.map((r) => r.table)).toEqual(['t1', 't2']);
    expect(regions[1]).toEqual({
      table: 't2',
      count: 2,
      region: { x: -24, y: -24, width: 300 + NOTE_WIDTH + 48, height: 100 + NOTE_HEIGHT + 48 },
    });
  });
});

describe('tableArea', () => {
  it("is a table's frame with its label above, or nothing for a table without notes", () => {
    const notes = [
      { id: 'n1', x: 100, y: 100, table: 'a' },
      { id: 'n2', x: 0, y: 0, table: 'b' },
    ];
    expect(tableArea(notes, 'a')).toEqual({
      x: 76,
      y: 76 - FRAME_LABEL_SPACE,
      width: NOTE_WIDTH + 48,
      height: NOTE_HEIGHT + 48 + FRAME_LABEL_SPACE,
    });
    expect(tableArea(notes, 'c')).toBeNull();
  });
});

describe('regroupLayout', () => {
  it('puts two tables that wrote on top of each other side by side, each keeping its own arrangement', () => {
    // Both tables wrote around the origin during the round.
    const notes: PlacedNote[] = [
      { id: 'a1', x: 0, y: 0, table: 't1' },
      { id: 'a2', x: 220, y: 40, table: 't1' },
      { id: 'b1', x: 10, y: 10, table: 't2' },
      { id: 'b2', x: 10, y: 200, table: 't2' },
    ];
    const after = moved(notes, ['t1', 't2']);
    const [r1, r2] = tableRegions(after, ['t1', 't2']).map((r) => r.region) as [Region, Region];
    expect(overlap(withLabel(r1), withLabel(r2))).toBe(false);
    // Table 1 on the left, table 2 to its right, on one row.
    expect(r2.x).toBeGreaterThan(r1.x + r1.width);
    expect(r2.y).toBe(r1.y);
    const at = (id: string) => after.find((n) => n.id === id) as PlacedNote;
    // Relative layout kept inside each table.
    expect(at('a2').x - at('a1').x).toBe(220);
    expect(at('a2').y - at('a1').y).toBe(40);
    expect(at('b2').y - at('b1').y).toBe(190);
    expect(at('b2').x - at('b1').x).toBe(0);
    // The first table's notes stay where they started.
    expect(at('a1')).toMatchObject({ x: 0, y: 0 });
  });

  it('keeps the notes made in plenary where they are and puts the tables below them', () => {
    const notes: PlacedNote[] = [
      { id: 'p', x: 0, y: 0, table: null },
      { id: 'a', x: 0, y: 0, table: 't1' },
      { id: 'b', x: 0, y: 0, table: 't2' },
    ];
    const moves = regroupLayout(notes, ['t1', 't2']);
    expect(moves.has('p')).toBe(false);
    const after = moved(notes, ['t1', 't2']);
    for (const { region } of tableRegions(after, ['t1', 't2']))
      expect(withLabel(region).y).toBeGreaterThan(NOTE_HEIGHT);
  });

  it('lays seven tables out in rows, never overlapping, and moves nothing the second time', () => {
    const tables = ['t1', 't2', 't3', 't4', 't5', 't6', 't7'];
    const notes: PlacedNote[] = tables.flatMap((table, i) =>
      Array.from({ length: 3 + i }, (_, k) => ({ id: `${table}-${k}`, x: k * 30, y: k * 170, table })),
    );
    expect(regionsPerRow(7)).toBe(4);
    const after = moved(notes, tables);
    const regions = tableRegions(after, tables).map((r) => withLabel(r.region));
    for (let i = 0; i < regions.length; i++)
      for (let j = i + 1; j < regions.length; j++)
        expect(overlap(regions[i] as Region, regions[j] as Region)).toBe(false);
    expect(regroupLayout(after, tables).size).toBe(0);
  });

  it('packs a table that spread its notes very far into a grid', () => {
    const notes: PlacedNote[] = [
      { id: 'a', x: 0, y: 0, table: 't1' },
      { id: 'b', x: 10_000, y: 0, table: 't1' },
      { id: 'c', x: 0, y: 10_000, table: 't1' },
    ];
    const [region] = tableRegions(moved(notes, ['t1']), ['t1']);
    expect(region?.region.width).toBeLessThan(3 * (NOTE_WIDTH + 24) + 48);
    expect(region?.region.height).toBeLessThan(2 * (NOTE_HEIGHT + 24) + 48);
  });
});

describe('regroupNotesByTable', () => {
  it('moves every table’s notes in one transaction, undone at once', () => {
    const doc = new Y.Doc();
    for (const table of ['t1', 't2', 't2'])
      addNote(doc, { x: 0, y: 0, author: 'p', text: table, table, now: 1 });
    const before = readNotes(doc);
    const undo = new Y.UndoManager(doc.getMap('notes'), { trackedOrigins: new Set([LOCAL_ORIGIN]) });
    undo.stopCapturing();
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    expect(regroupNotesByTable(doc, ['t1', 't2'])).toBe(2);
    expect(transactions).toBe(1);
    expect(readNotes(doc)).not.toEqual(before);
    undo.undo();
    expect(readNotes(doc)).toEqual(before);
  });
});
