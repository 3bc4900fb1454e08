import {
  applyBallotChange,
  type Ballot,
  type BallotRefusalCode,
  ballotCast,
  type CreateRoundBody,
  DEFAULT_CRITERIA_IDS,
  DEFAULT_CRITERIA_LABELS,
  type Locale,
  type PublicRound,
  ROUND_ACTIONS,
  ROUND_TRANSITIONS,
  type Role,
  type RoundAction,
  type RoundResults,
  type RoundState,
  type Step,
  type VoteTarget,
  type VoteTargetKind,
} from '@atelier/shared';
import type { BallotRules } from './ballotSync';

/**
 * Whether someone counts as voting in a round, as the server's progress counts them: a
 * participant always, a facilitator only once they placed something (they may abstain
 * unseen), an observer never. Decides whether the banner shows the dots left.
 */
export function votesInRound(
  role: Role | undefined,
  ballot: Pick<Ballot, 'dots' | 'scores'> | null,
): boolean {
  if (role === 'participant') return true;
  if (role === 'facilitator') return ballot !== null && ballotCast(ballot);
  return false;
}

/** What a new round votes on by default: what the step shown is about. */
export function defaultTargetKind(step: Step): VoteTargetKind {
  switch (step) {
    case 'assessment':
      return 'notes';
    case 'issues':
      return 'issues';
    case 'axes':
      return 'axes';
    default:
      return 'actions';
  }
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

/** The criteria a scoring round starts with, named in the workshop's language. */
export function defaultCriteria(locale: Locale): { id: string; label: string; weight: number }[] {
  return DEFAULT_CRITERIA_IDS.map((id) => ({ id, label: DEFAULT_CRITERIA_LABELS[locale][id], weight: 1 }));
}

/** An id for a criterion the facilitator adds, not taken by the others. */
export function newCriterionId(taken: readonly string[]): string {
  for (let n = taken.length + 1; ; n++) {
    const id = `criterion-${n}`;
    if (!taken.includes(id)) return id;
  }
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

/** A bar's start and width, in percent of the chart's width, for `value` on `scale` (zero is the axis). */
export function barGeometry(value: number, scale: BarScale): { start: number; width: number; zero: number } {
  const span = scale.max - scale.min;
  const zero = (Math.abs(scale.min) / span) * 100;
  const end = ((value - scale.min) / span) * 100;
  return { zero, start: Math.min(zero, end), width: Math.abs(end - zero) };
}

/** The fields of the new round form an error can be shown by. */
export type RoundFormField =
  | 'title'
  | 'targets'
  | 'budget'
  | 'cap'
  | 'criteria'
  | `criterion.${number}.label`
  | `criterion.${number}.weight`
  | 'duration';

/** Where each problem with a new round's body belongs, from zod's issue paths (first one per field). */
export function roundFormErrors(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): Partial<Record<RoundFormField, string>> {
  const errors: Partial<Record<RoundFormField, string>> = {};
  for (const issue of issues) {
    const [head, second, third] = issue.path;
    let field: RoundFormField | null = null;
    if (head === 'title') field = 'title';
    else if (head === 'targets') field = 'targets';
    else if (head === 'dots') field = second === 'cap' ? 'cap' : 'budget';
    else if (head === 'criteria')
      field =
        typeof second === 'number' && (third === 'label' || third === 'weight')
          ? `criterion.${second}.${third}`
          : 'criteria';
    else if (head === 'durationMinutes') field = 'duration';
    if (field && errors[field] === undefined) errors[field] = issue.message;
  }
  return errors;
}

/** The new round form's fields, as typed. */
export interface RoundDraft {
  title: string;
  targetKind: VoteTargetKind;
  allTargets: boolean;
  selected: readonly string[];
  mode: 'dots' | 'scoring';
  budget: string;
  cap: string;
  negative: boolean;
  criteria: readonly { id: string; label: string; weight: string }[];
  visibility: 'secret' | 'open';
  duration: string;
}

/** A whole number typed in a field (`NaN` when it is not one, so zod says so). */
function whole(text: string): number {
  const trimmed = text.trim();
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** A number with decimals typed in a field, French or English decimal mark. */
function decimal(text: string): number {
  const trimmed = text.trim().replace(',', '.');
  return /^-?(\d+\.?\d*|\.\d+)$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** The `POST …/rounds` body for what the form holds (to be checked with `CreateRoundBody`). */
export function roundBody(draft: RoundDraft): CreateRoundBody {
  const duration = draft.duration.trim();
  return {
    title: draft.title,
    targetKind: draft.targetKind,
    targets: draft.allTargets ? 'all' : [...draft.selected],
    mode: draft.mode,
    visibility: draft.visibility,
    ...(draft.mode === 'dots'
      ? { dots: { budget: whole(draft.budget), cap: whole(draft.cap), negative: draft.negative } }
      : {
          criteria: draft.criteria.map((c) => ({ id: c.id, label: c.label, weight: decimal(c.weight) })),
        }),
    durationMinutes: duration === '' ? null : whole(duration),
  };
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
