import { addNote, type JournalEdit } from '@atelier/shared';
import { fixtureWorkshop } from '@atelier/shared/workshop.fixture';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeAwareness, encodeSyncStep2Update, encodeUpdate } from '../sync/messages';
import { EXPORT_FORMAT_NAMES, EXPORT_FORMATS } from './formats';
import { type CapturedSession, docFromFrames, renderExport, strategyOf } from './render';

/** A room's answer to a fresh client: its state at some point, then the updates applied since. */
function framesOf(doc: Y.Doc, later: (doc: Y.Doc) => void): Uint8Array[] {
  const frames = [encodeSyncStep2Update(Y.encodeStateAsUpdate(doc))];
  const record = (update: Uint8Array) => frames.push(encodeUpdate(update));
  doc.on('update', record);
  later(doc);
  doc.off('update', record);
  return frames;
}

function captured(): { session: CapturedSession; live: ReturnType<typeof fixtureWorkshop>['source'] } {
  const { source } = fixtureWorkshop();
  const board = framesOf(source.board, (doc) =>
    addNote(doc, {
      id: 'late',
      x: 0,
      y: 400,
      author: 'p-lea',
      theme: 'mobility',
      text: 'Ajoutée après',
      now: 1,
    }),
  );
  const control = framesOf(source.control, () => {});
  return { session: { ...source, board, control }, live: source };
}

/**
 * A file's bytes; of the Office formats, their zip entries' text without what differs between
 * two writes of the same strategy on one thread: the time of writing (zip headers, docProps)
 * and the docx library's bookmark counter (global to the thread: `_Toc29`, `w:id="29"` for a
 * thread's 29th heading).
 */
function comparable(format: string, bytes: Uint8Array | undefined) {
  if (!bytes) return null;
  if (format !== 'xlsx' && format !== 'docx') return Buffer.from(bytes);
  return Object.entries(unzipSync(bytes)).map(([name, entry]) => [
    name,
    strFromU8(entry)
      .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '(time)')
      .replace(/_Toc\d+/g, '_Toc')
      .replace(/w:id="\d+"/g, 'w:id=""'),
  ]);
}

describe('docFromFrames', () => {
  it('rebuilds a document from a sync step 2 and the updates after it, in whatever order they come', () => {
    const { session, live } = captured();
    const rebuilt = docFromFrames([...session.board].reverse());
    expect(Y.encodeStateVector(rebuilt)).toEqual(Y.encodeStateVector(live.board));
    expect(rebuilt.getMap('notes').toJSON()).toEqual(live.board.getMap('notes').toJSON());
  });

  it('refuses a frame that is not a sync step 2 or an update', () => {
    expect(() => docFromFrames([encodeAwareness(new Uint8Array([0]))])).toThrow(/not a sync step 2/);
  });
});

describe('renderExport', () => {
  it('writes a workshop in every format as the live documents give it (the same bytes; the Office files’ same content)', async () => {
    const { session, live } = captured();
    const read = strategyOf(live);
    if (!read.strategy) throw new Error('the fixture is valid');
    for (const format of EXPORT_FORMAT_NAMES) {
      const written = await renderExport({ kind: 'workshop', format, session });
      const direct = await EXPORT_FORMATS[format].write(read.strategy);
      expect(comparable(format, written.bytes), format).toEqual(comparable(format, direct));
    }
  });

  it('says what the schema refuses instead of writing the file', async () => {
    const { source } = fixtureWorkshop();
    const note = source.board.getMap<Y.Map<unknown>>('notes').get('n1');
    (note?.get('text') as Y.Text | undefined)?.insert(0, 'x'.repeat(2_500));
    const session = {
      ...source,
      board: framesOf(source.board, () => {}),
      control: framesOf(source.control, () => {}),
    };
    const written = await renderExport({ kind: 'workshop', format: 'docx', session });
    expect(written.bytes).toBeUndefined();
    expect(written.problems).toEqual([{ path: ['notes', 0, 'text'], message: expect.any(String) }]);
  });

  it('writes a strategy of two sessions with their journal, as the file formats do', async () => {
    const { session } = captured();
    const journal: JournalEdit[] = [];
    const job = {
      kind: 'strategy' as const,
      format: 'json' as const,
      strategy: {
        id: 's1',
        title: 'Mobilités',
        territory: session.workshop.territory,
        locale: session.workshop.locale,
      },
      sessions: [
        { id: 'w1', title: 'Séance 1', date: '2026-12-03', session, journal },
        { id: 'w2', title: 'Séance 2', date: '2026-12-10', session, journal },
      ],
      exportedBy: session.exportedBy,
      exportedAt: new Date('2026-12-10T17:00:00.000Z'),
      appVersion: 'test',
    };
    const written = await renderExport(job);
    const file = JSON.parse(new TextDecoder().decode(written.bytes));
    expect(file.sessions.map((s: { id: string; index: number }) => [s.id, s.index])).toEqual([
      ['w1', 1],
      ['w2', 2],
    ]);
    expect(file.provenance.exportedAt).toBe('2026-12-10T17:00:00.000Z');
    expect(file.final.notes.some((n: { id: string }) => n.id === 'late')).toBe(true);
    const docx = await renderExport({ ...job, format: 'docx' });
    expect(docx.bytes?.byteLength).toBeGreaterThan(1000);
  });
});
