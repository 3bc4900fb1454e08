import { ballotCast, budgetUsed, type RoundProgress, roundBudget, voterStatus } from '@atelier/shared';
import { nothingStored, type RoundRecord, type StoredBallot } from '../store/ballots';
import type { ParticipantRecord } from '../store/workshops';

const NOTHING = nothingStored();

/**
 * Who is expected to vote and where each stands, never what they chose: people with the
 * participant role still in the workshop, plus anyone else who placed something (a
 * facilitator who voted, someone removed after voting). Facilitators may abstain unseen.
 */
export function roundProgress(
  round: RoundRecord,
  people: readonly ParticipantRecord[],
  ballots: readonly StoredBallot[],
): RoundProgress {
  const byPerson = new Map(ballots.map((b) => [b.participantId, b]));
  const voters = people
    .filter((p) => (p.role === 'participant' && !p.removedAt) || ballotCast(byPerson.get(p.id) ?? NOTHING))
    .map((p) => {
      const ballot = byPerson.get(p.id) ?? NOTHING;
      return { person: p, ballot, status: voterStatus(round, ballot) };
    });
  const budget = roundBudget(round);
  const left = voters.reduce((sum, v) => sum + Math.max(0, budget - budgetUsed(round, v.ballot)), 0);
  return {
    roundId: round.id,
    voters: voters.map(({ person, ballot, status }) => ({
      participantId: person.id,
      name: person.name,
      group: person.group,
      status,
      voted: ballotCast(ballot),
    })),
    // A "done" with an empty ballot is an abstention: done, but not voted.
    voted: voters.filter((v) => ballotCast(v.ballot)).length,
    done: voters.filter((v) => v.status === 'done').length,
    dotsLeft: round.mode === 'dots' ? left : null,
    pointsLeft: round.mode === 'points' ? left : null,
  };
}
