import {
  type CreateRoundBody,
  DEFAULT_CRITERIA_IDS,
  DEFAULT_CRITERIA_LABELS,
  type Locale,
  MAX_RANKED_TARGETS,
  type Step,
  type VoteMode,
  type VoteTargetKind,
} from '@atelier/shared';
import type { MessageKey } from '../../../i18n/translate';
import { type DraftGrade, defaultDraftGrades } from './gradesDraft';

/**
 * The new round form's draft: its fields as typed, what each edit changes in them, the body it
 * sends, and where each problem with that body is shown.
 */

/** The new round form's fields, as typed. */
export interface RoundDraft {
  title: string;
  targetKind: VoteTargetKind;
  allTargets: boolean;
  selected: readonly string[];
  /** Targets only from tables: `''` every target, `ANY_TABLE`, or one table's id (see tableTargets.ts). */
  fromTables: string;
  mode: VoteMode;
  budget: string;
  cap: string;
  negative: boolean;
  criteria: readonly DraftCriterion[];
  /** Majority judgment's grades, best first. */
  grades: readonly DraftGrade[];
  /** Points each person shares out (points mode). */
  pointsBudget: string;
  visibility: 'secret' | 'open';
  duration: string;
  /** A quorum per group is required before the reveal, of `quorumPercent` %. */
  quorumOn: boolean;
  quorumPercent: string;
  /** The results also hold the result where each group weighs the same. */
  collegeWeighting: boolean;
}

