import {
  type CapturedSession,
  type ExportJob,
  type ExportResult,
  renderExport,
  type StrategyRead,
  sessionStrategy,
} from '../export/render';
import { type ImportRead, readImport } from '../import/read-import';
import { type StoredParts, type StoredSlices, sliceStoredDoc } from '../sync/stored-doc';
import { owned } from './owned';

/*
 * The heavy work the server hands to its worker threads (pool.ts), one job at a time per
 * thread: reading an import's file, writing an export, reading a workshop's strategy object
 * (the public follow-up page's), cutting a big stored document into slices for its room
 * (sync/stored-doc.ts, `loadStoredDoc`). Pure functions of plain data, so that
 * what a worker runs is what a test can run on its own thread.
 */

export type WorkRequest =
  | { kind: 'import'; bytes: Uint8Array }
  | { kind: 'export'; job: ExportJob }
  | { kind: 'read-strategy'; session: CapturedSession }
  | { kind: 'slice-doc'; stored: StoredParts };

/** What each kind of job answers. */
export interface WorkResults {
  import: ImportRead;
  export: ExportResult;
  'read-strategy': StrategyRead;
  'slice-doc': StoredSlices;
}

/** A job's outcome, as it crosses back: `null` with `failure` when the job threw. */
export interface WorkAnswer<R = unknown> {
  result: R | null;
  failure?: string;
  /** The worker thread that ran it (the server's own is 0). */
  threadId: number;
  ms: number;
}

/** Runs one job; the buffers the answer may hand over (transferred, not copied) come with it. */
export async function runJob(request: WorkRequest): Promise<{ result: unknown; transfer: ArrayBuffer[] }> {
  if (request.kind === 'import') {
    const result = readImport(request.bytes);
    const plans = result.ok ? result.plans : [];
    return { result, transfer: owned(plans.flatMap((plan) => [plan.board, plan.control])) };
  }
  if (request.kind === 'slice-doc') {
    const result = sliceStoredDoc(request.stored);
    const step2 = result.snapshotStep2 ? [result.snapshotStep2] : [];
    return { result, transfer: owned([...result.slices, ...step2]) };
  }
  // The object crosses back by structured clone: a copy, as plain data.
  if (request.kind === 'read-strategy') return { result: sessionStrategy(request.session), transfer: [] };
  const result = await renderExport(request.job);
  return { result, transfer: result.bytes ? owned([result.bytes]) : [] };
}
