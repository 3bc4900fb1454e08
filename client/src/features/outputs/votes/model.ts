import {
  applyBallotChange,
  type Ballot,
  type BallotEntries,
  type BallotRefusalCode,
  ballotCast,
  type PublicRound,
  ROUND_ACTIONS,
  ROUND_TRANSITIONS,
  type Role,
  type RoundAction,
  type RoundResults,
  type RoundState,
  SCORE_MAX,
  type TargetResult,
  type VoteTarget,
} from '@atelier/shared';
import type { BallotRules } from './ballotSync';

/**
 * Whether someone counts as voting in a round, as the server's progress counts them: a
 * participant always, a facilitator only once they placed something (they may abstain
 * unseen), an observer never. Decides whether the banner shows the dots left.
 */
export function votesInRound(role: Role | undefined, ballot: BallotEntries | null): boolean {
  if (role === 'participant') return true;
  if (role === 'facilitator') return ballot !== null && ballotCast(ballot);
  return false;
}

/** The facilitator's moves a round in this state allows, in the lifecycle's order. */
export function allowedActions(state: RoundState): RoundAction[] {
  return ROUND_ACTIONS.filter((action) => ROUND_TRANSITIONS[action].from.includes(state));
}

/** Rounds a participant or observer sees: a draft is the facilitator's business. */
export function visibleRounds(rounds: readonly PublicRound[], facilitator: boolean): PublicRound[] {
  return facilitator ? [...rounds] : rounds.filter((r) => r.state !== 'draft');
}

/** The round being voted now, if any (the most recently opened one). */
export function openRound(rounds: readonly PublicRound[]): PublicRound | null {
  let found: PublicRound | null = null;
  for (const round of rounds) {
    if (round.state !== 'open') continue;
    if (!found || (round.openedAt ?? '') > (found.openedAt ?? '')) found = round;
  }
  return found;
}

export interface TargetCard extends VoteTarget {
  /** The target is no longer on the board: its label is the one copied when the round was made. */
  deleted: boolean;
}

/** The round's targets with their label as the board has it now (or as it was, if deleted). */
export function targetCards(round: Pick<PublicRound, 'targets'>, live: readonly VoteTarget[]): TargetCard[] {
  const labels = new Map(live.map((t) => [t.id, t.label]));
  return round.targets.map((t) => {
    const label = labels.get(t.id);
    return { id: t.id, label: label || t.label, deleted: label === undefined };
  });
}

/** Why a dot button is off: a rule of the round, or the sign of the dots already there. */
export type DotBlock = BallotRefusalCode | 'against_placed' | 'for_placed' | 'none_placed';

export interface DotMove {
  /** The target's dots after the move (absolute, as the server takes them). */
  value: number;
  blocked: DotBlock | null;
}

export interface DotMoves {
  add: DotMove;
  remove: DotMove;
  /** `null` when the round takes no dots against. */
  against: DotMove | null;
}

/**
 * What "+", "−" and "contre" would do on a target: "+" adds a dot for, "contre" a dot against,
 * "−" takes one back (whichever side). A move the rules refuse says why, so the button can.
 */
export function dotMoves(rules: BallotRules, ballot: Ballot, targetId: string): DotMoves {
  const n = ballot.dots[targetId] ?? 0;
  const ruled = (value: number, sign: DotBlock | null): DotMove => {
    if (sign) return { value, blocked: sign };
    const refusal = applyBallotChange(rules, ballot, { dots: { [targetId]: value } }).refusal;
    return { value, blocked: refusal?.code ?? null };
  };
  return {
    add: ruled(n + 1, n < 0 ? 'against_placed' : null),
    remove: { value: n - Math.sign(n), blocked: n === 0 ? 'none_placed' : null },
    against: rules.dots?.negative ? ruled(n - 1, n > 0 ? 'for_placed' : null) : null,
  };
}

/** Scores given on the grid, out of every cell (targets × criteria). */
export function scoringProgress(
  round: Pick<PublicRound, 'targets' | 'criteria'>,
  ballot: Pick<Ballot, 'scores'>,
): { given: number; total: number } {
  const criteria = round.criteria ?? [];
  let given = 0;
  for (const target of round.targets)
    for (const criterion of criteria) if (ballot.scores[target.id]?.[criterion.id] !== undefined) given++;
  return { given, total: round.targets.length * criteria.length };
}

