/**
 * Note rules: what the server's check of a participant's board update costs ("each their own"
 * notes and the bin, server/src/sync/ownership.ts), in process, on a generated workshop board:
 * a keystroke in one's own note, a move of someone else's note, and the sync step 2 a client
 * sends when it reconnects (its whole delete set). Atelier only; no socket.
 */

import { noteWriteDenial } from '@atelier/server';
import { addNote, binNote, moveNote, readNotes, setNoteText } from '@atelier/shared';
import * as Y from 'yjs';
import { generateBoard } from '../boards/generate-board';
import { now } from '../lib/clock';
import type { Column, ResultRow, ScenarioContext, ScenarioResult } from '../lib/scenario';
import { median } from '../lib/stats';

export const name = 'note-rules';
export const description =
  'the server’s check of a participant board update against the note rules, on a 320- and a 2,000-note board, in process';
export const columns: Column[] = [
  { key: 'us', label: 'median µs', digits: 1 },
  { key: 'p99us', label: 'p99 µs', digits: 1 },
  { key: 'bytes', label: 'update bytes', digits: 0 },
];

const SIZES = { full: [320, 2_000], quick: [320] };
const RUNS = { full: 3_000, quick: 200 };

export async function run(ctx: ScenarioContext): Promise<ScenarioResult> {
  const rows: ResultRow[] = [];
  const runs = ctx.quick ? RUNS.quick : RUNS.full;
  for (const notes of ctx.quick ? SIZES.quick : SIZES.full) {
    ctx.log(`note rules: ${notes} notes`);
    const { server, updates } = workshop(notes);
    for (const [kind, update] of Object.entries(updates)) {
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t0 = now();
        if (noteWriteDenial(server, update, AUTHOR, 'own') !== null) throw new Error(`${kind} was refused`);
        times.push((now() - t0) * 1000);
      }
      times.sort((a, b) => a - b);
      rows.push({
        key: `${notes} notes / ${kind}`,
        server: 'atelier',
        us: median(times),
        p99us: times[Math.floor(times.length * 0.99)] ?? null,
        bytes: update.byteLength,
      });
    }
  }
  return { rows, notes: ['server: atelier only; the check alone, without applying or storing the update'] };
}

const AUTHOR = 'bench-author';

/** The room's document after a session (notes retyped, some binned), and a participant's updates to it. */
function workshop(notes: number) {
  const { doc: server, noteIds } = generateBoard({ notes, actions: 10, movesPerNote: 1 });
  noteIds.forEach((id, i) => {
    if (i % 4 === 0) setNoteText(server, id, `${readText(server, id)} (précisé)`);
    if (i % 25 === 0) binNote(server, id, 'someone');
  });
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const sent = (change: () => void): Uint8Array => {
    let update: Uint8Array | null = null;
    const take = (u: Uint8Array) => {
      update = u;
    };
    client.on('update', take);
    change();
    client.off('update', take);
    if (!update) throw new Error('no update');
    Y.applyUpdate(server, update);
    return update;
  };
  let mine = '';
  sent(() => {
    mine = addNote(client, { x: 0, y: 0, author: AUTHOR, text: 'Ma contribution' });
  });
  const others = readNotes(client).filter((n) => n.author !== AUTHOR);
  for (let i = 0; i < 20; i++) sent(() => setNoteText(client, mine, `Ma contribution ${'·'.repeat(i)}`));
  return {
    server,
    updates: {
      keystroke: sent(() => setNoteText(client, mine, `Ma contribution ${'·'.repeat(20)}!`)),
      'move of another’s note': sent(() => moveNote(client, others[0]?.id ?? mine, { x: 40, y: 40 })),
      'reconnect (sync step 2)': Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)),
    },
  };
}

function readText(doc: Y.Doc, id: string): string {
  return readNotes(doc).find((n) => n.id === id)?.text ?? '';
}
