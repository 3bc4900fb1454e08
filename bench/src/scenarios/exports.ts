/**
 * Exports: how long a facilitator waits for each format of a realistic workshop's outcome, in
 * process (no HTTP): reading the documents into the strategy object and validating it, then
 * each writer of server/src/export/formats.ts. Then a strategy of 4 sessions × 500 notes (issue
 * 18: "exports in under 2 s"): the 4 outcomes read and validated, the strategy file built and
 * validated, then each format's writer. Atelier only — no peer exports a strategy.
 */

import { EXPORT_FORMATS, type ExportFormatName, STRATEGY_FILE_FORMATS } from '@atelier/server';
import {
  buildStrategy,
  LIMITS,
  noEntries,
  PARTICIPANT_GROUPS,
  type PublicRound,
  publishRound,
  Strategy,
  type StrategySource,
  seedControl,
  tallyRound,
} from '@atelier/shared';
import { strategyFileOf } from '@atelier/testing';
import * as Y from 'yjs';
import { generateBoard } from '../boards/generate-board';
import { now } from '../lib/clock';
import type { Column, ResultRow, ScenarioContext, ScenarioResult } from '../lib/scenario';
import { median } from '../lib/stats';

export const name = 'exports';
export const description =
  'the strategy object (read + validate) and each export format of a 320-note and a 2,000-note workshop, and of a strategy of 4 sessions × 500 notes (target < 2 s per format), in process; then the size of that strategy as an import body, with notes as written and at their longest';
export const columns: Column[] = [
  { key: 'ms', label: 'median ms', digits: 1 },
  { key: 'maxMs', label: 'max ms', digits: 1 },
  { key: 'kB', label: 'size kB', digits: 0 },
];

const SIZES = {
  full: [
    { notes: 320, actions: 10 },
    { notes: 2_000, actions: 60 },
  ],
  quick: [{ notes: 320, actions: 10 }],
};
const RUNS = { full: 5, quick: 2 };
/** The strategy of several sessions the issue sets a target for: 4 sessions × 500 notes. */
const STRATEGY_SESSIONS = { sessions: 4, notes: 500, actions: 15 };

/** Median and max of `runs` timings of `work`, with its last result. */
async function timed<T>(runs: number, work: () => T | Promise<T>) {
  const times: number[] = [];
  let result: T | undefined;
  for (let i = 0; i < runs; i++) {
    const t0 = now();
    result = await work();
    times.push(now() - t0);
  }
  return { result: result as T, ms: median(times), maxMs: Math.max(...times) };
}

export async function run(ctx: ScenarioContext): Promise<ScenarioResult> {
  const rows: ResultRow[] = [];
  const runs = ctx.quick ? RUNS.quick : RUNS.full;
  for (const size of ctx.quick ? SIZES.quick : SIZES.full) {
    ctx.log(`exports: ${size.notes} notes, ${size.actions} sheets`);
    const source = workshopSource(size.notes, size.actions);
    const label = `${size.notes} notes`;
    const built = await timed(runs, () => Strategy.parse(buildStrategy(source)));
    rows.push({
      key: `${label} / strategy object`,
      server: 'atelier',
      ms: built.ms,
      maxMs: built.maxMs,
      kB: null,
    });
    for (const format of Object.keys(EXPORT_FORMATS) as ExportFormatName[]) {
      const written = await timed(runs, () => EXPORT_FORMATS[format].write(built.result));
      rows.push({
        key: `${label} / ${format}`,
        server: 'atelier',
        ms: written.ms,
        maxMs: written.maxMs,
        kB: written.result.byteLength / 1024,
      });
    }
  }
  rows.push(...(await strategyRows(ctx, runs)));
  return { rows, notes: ['server: atelier only (no peer exports a strategy); times exclude HTTP'] };
}

/**
 * A strategy of 4 sessions × 500 notes, each format timed as the route does it: every session's
 * outcome read and validated, the file built and validated, then written.
 */