export interface RankedRow {
  targetId: string;
  label: string;
  deleted: boolean;
  rank: number;
  /** Shares its rank with another target. */
  tied: boolean;
  total: number;
  positive: number;
  negative: number;
  voters: number;
  /** Majority judgment: votes per grade, best first, and the majority gauge. */
  profile: number[];
  gauge: TargetResult['gauge'];
}

/** The results, best first, with the labels the board has now. */
export function rankedRows(
  round: Pick<PublicRound, 'targets'>,
  results: RoundResults,
  live: readonly VoteTarget[],
): RankedRow[] {
  const cards = new Map(targetCards(round, live).map((c) => [c.id, c]));
  const tied = new Set(results.ties.flat());
  return results.targets.map((t) => {
    const card = cards.get(t.targetId);
    return {
      targetId: t.targetId,
      label: card?.label ?? t.targetId,
      deleted: card?.deleted ?? true,
      rank: t.rank,
      tied: tied.has(t.targetId),
      total: t.total,
      positive: t.positive,
      negative: t.negative,
      voters: t.voters,
      profile: t.profile,
      gauge: t.gauge,
    };
  });
}

/** The range a bar chart spans: always from zero, to the largest value (and down to the lowest if negative). */
export interface BarScale {
  min: number;
  max: number;
}

export function barScale(values: readonly number[], floor = 0): BarScale {
  let min = 0;
  let max = floor;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === 0 && max === 0) max = 1;
  return { min, max };
}

/**
 * A round's chart scale: scores reach up to the top score at least, a ranked target's wins up
 * to beating every other target, dots and points to the largest total.
 */
export function roundBarScale(
  round: Pick<PublicRound, 'mode' | 'targets'>,
  values: readonly number[],
): BarScale {
  if (round.mode === 'scoring') return barScale(values, SCORE_MAX);
  if (round.mode === 'ranking') return barScale(values, round.targets.length - 1);
  return barScale(values);
}

/** A bar's start and width, in percent of the chart's width, for `value` on `scale` (zero is the axis). */
export function barGeometry(value: number, scale: BarScale): { start: number; width: number; zero: number } {
  const span = scale.max - scale.min;
  const zero = (Math.abs(scale.min) / span) * 100;
  const end = ((value - scale.min) / span) * 100;
  return { zero, start: Math.min(zero, end), width: Math.abs(end - zero) };
}

/** How many of the targets voted on are still on the board (the axes a facilitator may keep). */
export function votedOnBoard(results: Pick<RoundResults, 'targets'>, live: readonly VoteTarget[]): number {
  return results.targets.filter((r) => live.some((l) => l.id === r.targetId)).length;
}

/** The number of axes kept by default: three, or all of them when fewer were voted (one at least). */
export function defaultKeep(voted: number): string {
  return String(Math.min(3, Math.max(1, voted)));
}

/** The number of axes to keep typed in the field, when it is a whole number from 1 to `max`; else `null`. */
export function keepCount(typed: string, max: number): number | null {
  const n = /^\d+$/.test(typed.trim()) ? Number(typed.trim()) : Number.NaN;
  return Number.isInteger(n) && n >= 1 && n <= max ? n : null;
}

/**
 * Rounds to tell the person about: reminders newer than those already seen (`seen` is updated),
 * for rounds open now, and recent (a reminder found on reload, long after, is not news).
 */
export function freshReminders(
  reminders: Readonly<Record<string, number>>,
  seen: Map<string, number>,
  openIds: ReadonlySet<string>,
  now: number,
  recentMs = 120_000,
): string[] {
  const fresh: string[] = [];
  for (const [roundId, at] of Object.entries(reminders)) {
    const before = seen.get(roundId);
    if (before !== undefined && before >= at) continue;
    seen.set(roundId, at);
    if (openIds.has(roundId) && now - at < recentMs) fresh.push(roundId);
  }
  return fresh;
}
