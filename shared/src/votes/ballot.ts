import type { Ballot, BallotChange, PublicRound, VoterStatus } from './round';

/**
 * The voting rules, as pure functions: the server enforces them on every change and the client
 * asks them first (to grey out a dot that would be refused), so both always agree.
 */

export const BALLOT_REFUSALS = [
  'over_budget',
  'over_cap',
  'negative_not_allowed',
  'unknown_target',
  'unknown_criterion',
  'wrong_mode',
] as const;
export type BallotRefusalCode = (typeof BALLOT_REFUSALS)[number];
export interface BallotRefusal {
  code: BallotRefusalCode;
  message: string;
}

type RoundRules = Pick<PublicRound, 'id' | 'mode' | 'targets' | 'dots' | 'criteria'>;

export function emptyBallot(roundId: string, participantId: string, round?: RoundRules): Ballot {
  return {
    roundId,
    participantId,
    dots: {},
    scores: {},
    used: 0,
    remaining: round?.dots?.budget ?? 0,
    done: false,
  };
}

/** Dots placed on a ballot, for and against. */
export function dotsUsed(dots: Readonly<Record<string, number>>): number {
  let used = 0;
  for (const n of Object.values(dots)) used += Math.abs(n);
  return used;
}

/**
 * The ballot after `change`, or why the change is refused (then nothing of it applies).
 * Zero dots and `null` scores are removed, so a withdrawn vote leaves no trace.
 */
export function applyBallotChange(
  round: RoundRules,
  ballot: Ballot,
  change: Pick<BallotChange, 'dots' | 'scores' | 'done'>,
): { ballot: Ballot; refusal?: never } | { refusal: BallotRefusal; ballot?: never } {
  const targets = new Set(round.targets.map((t) => t.id));
  const dots = { ...ballot.dots };
  const scores: Record<string, Record<string, number>> = {};
  for (const [target, byCriterion] of Object.entries(ballot.scores)) scores[target] = { ...byCriterion };

  if (change.dots && Object.keys(change.dots).length > 0) {
    const settings = round.dots;
    if (round.mode !== 'dots' || !settings)
      return refuse('wrong_mode', 'This round is scored, not voted with dots');
    for (const [target, n] of Object.entries(change.dots)) {
      if (!targets.has(target)) return refuse('unknown_target', `${target} is not a target of this round`);
      if (n < 0 && !settings.negative)
        return refuse('negative_not_allowed', 'This round does not allow dots against');
      if (Math.abs(n) > settings.cap)
        return refuse('over_cap', `At most ${settings.cap} dot(s) on one item in this round`);
      if (n === 0) delete dots[target];
      else dots[target] = n;
    }
    if (dotsUsed(dots) > settings.budget)
      return refuse('over_budget', `Your budget is ${settings.budget} dot(s): withdraw one first`);
  }

  if (change.scores && Object.keys(change.scores).length > 0) {
    const criteria = round.criteria;
    if (round.mode !== 'scoring' || !criteria)
      return refuse('wrong_mode', 'This round is voted with dots, not scored');
    const criterionIds = new Set(criteria.map((c) => c.id));
    for (const [target, byCriterion] of Object.entries(change.scores)) {
      if (!targets.has(target)) return refuse('unknown_target', `${target} is not a target of this round`);
      const next = { ...scores[target] };
      for (const [criterion, score] of Object.entries(byCriterion)) {
        if (!criterionIds.has(criterion))
          return refuse('unknown_criterion', `${criterion} is not a criterion of this round`);
        if (score === null) delete next[criterion];
        else next[criterion] = score;
      }
      if (Object.keys(next).length === 0) delete scores[target];
      else scores[target] = next;
    }
  }

  const used = round.mode === 'dots' ? dotsUsed(dots) : 0;
  const budget = round.dots?.budget ?? 0;
  return {
    ballot: {
      ...ballot,
      dots,
      scores,
      used,
      remaining: round.mode === 'dots' ? Math.max(0, budget - used) : 0,
      done: change.done ?? ballot.done,
    },
  };
}

function refuse(code: BallotRefusalCode, message: string): { refusal: BallotRefusal } {
  return { refusal: { code, message } };
}

/** Whether a ballot holds anything at all. */
export function ballotCast(ballot: Pick<Ballot, 'dots' | 'scores'>): boolean {
  return Object.keys(ballot.dots).length > 0 || Object.keys(ballot.scores).length > 0;
}

/** Every target scored on every criterion (scoring), or every dot placed (dots). */
export function ballotComplete(round: RoundRules, ballot: Pick<Ballot, 'dots' | 'scores'>): boolean {
  if (round.mode === 'dots') return dotsUsed(ballot.dots) >= (round.dots?.budget ?? 0);
  const criteria = round.criteria ?? [];
  return round.targets.every((t) => criteria.every((c) => ballot.scores[t.id]?.[c.id] !== undefined));
}

/** What the facilitator sees of a ballot: nothing placed, something placed, or finished. */
export function voterStatus(
  round: RoundRules,
  ballot: Pick<Ballot, 'dots' | 'scores' | 'done'>,
): VoterStatus {
  if (ballot.done || ballotComplete(round, ballot)) return 'done';
  return ballotCast(ballot) ? 'partial' : 'none';
}
