import {
  buildStrategy,
  buildStrategyFile,
  type JournalEdit,
  type PackLicence,
  Strategy,
  StrategyFile,
  type StrategyFileSource,
  type StrategySource,
} from '@atelier/shared';
import * as Y from 'yjs';
import { decodeSyncFrame } from '../sync/messages';
import { EXPORT_FORMATS, type ExportFormatName, STRATEGY_FILE_FORMATS } from './formats';
import { publicPackZip } from './public-pack';

/*
 * An export's expensive part — rebuilding the documents, building and validating the strategy
 * object, writing the format — as a pure function of plain data, so that it runs in a worker
 * thread (server/src/workers) while the sync loop goes on. The main thread only captures what
 * the worker needs (read.ts: `capture`).
 */

/** A field the schema refuses, with its path (plain data: it crosses threads). */
export interface SchemaProblem {
  path: readonly PropertyKey[];
  message: string;
}

/**
 * One workshop's documents and rows as an export needs them, copied out of the rooms: each
 * document as the sync frames a fresh client would get (the room's cached full-state reply and
 * the updates applied since), so that capturing it costs no encode when that reply is cached.
 */
export interface CapturedSession extends Omit<StrategySource, 'board' | 'control'> {
  board: Uint8Array[];
  control: Uint8Array[];
}

/** What the worker is asked to write. */
export type ExportJob =
  | { kind: 'workshop'; format: ExportFormatName; session: CapturedSession }
  /** The public data pack (public-pack.ts), always without names. */
  | { kind: 'pack'; licence: PackLicence; session: CapturedSession }
  | {
      kind: 'strategy';
      format: ExportFormatName;
      strategy: StrategyFileSource['strategy'];
      /** Each session read as its own export (the strategy's facilitator in it exporting it). */
      sessions: {
        id: string;
        title: string;
        date: string;
        session: CapturedSession;
        journal: readonly JournalEdit[];
      }[];
      exportedBy: { id: string; name: string };
      exportedAt: Date;
      appVersion: string;
    };

/** The file's bytes, or what in the documents the schema refuses (nothing is written then). */
export type ExportResult =
  | { bytes: Uint8Array; problems?: never }
  | { bytes?: never; problems: SchemaProblem[] };

/** A document rebuilt from its sync frames (a sync step 2 first, then the updates). */
export function docFromFrames(frames: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  const decoded = frames.map(decodeSyncFrame);
  // The full state first: the updates after it then apply at once rather than wait as pending.
  for (const { update } of decoded.filter((d) => d.step2)) Y.applyUpdate(doc, update);
  for (const { update } of decoded.filter((d) => !d.step2)) Y.applyUpdate(doc, update);
  return doc;
}

const plainProblems = (issues: readonly SchemaProblem[]): SchemaProblem[] =>
  issues.map((issue) => ({
    path: issue.path.map((p) => (typeof p === 'number' ? p : String(p))),
    message: issue.message,
  }));

/** A validated strategy object, or what in the documents the schema refuses. */
export type StrategyRead =
  | { strategy: Strategy; problems?: never }
  | { strategy?: never; problems: SchemaProblem[] };

/** The validated strategy object of documents as they are (live docs, or rebuilt ones). */
export function strategyOf(source: StrategySource): StrategyRead {
  // Validated before it leaves: a file that breaks its own schema is never sent.
  const checked = Strategy.safeParse(buildStrategy(source));
  return checked.success ? { strategy: checked.data } : { problems: plainProblems(checked.error.issues) };
}

/** A captured session's strategy object: its documents rebuilt, read, validated, then dropped. */
export function sessionStrategy(session: CapturedSession): StrategyRead {
  const board = docFromFrames(session.board);
  const control = docFromFrames(session.control);
  try {
    return strategyOf({ ...session, board, control });
  } finally {
    board.destroy();
    control.destroy();
  }
}

/** Writes an export: the same bytes the routes wrote on the main thread before (formats.ts). */
export async function renderExport(job: ExportJob): Promise<ExportResult> {
  if (job.kind === 'workshop' || job.kind === 'pack') {
    const read = sessionStrategy(job.session);
    if (read.problems) return { problems: read.problems };
    if (job.kind === 'pack') return { bytes: await publicPackZip(read.strategy, job.licence) };
    return { bytes: await EXPORT_FORMATS[job.format].write(read.strategy) };
  }
  const sessions: StrategyFileSource['sessions'][number][] = [];
  for (const { session, ...about } of job.sessions) {
    const read = sessionStrategy(session);
    if (read.problems) return { problems: read.problems };
    sessions.push({ ...about, outcome: read.strategy });
  }
  const file = buildStrategyFile({
    strategy: job.strategy,
    sessions,
    exportedBy: job.exportedBy,
    exportedAt: job.exportedAt,
    appVersion: job.appVersion,
  });
  // Validated before it leaves, like a workshop's file.
  const checked = StrategyFile.safeParse(file);
  if (!checked.success) return { problems: plainProblems(checked.error.issues) };
  return { bytes: await STRATEGY_FILE_FORMATS[job.format].write(checked.data) };
}
