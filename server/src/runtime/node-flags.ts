/**
 * The Node flags the server runs with: package.json's `start`, deploy/*.service and the bench
 * start it with them (a test checks the first two say the same). A cluster's workers inherit them.
 *
 * `--max-semi-space-size=2` (MB): a young generation kept small. Building a big room's
 * document (a 20,000-note board's cold load: ~290,000 Yjs items, ~250 MB of heap) allocates
 * objects that all survive, and a scavenge's pause grows with what survives: with V8's default
 * (the young generation grows to 16 MB semi-spaces under such a load) each scavenge copied up to
 * 16 MB and paused every room on the node for 20–60 ms; at 2 MB it pauses a few ms, more often
 * (docs/benchmarks.md, "Cold loads and the young generation").
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=2'];

/** The flags of `SERVER_NODE_FLAGS` this process was started without (on its command line or in `NODE_OPTIONS`). */
export function missingNodeFlags(execArgv: readonly string[], nodeOptions = ''): string[] {
  const given = new Set([...execArgv, ...nodeOptions.split(/\s+/).filter(Boolean)]);
  return SERVER_NODE_FLAGS.filter((flag) => !given.has(flag));
}
