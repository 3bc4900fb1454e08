import { type ExportJob, type ExportResult, renderExport } from '../export/render';
import { type ImportRead, readImport } from '../import/read-import';

/*
 * The heavy work the server hands to its worker threads (pool.ts), one job at a time per
 * thread: reading an import's file, writing an export. Pure functions of plain data, so that
 * what a worker runs is what a test can run on its own thread.
 */

export type WorkRequest = { kind: 'import'; bytes: Uint8Array } | { kind: 'export'; job: ExportJob };

/** What each kind of job answers. */
export interface WorkResults {
  import: ImportRead;
  export: ExportResult;
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
  if (request.kind === 'import') return { result: readImport(request.bytes), transfer: [] };
  const result = await renderExport(request.job);
  const bytes = result.bytes;
  // Handed over only when the file owns its whole buffer (a small Buffer shares Node's pool slab).
  const own = bytes && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  return { result, transfer: own ? [bytes.buffer as ArrayBuffer] : [] };
}
