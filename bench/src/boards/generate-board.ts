import { addNote, moveNote, seedBoard } from '@atelier/shared';
import { loadFixture, writeOutcome } from '@atelier/testing';
import * as Y from 'yjs';
import { seededRandom } from './seeded-random';

export interface BoardSpec {
  notes: number;
  /** Action sheets (step 4), with their financing, milestones, partners and indicators; default 50. */
  actions?: number;
  /** People who wrote the notes; each writes with their own Yjs client id. Default 45. */
  authors?: number;
  /** How often each note was moved after it was posted (sorting into theme blocks); default 1. */
  movesPerNote?: number;
  seed?: number;
  /** Sort the fixture's notes into the issues as the fixture says (the export bench reads them); default off. */
  sortIntoIssues?: boolean;
  /** Receives the board's history as V1 updates of at most `chunkTransactions` transactions each. */
  onChunk?: (update: Uint8Array) => void;
  chunkTransactions?: number;
}

export interface Board {
  doc: Y.Doc;
  noteIds: string[];
  /** Yjs client id of each author, in author order. */
  authorClientIds: number[];
}

/** 2026-12-03 09:00 UTC, the fixture's workshop day: timestamps never depend on when the bench runs. */
const WORKSHOP_START = Date.UTC(2026, 11, 3, 9, 0, 0);
const NOTE_W = 220;
const NOTE_H = 170;

/**
 * A deterministic board as a real workshop would leave it: notes posted by 45 people with the
 * fixture's texts and themes (through @atelier/shared's addNote/moveNote, so the Yjs structure
 * is the app's), then sorted into one block per theme, plus the issues, axes and action sheets
 * of the later steps (through the same commands as the demo seed).
 */
export function generateBoard(spec: BoardSpec): Board {
  const random = seededRandom(spec.seed ?? 1);
  const fixture = loadFixture();
  const doc = new Y.Doc({ gc: true });
  const emitter = spec.onChunk ? chunkEmitter(doc, spec.onChunk, spec.chunkTransactions ?? 200) : null;

  const authors = Array.from({ length: spec.authors ?? 45 }, () => ({
    clientId: random.uint32(),
    participantId: random.base64url(12),
  }));
  const as = (author: (typeof authors)[number]): void => {
    doc.clientID = author.clientId;
  };
  const facilitator = authors[0];
  if (!facilitator) throw new Error('a board needs at least one author');

  as(facilitator);
  seedBoard(doc);

  const themes = fixture.themes.map((t) => t.id);
  const perTheme = Math.ceil(spec.notes / themes.length);
  const perRow = Math.max(2, Math.ceil(Math.sqrt(perTheme * 1.3)));
  const blockW = perRow * NOTE_W + 140;
  const blockH = Math.ceil(perTheme / perRow) * NOTE_H + 140;
  const placed = new Map<string, number>();
  const slot = (theme: string): { x: number; y: number } => {
    const block = themes.indexOf(theme);
    const n = placed.get(theme) ?? 0;
    placed.set(theme, n + 1);
    return {
      x: 40 + (block % 4) * blockW + (n % perRow) * NOTE_W,
      y: 40 + Math.floor(block / 4) * blockH + Math.floor(n / perRow) * NOTE_H,
    };
  };

  const noteIds: string[] = [];
  const noteThemes: string[] = [];
  for (let i = 0; i < spec.notes; i++) {
    const source = fixture.notes[i % fixture.notes.length];
    if (!source) break;
    const author = random.pick(authors);
    as(author);
    // Posted near where its author works, before the sorting.
    const now = WORKSHOP_START + i * 700;
    const id = addNote(doc, {
      id: random.uuid(),
      x: random.int(4 * blockW),
      y: random.int(2 * blockH),
      author: author.participantId,
      text: source.text,
      theme: source.theme,
      now,
    });
    noteIds.push(id);
    noteThemes.push(source.theme);
  }

  const moves = spec.movesPerNote ?? 1;
  let clock = WORKSHOP_START + spec.notes * 700;
  for (let round = 0; round < moves; round++) {
    noteIds.forEach((id, i) => {
      as(random.pick(authors));
      const target = round === 0 ? slot(noteThemes[i] ?? '') : null;
      const to = target ?? { x: random.int(4 * blockW), y: random.int(2 * blockH) };
      clock += 250;
      moveNote(doc, id, to, clock);
    });
  }

  // Steps 2–6 by the facilitator, with the app's commands (issues hold no notes unless asked: the
  // notes stay on the board of step 1 that the scenarios measure).
  as(facilitator);
  writeOutcome(doc, fixture, {
    ...(spec.sortIntoIssues ? { noteIds } : {}),
    sheets: spec.actions ?? 50,
    newId: () => random.uuid(),
    now: () => {
      clock += 1000;
      return clock;
    },
  });
  emitter?.flush();
  return { doc, noteIds, authorClientIds: authors.map((a) => a.clientId) };
}

/**
 * Groups a doc's transactions into updates of a bounded size. Merging a short log is cheap;
 * only long logs explode in Y.mergeUpdates (yjs#710), hence the bound.
 */
function chunkEmitter(doc: Y.Doc, emit: (update: Uint8Array) => void, every: number) {
  let pending: Uint8Array[] = [];
  const flush = (): void => {
    if (pending.length > 0) emit(pending.length === 1 ? (pending[0] as Uint8Array) : Y.mergeUpdates(pending));
    pending = [];
  };
  doc.on('update', (update: Uint8Array) => {
    pending.push(update);
    if (pending.length >= every) flush();
  });
  return { flush };
}
