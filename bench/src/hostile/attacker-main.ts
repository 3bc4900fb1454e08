/**
 * An attacker process of the hostile scenario (started by attacker.ts): runs one job (the
 * malformed flood, or the limits' edges) and reports over IPC. Its own process, so that its
 * loops never share an event loop — or a time slice ahead of — the honest room's clients.
 */

import type { AttackJob, FromAttacker } from './attacker';
import { malformedFlood } from './attacks';
import { limitEdges } from './edges';

const reply = (message: FromAttacker) => process.send?.(message);

process.once('message', (job: AttackJob) => {
  const log = (message: string) => reply({ type: 'log', message });
  const work =
    job.type === 'flood'
      ? malformedFlood(job.spec).then((flood) => ({ ...flood, outcomes: flood.outcomes.toJSON() }))
      : limitEdges(job.spec, log);
  work.then(
    (result) => reply({ type: 'result', result }),
    (error: unknown) => reply({ type: 'error', message: String(error) }),
  );
});
// The harness gone, the attack goes too.
process.on('disconnect', () => process.exit(0));
