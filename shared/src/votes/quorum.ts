import { PARTICIPANT_GROUPS, type ParticipantGroup } from '../schema/enums';
import type { Quorum, QuorumOutcome } from './round';

/**
 * A round's quorum per group (issue 20 §2): in each participant group with people expected to
 * vote, at least `percent` of them must have voted (placed something; a "done" with nothing is
 * an abstention). Groups are in their usual order; a group nobody of which is expected is left out.
 */
export function quorumOutcome(
  quorum: Quorum,
  voters: readonly { group: ParticipantGroup; voted: boolean }[],
): QuorumOutcome {
  const groups = PARTICIPANT_GROUPS.flatMap((group) => {
    const expected = voters.filter((v) => v.group === group);
    if (expected.length === 0) return [];
    const voted = expected.filter((v) => v.voted).length;
    return [
      { group, expected: expected.length, voted, met: voted * 100 >= quorum.percent * expected.length },
    ];
  });
  return { percent: quorum.percent, met: groups.every((g) => g.met), groups };
}
