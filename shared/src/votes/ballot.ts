import type { ParticipantGroup } from '../schema/enums';
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
  'unknown_grade',
  'wrong_mode',
] as const;
export type BallotRefusalCode = (typeof BALLOT_REFUSALS)[number];
export interface BallotRefusal {
  code: BallotRefusalCode;
  message: string;
}

type RoundRules = Pick<PublicRound, 'id' | 'mode' | 'targets' | 'dots' | 'criteria'> &
  Partial<Pick<PublicRound, 'grades' | 'points'>>;

/** The entries of a ballot, whatever the mode (what is stored and counted). */
export type BallotEntries = Pick<Ballot, 'dots' | 'scores' | 'grades' | 'points' | 'ranking'>;

/** A ballot holding nothing. */
export const noEntries = (): BallotEntries => ({ dots: {}, scores: {}, grades: {}, points: {}, ranking: [] });

/** The budget a round shares out (dots or points); 0 in the other modes. */
export function roundBudget(
  round: Pick<PublicRound, 'mode' | 'dots'> & Partial<Pick<PublicRound, 'points'>>,
): number {
  if (round.mode === 'dots') return round.dots?.budget ?? 0;
  if (round.mode === 'points') return round.points?.budget ?? 0;
  return 0;
}

/** Dots (for and against) or points placed on a ballot; 0 in the other modes. */
export function budgetUsed(
  round: Pick<PublicRound, 'mode'>,
  entries: Pick<BallotEntries, 'dots' | 'points'>,
): number {
  if (round.mode === 'dots') return dotsUsed(entries.dots);
  if (round.mode === 'points') return Object.values(entries.points).reduce((sum, n) => sum + n, 0);
  return 0;
}

export function emptyBallot(roundId: string, participantId: string, round?: RoundRules): Ballot {
  return {
    roundId,
    participantId,
    ...noEntries(),
    used: 0,
    remaining: round ? roundBudget(round) : 0,
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
  change: Pick<BallotChange, 'dots' | 'scores' | 'grades' | 'points' | 'ranking' | 'done'>,
): { ballot: Ballot; refusal?: never } | { refusal: BallotRefusal; ballot?: never } {
  const targets = new Set(round.targets.map((t) => t.id));
  const dots = { ...ballot.dots };
  const grades = { ...ballot.grades };
  const points = { ...ballot.points };
  let ranking = ballot.ranking;
  const scores: Record<string, Record<string, number>> = {};
  for (const [target, byCriterion] of Object.entries(ballot.scores)) scores[target] = { ...byCriterion };

  if (change.dots && Object.keys(change.dots).length > 0) {
    const settings = round.dots;
    if (round.mode !== 'dots' || !settings) return refuse('wrong_mode', notThisMode(round.mode));
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
    if (round.mode !== 'scoring' || !criteria) return refuse('wrong_mode', notThisMode(round.mode));
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

  if (change.grades && Object.keys(change.grades).length > 0) {
    const scale = round.grades;
    if (round.mode !== 'judgment' || !scale) return refuse('wrong_mode', notThisMode(round.mode));
    for (const [target, grade] of Object.entries(change.grades)) {
      if (!targets.has(target)) return refuse('unknown_target', `${target} is not a target of this round`);
      if (grade === null) delete grades[target];
      else if (grade >= scale.length)
        return refuse(
          'unknown_grade',
          `This round's scale has ${scale.length} grades (0 to ${scale.length - 1})`,
        );
      else grades[target] = grade;
    }
  }

  if (change.points && Object.keys(change.points).length > 0) {
    const budget = round.points?.budget;
    if (round.mode !== 'points' || budget === undefined) return refuse('wrong_mode', notThisMode(round.mode));
    for (const [target, n] of Object.entries(change.points)) {
      if (!targets.has(target)) return refuse('unknown_target', `${target} is not a target of this round`);
      if (n === 0) delete points[target];
      else points[target] = n;
    }
    if (budgetUsed(round, { dots, points }) > budget)
      return refuse('over_budget', `Your budget is ${budget} points: take some back first`);
  }

  if (change.ranking !== undefined) {
    if (round.mode !== 'ranking') return refuse('wrong_mode', notThisMode(round.mode));
    const unknown = change.ranking.find((id) => !targets.has(id));
    if (unknown !== undefined) return refuse('unknown_target', `${unknown} is not a target of this round`);
    ranking = [...change.ranking];
  }

  const next = { dots, scores, grades, points, ranking };
  const used = budgetUsed(round, next);
  return {
    ballot: {
      ...ballot,
      ...next,
      used,
      remaining: Math.max(0, roundBudget(round) - used),
      done: change.done ?? ballot.done,
    },
  };
}

/** Why a change of another mode's kind is refused. */
function notThisMode(mode: PublicRound['mode']): string {
  return `This round is a ${MODE_NAMES[mode]}: send ${MODE_FIELDS[mode]}`;
}
const MODE_NAMES: Record<PublicRound['mode'], string> = {
  dots: 'dots vote',
  scoring: 'scoring',
  judgment: 'majority judgment',
  points: 'points vote',
  ranking: 'ranking',
};
const MODE_FIELDS: Record<PublicRound['mode'], string> = {
  dots: '`dots`',
  scoring: '`scores`',
  judgment: '`grades`',
  points: '`points`',
  ranking: '`ranking`',
};

function refuse(code: BallotRefusalCode, message: string): { refusal: BallotRefusal } {
  return { refusal: { code, message } };
}

/** Whether a ballot holds anything at all. */
export function ballotCast(ballot: BallotEntries): boolean {
  return (
    Object.keys(ballot.dots).length > 0 ||
    Object.keys(ballot.scores).length > 0 ||
    Object.keys(ballot.grades).length > 0 ||
    Object.keys(ballot.points).length > 0 ||
    ballot.ranking.length > 0
  );
}

/**
 * Every dot or point placed (dots, points), every target scored on every criterion (scoring),
 * graded (judgment) or ranked (ranking).
 */
export function ballotComplete(round: RoundRules, ballot: BallotEntries): boolean {
  switch (round.mode) {
    case 'dots':
    case 'points':
      return budgetUsed(round, ballot) >= roundBudget(round);
    case 'scoring': {
      const criteria = round.criteria ?? [];
      return round.targets.every((t) => criteria.every((c) => ballot.scores[t.id]?.[c.id] !== undefined));
    }
    case 'judgment':
      return round.targets.every((t) => ballot.grades[t.id] !== undefined);
    case 'ranking': {
      const ranked = new Set(ballot.ranking);
      return round.targets.every((t) => ranked.has(t.id));
    }
  }
}

/** What the facilitator sees of a ballot: nothing placed, something placed, or finished. */
export function voterStatus(round: RoundRules, ballot: BallotEntries & Pick<Ballot, 'done'>): VoterStatus {
  if (ballot.done || ballotComplete(round, ballot)) return 'done';
  return ballotCast(ballot) ? 'partial' : 'none';
}

/** A stored ballot with the voter's group: what the tally reads (never published as such). */
export interface TallyBallot extends BallotEntries {
  participantId: string;
  group: ParticipantGroup;
}

export type TallyRound = Pick<PublicRound, 'mode' | 'targets' | 'criteria'> &
  Partial<Pick<PublicRound, 'grades' | 'collegeWeighting'>>;