async function strategyRows(ctx: ScenarioContext, runs: number): Promise<ResultRow[]> {
  const { sessions, notes, actions } = STRATEGY_SESSIONS;
  ctx.log(`exports: a strategy of ${sessions} sessions × ${notes} notes`);
  // The same generated board each session: a session continues the last with the same ids.
  const sources = Array.from({ length: sessions }, () => workshopSource(notes, actions));
  const file = () => strategyFileOf(sources.map((source) => Strategy.parse(buildStrategy(source))));
  const label = `strategy ${sessions} × ${notes} notes`;
  const rows: ResultRow[] = [];
  for (const format of Object.keys(STRATEGY_FILE_FORMATS) as ExportFormatName[]) {
    const written = await timed(runs, async () => STRATEGY_FILE_FORMATS[format].write(file()));
    rows.push({
      key: `${label} / ${format} (read + write)`,
      server: 'atelier',
      ms: written.ms,
      maxMs: written.maxMs,
      kB: written.result.byteLength / 1024,
    });
  }
  // What the import route receives (the client sends the file compact): it must stay under
  // IMPORT_MAX_BYTES even when every note is as long as a note may be.
  const longest: [string, (text: string) => string][] = [
    ['as written', (text) => text],
    [
      'every note 2,000 characters of French',
      (text) => text.padEnd(LIMITS.noteText, ' et un détail de plus'),
    ],
    ['every note 2,000 three-byte characters', () => '€'.repeat(LIMITS.noteText)],
  ];
  for (const [how, text] of longest) {
    for (const source of sources) rewriteNotes(source.board, text);
    const body = new TextEncoder().encode(JSON.stringify({ strategy: file() }));
    rows.push({
      key: `${label} / import body, ${how}`,
      server: 'atelier',
      ms: null,
      maxMs: null,
      kB: body.byteLength / 1024,
    });
  }
  return rows;
}

/** Every note's text replaced by `text(its text)`, in place. */
function rewriteNotes(board: Y.Doc, text: (old: string) => string): void {
  for (const note of board.getMap<Y.Map<unknown>>('notes').values()) {
    const field = note.get('text') as Y.Text;
    const next = text(field.toString());
    field.delete(0, field.length);
    field.insert(0, next);
  }
}

/** A generated board with its notes sorted into issues, and a control document with one revealed round by 45 voters. */
export function workshopSource(notes: number, actions: number): StrategySource {
  const { doc: board } = generateBoard({ notes, actions, sortIntoIssues: true, movesPerNote: 0 });
  const control = new Y.Doc();
  seedControl(control, 'full');
  const issues = [...board.getMap<Y.Map<unknown>>('clusters').keys()];
  const people = Array.from({ length: 45 }, (_, i) => ({
    id: `p${i}`,
    name: `Participant ${i}`,
    group: PARTICIPANT_GROUPS[i % PARTICIPANT_GROUPS.length] ?? 'other',
    role: i === 0 ? ('facilitator' as const) : ('participant' as const),
    coFacilitator: false,
    removed: false,
  }));
  const round: PublicRound = {
    id: 'round-1',
    title: 'Enjeux prioritaires',
    targetKind: 'issues',
    targets: issues.map((id) => ({ id, label: id })),
    mode: 'dots',
    visibility: 'secret',
    dots: { budget: 5, cap: 2, negative: false },
    criteria: null,
    grades: null,
    points: null,
    quorum: null,
    collegeWeighting: false,
    state: 'revealed',
    durationMinutes: null,
    endsAt: null,
    createdAt: '2026-12-03T10:00:00.000Z',
    openedAt: '2026-12-03T10:00:00.000Z',
    closedAt: '2026-12-03T10:05:00.000Z',
    revealedAt: '2026-12-03T10:05:00.000Z',
    results: null,
  };
  round.results = tallyRound(
    round,
    people.map((p, i) => ({
      participantId: p.id,
      group: p.group,
      ...noEntries(),
      dots: { [issues[i % issues.length] ?? '']: 2, [issues[(i + 3) % issues.length] ?? '']: 2 },
    })),
  );
  publishRound(control, round);
  return {
    board,
    control,
    workshop: {
      id: 'bench',
      title: 'Stratégie d’innovation — Val de Loue',
      territory: { name: 'Val de Loue', kind: 'epci' },
      locale: 'fr',
      createdAt: '2026-12-03T09:00:00.000Z',
    },
    people,
    exportedBy: { id: 'p0', name: 'Participant 0' },
    exportedAt: new Date('2026-12-03T17:00:00.000Z'),
    includeNames: false,
    appVersion: 'bench',
  };
}