export interface DraftCriterion {
  id: string;
  label: string;
  weight: string;
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

/** The quorum per group the form proposes once ticked: half of each group. */
export const DEFAULT_QUORUM_PERCENT = 50;

/** Points each person shares out in a new points round, as the server's default. */
export const DEFAULT_POINTS_BUDGET = 100;

/**
 * The form as it opens: every target of `kind`, five dots two at most per target, secret,
 * untimed; the other modes' settings ready at their defaults in the workshop's language.
 */
export function newRoundDraft(kind: VoteTargetKind, title: string, locale: Locale): RoundDraft {
  return {
    title,
    targetKind: kind,
    allTargets: true,
    selected: [],
    fromTables: '',
    mode: 'dots',
    budget: '5',
    cap: '2',
    negative: false,
    criteria: defaultCriteria(locale).map((c) => ({ ...c, weight: String(c.weight) })),
    grades: defaultDraftGrades(locale),
    pointsBudget: String(DEFAULT_POINTS_BUDGET),
    visibility: 'secret',
    duration: '',
    quorumOn: false,
    quorumPercent: String(DEFAULT_QUORUM_PERCENT),
    collegeWeighting: false,
  };
}

// Each edit below is the change to merge into the draft it was made on.

/** Another kind of target: none chosen, and its default title unless the facilitator wrote their own. */
export function kindChange(
  draft: RoundDraft,
  kind: VoteTargetKind,
  defaultTitle: (kind: VoteTargetKind) => string,
): Partial<RoundDraft> {
  const ownTitle = draft.title !== defaultTitle(draft.targetKind);
  return { targetKind: kind, selected: [], ...(ownTitle ? {} : { title: defaultTitle(kind) }) };
}

/** A target ticked (added at the end) or unticked. */
export function targetChange(draft: RoundDraft, targetId: string, checked: boolean): Partial<RoundDraft> {
  return {
    selected: checked ? [...draft.selected, targetId] : draft.selected.filter((s) => s !== targetId),
  };
}

/** A criterion's name or weight typed. */
export function criterionChange(
  draft: RoundDraft,
  index: number,
  patch: Partial<DraftCriterion>,
): Partial<RoundDraft> {
  return { criteria: draft.criteria.map((c, i) => (i === index ? { ...c, ...patch } : c)) };
}

/** A criterion removed. */
export function criterionRemoval(draft: RoundDraft, index: number): Partial<RoundDraft> {
  return { criteria: draft.criteria.filter((_, i) => i !== index) };
}

/** A criterion added at the end: no name yet, weight 1. */
export function criterionAddition(draft: RoundDraft): Partial<RoundDraft> {
  return {
    criteria: [
      ...draft.criteria,
      { id: newCriterionId(draft.criteria.map((c) => c.id)), label: '', weight: '1' },
    ],
  };
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

/**
 * The `POST …/rounds` body for what the form holds (to be checked with `CreateRoundBody`).
 * `inTables`: the ids of the targets the choice of tables keeps, when the targets are limited to
 * tables' items; "all" is then those ids, which the server checks like any selection.
 */
export function roundBody(draft: RoundDraft, inTables: readonly string[] | null = null): CreateRoundBody {
  const duration = draft.duration.trim();
  const chosen = draft.allTargets ? null : draft.selected.filter((id) => !inTables || inTables.includes(id));
  return {
    title: draft.title,
    targetKind: draft.targetKind,
    targets: chosen ?? (inTables ? [...inTables] : 'all'),
    mode: draft.mode,
    visibility: draft.visibility,
    ...modeSettings(draft),
    durationMinutes: duration === '' ? null : whole(duration),
    quorum: draft.quorumOn ? { percent: whole(draft.quorumPercent.replace(/\s*%$/, '')) } : null,
    collegeWeighting: draft.collegeWeighting,
  };
}

/** The settings of the draft's mode only: the server refuses another mode's (`misplacedSettings`). */
function modeSettings(draft: RoundDraft): Pick<CreateRoundBody, 'dots' | 'criteria' | 'grades' | 'points'> {
  switch (draft.mode) {
    case 'dots':
      return { dots: { budget: whole(draft.budget), cap: whole(draft.cap), negative: draft.negative } };
    case 'scoring':
      return {
        criteria: draft.criteria.map((c) => ({ id: c.id, label: c.label, weight: decimal(c.weight) })),
      };
    case 'judgment':
      return { grades: draft.grades.map((g) => g.label) };
    case 'points':
      return { points: { budget: whole(draft.pointsBudget) } };
    case 'ranking':
      return {};
  }
}

/** How many targets a round made from `body` holds; `available` is what "all" means now. */
export function bodyTargetCount(body: Pick<CreateRoundBody, 'targets'>, available: number): number {
  return body.targets === 'all' ? available : body.targets.length;
}

/** A ranking round over more targets than people can order (and than the server takes). */
export function rankingTooLong(mode: VoteMode, targets: number): boolean {
  return mode === 'ranking' && targets > MAX_RANKED_TARGETS;
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
  | 'grades'
  | `grade.${number}.name`
  | 'pointsBudget'
  | 'duration'
  | 'quorumPercent';

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
    else if (head === 'grades') field = typeof second === 'number' ? `grade.${second}.name` : 'grades';
    else if (head === 'points') field = 'pointsBudget';
    else if (head === 'durationMinutes') field = 'duration';
    else if (head === 'quorum') field = 'quorumPercent';
    if (field && errors[field] === undefined) errors[field] = issue.message;
  }
  return errors;
}

/** Our own words for each field's problem (zod's messages are English). */
const FIELD_MESSAGES: Record<string, MessageKey> = {
  title: 'votes.form.error.title',
  targets: 'votes.form.error.targets',
  budget: 'votes.form.error.budget',
  cap: 'votes.form.error.cap',
  criteria: 'votes.form.error.criteria',
  label: 'votes.form.error.criterionLabel',
  weight: 'votes.form.error.weight',
  grades: 'votes.form.error.grades',
  name: 'votes.form.error.gradeName',
  pointsBudget: 'votes.form.error.pointsBudget',
  duration: 'votes.form.error.duration',
  quorumPercent: 'votes.form.error.quorumPercent',
};

/** What to say under a field with a problem. */
export function fieldMessage(field: RoundFormField): MessageKey {
  const last = field.split('.').pop() ?? field;
  return FIELD_MESSAGES[last] ?? 'votes.form.error.criteria';
}
