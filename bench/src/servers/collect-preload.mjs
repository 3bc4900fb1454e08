/**
 * Loaded with `--import` into the compiled server by the footprint scenario (plain JavaScript:
 * no TypeScript loader, whose own memory would blur what is measured). On the harness's IPC
 * request it runs two full collections, as the server does after a wave (`fullGc`), and answers
 * with `process.memoryUsage()`: the heap's floor, not a point in its cycle.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');

process.on('message', (message) => {
  if (message?.type !== 'bench:collect') return;
  gc();
  gc();
  process.send?.({ type: 'bench:collect', id: message.id, memory: process.memoryUsage() });
});
process.on('disconnect', () => process.exit(1));
