import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A full garbage collection, for the rare moment the server knows a burst is over (see
 * `after-wave.ts`). V8 only shrinks a heap it grew when the process allocates slowly, which a
 * busy room never does; a collection asked for by the embedder gives the pages back. Node has
 * no API for it but `gc()`, which `--expose-gc` puts in every new context: set the flag, then
 * take `gc` from a fresh context (the current one was made before the flag).
 */
export function fullGc(): () => void {
  setFlagsFromString('--expose-gc');
  const gc: unknown = runInNewContext('gc');
  if (typeof gc !== 'function') throw new Error('V8 did not expose gc()');
  return () => gc();
}
