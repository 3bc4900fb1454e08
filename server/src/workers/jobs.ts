import { type ExportJob, type ExportResult, renderExport } from '../export/render';
import { type ImportRead, readImport } from '../import/read-import';
import { type StoredSlices, sliceStoredDoc } from '../sync/stored-doc';

/*
 * The heavy work the server hands to its worker threads (pool.ts), one job at a time per
 * thread: reading an import's file, writing an export, cutting a big stored document into
 * slices for its room (sync/stored-doc.ts, `loadStoredDoc`). Pure functions of plain data, so that
 * what a worker runs is what a test can run on its own thread.
 */

export type WorkRequest =
  | { kind: 'import'; bytes: Uint8Array }
  | { kind: 'export'; job: ExportJob }
  | { kind: 'slice-doc'; snapshot: Uint8Array | null; updates: Uint8Array[] };

/** What each kind of job answers. */
export interface WorkResults {
  import: ImportRead;
  export: ExportResult;
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
  if (request.kind === 'import') return { result: readImport(request.bytes), transfer: [] };
  if (request.kind === 'slice-doc') {
    const result = sliceStoredDoc(request.snapshot, request.updates);
    return { result, transfer: owned(result.slices) };
  }
  const result = await renderExport(request.job);
  return { result, transfer: result.bytes ? owned([result.bytes]) : [] };
}

/** The buffers that can be handed over: only those each array owns whole (a small Buffer shares Node's pool slab). */
function owned(arrays: readonly Uint8Array[]): ArrayBuffer[] {
  return arrays
    .filter((bytes) => bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength)
    .map((bytes) => bytes.buffer as ArrayBuffer);
}
