import { buildStrategy, readNotes, readRounds, Strategy } from '@atelier/shared';
import { fixtureWorkshop } from '@atelier/shared/workshop.fixture';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { planSeed } from './seed-plan';

const strategy = () => Strategy.parse(buildStrategy(fixtureWorkshop().source));
const docOf = (update: Uint8Array) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc;
};

describe('planSeed', () => {
  it('chooses the new workshop’s ids, and its documents name them', () => {
    const file = strategy();
    const plan = planSeed(file);
    const authors = new Set(
      file.notes.flatMap((n) => (n.author !== null && n.authorGroup !== null ? [n.author] : [])),
    );
    expect(plan.authors).toHaveLength(authors.size);
    for (const author of plan.authors) expect(authors.has(author.id)).toBe(false);
    const notes = readNotes(docOf(plan.board));
    expect(notes).toHaveLength(file.notes.length);
    const planned = new Set(plan.authors.map((a) => a.id));
    for (const note of notes) if (note.author !== '') expect(planned.has(note.author)).toBe(true);
    expect(file.rounds.length).toBeGreaterThan(0);
    expect(plan.roundIds.map(([old]) => old)).toEqual(file.rounds.map((r) => r.id));
    expect(readRounds(docOf(plan.control)).map((r) => r.id)).toEqual(plan.roundIds.map(([, id]) => id));
  });

  it('chooses other ids for each import of the same file', () => {
    const file = strategy();
    const [a, b] = [planSeed(file), planSeed(file)];
    expect(a.authors.map((p) => p.id)).not.toEqual(b.authors.map((p) => p.id));
    expect(a.roundIds).not.toEqual(b.roundIds);
  });
});
