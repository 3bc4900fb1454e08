import { z } from 'zod';
import {
  ACTION_TEXT_LIMITS,
  ActionCompetences,
  ActionLevers,
  ActionPriority,
  ActionProgress,
  ActionStatus,
  ActionStructure,
  FinancingSource,
  IsoDate,
  PROGRAMME_MAX,
} from '../doc/actions';
import { AXIS_DESCRIPTION_MAX, AXIS_TITLE_MAX } from '../doc/axes';
import { StepQuestion } from '../doc/control';
import { INDICATOR_TEXT_LIMITS, IndicatorFrequency, IndicatorReference } from '../doc/indicators';
import { LIMITS } from '../doc/layout';
import { PARTNER_TEXT_LIMITS, StakeholderKind } from '../doc/partners';
import { PROCESS_STEPS, ProcessStatus } from '../doc/process';
import { TABLE_NAME_MAX } from '../doc/tables';
import { NO_TERRITORY_CODES, TerritoryCodes } from '../doc/territoryCodes';
import { Siret } from '../reference/identifiers';
import { Territory } from '../schema/api';
import { Locale, PARTICIPANT_GROUPS, ParticipantGroup, ROLES, Role, Step } from '../schema/enums';
import { PublicRound, RoundResults, TargetResult, VoteMode } from '../votes/round';

/**
 * The strategy schema: a workshop's whole outcome as structured data, what every export
 * format is written from and what an import reads. Documented field by field in
 * docs/strategy-schema.md; served as JSON Schema at `GET /api/schema/strategy.json`.
 *
 * Bump `STRATEGY_SCHEMA_VERSION` for any change a reader of version 1 could misread (a field
 * removed, renamed or given another meaning); adding an optional field is not such a change.
 */
export const STRATEGY_SCHEMA_VERSION = 1;

/**
 * The minor version within `STRATEGY_SCHEMA_VERSION`: bumped when optional fields are added that
 * a reader may want to know about (1: the workshop's `tables`; 2: in a strategy's file, each
 * change's `editors`, `editedAt` and `betweenSessions`). Absent in older files, read as 0.
 */
export const STRATEGY_SCHEMA_MINOR = 4;

/** An entity's id in the export: the same id the workshop's documents use, stable across exports. */
export const EntityId = z.string().min(1).max(64);

/** An instant, ISO 8601 in UTC (`2026-11-27T14:05:00.000Z`). */
const Instant = z.iso.datetime({ offset: true });

/** One line of a vote round's result for the entity it concerns (a copy of the round's line, with the round named). */
export const EntityVote = z.object({
  round: EntityId,
  roundTitle: z.string(),
  mode: VoteMode,
  // The round's own line for this entity (votes/round.ts), without the id it already is.
  ...TargetResult.omit({ targetId: true }).shape,
});
export type EntityVote = z.infer<typeof EntityVote>;

export const StrategyWorkshop = z.object({
  /** The workshop this was exported from. */
  id: EntityId,
  title: z
    .string()
    .max(200)
    .refine((s) => s.trim() !== '', 'A workshop needs a title'),
  /** The day the workshop was created (UTC), `YYYY-MM-DD`. */
  date: IsoDate,
  territory: Territory,
  /** The name of the facilitator who created the workshop. */
  facilitator: z.string().max(60),
  locale: Locale,
  /** The method's steps this workshop walks through (its template's), in order. */
  steps: z.array(Step).min(1),
  /**
   * The facilitator's question for the room at each step that has one, by step. Optional:
   * files written before questions existed have none (still schema version 1).
   */
  questions: z.partialRecord(Step, StepQuestion).optional(),
  /** The territory's INSEE code and SIREN, as the facilitator set them (minor 4; absent before: none). */
  territoryCodes: TerritoryCodes.default(NO_TERRITORY_CODES),
});
export type StrategyWorkshop = z.infer<typeof StrategyWorkshop>;

export const StrategyPerson = z.object({
  id: EntityId,
  name: z.string().max(60),
  group: ParticipantGroup,
  role: Role,
});
export type StrategyPerson = z.infer<typeof StrategyPerson>;

const countsOf = <T extends string>(keys: readonly [T, ...T[]]) =>
  z.object(
    Object.fromEntries(keys.map((k) => [k, z.number().int().nonnegative()])) as Record<T, z.ZodNumber>,
  );

export const StrategyParticipation = z.object({
  /** People in the workshop (removed people are not counted). */
  total: z.number().int().nonnegative(),
  /** Per participant group (collège), every group present, 0 included. */
  byGroup: countsOf(PARTICIPANT_GROUPS),
  /** Per role (co-facilitators count as facilitators). */
  byRole: countsOf(ROLES),
  /** Names, only when the facilitator chose to include them; `null` otherwise. */
  people: z.array(StrategyPerson).nullable(),
});
export type StrategyParticipation = z.infer<typeof StrategyParticipation>;

export const StrategyTheme = z.object({
  id: EntityId,
  label: z.object({ fr: z.string().min(1).max(60), en: z.string().min(1).max(60) }),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  order: z.number(),
  /** Removed from use by the facilitator; kept because notes still name it. */
  archived: z.boolean(),
});
export type StrategyTheme = z.infer<typeof StrategyTheme>;

/**
 * A table (sous-groupe) of the workshop and who sat there: participant ids, pseudonymous like
 * note authors; their names are in `participation.people` when the export includes names.
 */
export const StrategyTableEntry = z.object({
  id: EntityId,
  name: z.string().min(1).max(TABLE_NAME_MAX),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  /** Participant ids of the people seated there (removed people left out), in the order they joined. */
  participants: z.array(z.string().min(1).max(64)),
});
export type StrategyTableEntry = z.infer<typeof StrategyTableEntry>;

const Position = z.object({ x: z.number().finite(), y: z.number().finite() });

/**
 * The table (sous-groupe) an item was made at, or given to, during a table round; `null` for the
 * plenary. Optional: files written before tables existed have none (still schema version 1).
 */
const ItemTable = EntityId.nullable().optional();

export const StrategyNote = z.object({
  id: EntityId,
  text: z.string().max(LIMITS.noteText),
  /** Theme id, or `null` for an untagged note. */
  theme: EntityId.nullable(),
  /** Participant id of the author (pseudonymous unless names were included). */
  author: z.string().max(64).nullable(),
  /** The author's group (collège); `null` when the author is unknown. */
  authorGroup: ParticipantGroup.nullable(),
  /** The issue it was sorted into (step 2), or `null`. */
  issue: EntityId.nullable(),
  /** Where the note sits on the board (board units). */
  position: Position,
  createdAt: Instant,
  votes: z.array(EntityVote),
  table: ItemTable,
});
export type StrategyNote = z.infer<typeof StrategyNote>;

export const StrategyIssue = z.object({
  id: EntityId,
  /** 1 = the most important. */
  rank: z.number().int().positive(),
  /** May be blank: a live document can hold a title being retyped (readers show a placeholder). */
  title: z.string().max(120),
  description: z.string().max(2000),
  /** The strategic axis it belongs to (step 3), or `null`. */
  axis: EntityId.nullable(),
  /** The notes sorted into it, in their order: the observations behind the issue. */
  notes: z.array(EntityId),
  position: Position,
  votes: z.array(EntityVote),
  table: ItemTable,
  /** Every table whose issues were merged into it (its own included), when it was merged across tables. Optional like `table`. */
  fromTables: z.array(EntityId).optional(),
});
export type StrategyIssue = z.infer<typeof StrategyIssue>;

export const StrategyAxis = z.object({
  id: EntityId,
  /** Reading order, 1 first. */
  rank: z.number().int().positive(),
  /** May be blank, like an issue's title. */
  title: z.string().max(AXIS_TITLE_MAX),
  description: z.string().max(AXIS_DESCRIPTION_MAX),
  /** The issues it groups, in their ranking order. */
  issues: z.array(EntityId),
  /** Its action sheets, in their order. */
  actions: z.array(EntityId),
  createdAt: Instant,
  votes: z.array(EntityVote),
  table: ItemTable,
});
export type StrategyAxis = z.infer<typeof StrategyAxis>;

export const StrategyFinancingLine = z.object({
  id: EntityId,
  source: FinancingSource,
  label: z.string().max(200),
  /** Euros. */
  amount: z.number().finite().min(0).max(1e12),
  /** Obtained (acquis) rather than still to apply for (à solliciter). */
  secured: z.boolean(),
});
export type StrategyFinancingLine = z.infer<typeof StrategyFinancingLine>;

export const StrategyMilestone = z.object({ id: EntityId, date: IsoDate, label: z.string().min(1).max(200) });
export type StrategyMilestone = z.infer<typeof StrategyMilestone>;

/** Where a sheet stands in the partnership process: a status for each of the six steps. */
export const StrategyProcess = z.object(
  Object.fromEntries(PROCESS_STEPS.map((step) => [step, ProcessStatus])) as Record<
    (typeof PROCESS_STEPS)[number],
    typeof ProcessStatus
  >,
);
export type StrategyProcess = z.infer<typeof StrategyProcess>;

const sheetText = (field: keyof typeof ACTION_TEXT_LIMITS) => z.string().max(ACTION_TEXT_LIMITS[field]);

export const StrategyAction = z.object({
  id: EntityId,
  /** The strategic axis, or `null` when the sheet has none. */
  axis: EntityId.nullable(),
  /** Place among its axis's sheets, 1 first. */
  rank: z.number().int().positive(),
  /** The issues of its axis: the needs this action answers (derived, for tracing). */
  issues: z.array(EntityId),
  title: sheetText('title').regex(/^[^\r\n]*$/, 'A title is one line'),
  objectives: sheetText('objectives'),
  description: sheetText('description'),
  /** Pilot (porteur). */
  lead: sheetText('lead'),
  targetPublic: sheetText('targetPublic'),
  /** The sheet's free text about partners (the structured list is `partners`). */
  partnersText: sheetText('partners'),
  risks: sheetText('risks'),
  /** Total budget in euros, or `null` when not known yet. */
  budget: z.number().finite().min(0).max(1e12).nullable(),
  structure: ActionStructure.nullable(),
  priority: ActionPriority.nullable(),
  status: ActionStatus,
  /** In the order the lines were added. */
  financing: z.array(StrategyFinancingLine),
  /** Derived from `budget` and `financing`: euros; `gap` = budget − total, `null` without a budget. */
  financingTotals: z.object({
    total: z.number(),
    secured: z.number(),
    toFind: z.number(),
    gap: z.number().nullable(),
  }),
  /** By date. */
  milestones: z.array(StrategyMilestone),
  /** Its stakeholders' ids (entries of `partners`). */
  partners: z.array(EntityId),
  /** Its indicators' ids (entries of `indicators`). */
  indicators: z.array(EntityId),
  process: StrategyProcess,
  createdAt: Instant,
  votes: z.array(EntityVote),
  table: ItemTable,
  /** M57 competence codes (schema minor 4; absent before: none). */
  competences: ActionCompetences.default([]),
  /** Levers of the ecological planning, by label (minor 4). */
  levers: ActionLevers.default([]),
  /** The programme it belongs to (CRTE, Petites villes de demain…), `''` for none (minor 4). */
  programme: z.string().max(PROGRAMME_MAX).default(''),
  /** The lead organisation's SIRET, `''` when not known (minor 4). */
  leadSiret: z.union([z.literal(''), Siret]).default(''),
  /** Planned start and end (minor 4). */
  startDate: IsoDate.nullable().default(null),
  endDate: IsoDate.nullable().default(null),
  /** Where the decided action stands (the follow-up; minor 4). */
  progress: ActionProgress.nullable().default(null),
});
export type StrategyAction = z.infer<typeof StrategyAction>;

export const StrategyPartner = z.object({
  id: EntityId,
  /** Its action sheet; `null` when that sheet was deleted (the partner was kept). */
  action: EntityId.nullable(),
  /** May be blank: two people clearing parts of a name at once can leave it empty. */
  name: z.string().max(PARTNER_TEXT_LIMITS.name),
  kind: StakeholderKind,
  role: z.string().max(PARTNER_TEXT_LIMITS.role),
  contact: z.string().max(PARTNER_TEXT_LIMITS.contact),
  createdAt: Instant,
});
export type StrategyPartner = z.infer<typeof StrategyPartner>;

const indicatorValue = z.number().finite().min(-1e15).max(1e15).nullable();

export const StrategyIndicator = z.object({
  id: EntityId,
  /** Its action sheet; `null` when that sheet was deleted (the indicator was kept). */
  action: EntityId.nullable(),
  /** May be blank, like a partner's name. */
  name: z.string().max(INDICATOR_TEXT_LIMITS.name),
  unit: z.string().max(INDICATOR_TEXT_LIMITS.unit),
  baseline: indicatorValue,
  target: indicatorValue,
  source: z.string().max(INDICATOR_TEXT_LIMITS.source),
  frequency: IndicatorFrequency,
  /** The CRTE indicator it was picked from, by id (minor 4; absent before: none). */
  reference: IndicatorReference.default(null),
  createdAt: Instant,
});
export type StrategyIndicator = z.infer<typeof StrategyIndicator>;

/** A revealed vote round: its settings and results (never a ballot, never who voted what). */
export const StrategyRound = PublicRound.omit({ endsAt: true, state: true, results: true }).extend({
  id: EntityId,
  results: RoundResults,
});
export type StrategyRound = z.infer<typeof StrategyRound>;

export const StrategyProvenance = z.object({
  exportedAt: Instant,
  exportedBy: z.object({ id: EntityId, name: z.string().max(60) }),
  workshopId: EntityId,
  app: z.literal('Atelier'),
  appVersion: z.string().max(40),
  /** The layout version of the documents it was read from (docs/doc-layout.md). */
  layoutVersion: z.number().int().nonnegative(),
});
export type StrategyProvenance = z.infer<typeof StrategyProvenance>;

const StrategyShape = z.object({
  schemaVersion: z.literal(STRATEGY_SCHEMA_VERSION),
  /** Absent: 0 (files written before minor versions). */
  schemaMinor: z.number().int().nonnegative().optional(),
  workshop: StrategyWorkshop,
  participation: StrategyParticipation,
  /** The workshop's tables, in their order; absent when it has none (and in files before minor 1). */
  tables: z.array(StrategyTableEntry).optional(),
  themes: z.array(StrategyTheme),
  notes: z.array(StrategyNote),
  /** Ranked, most important first. */
  issues: z.array(StrategyIssue),
  /** In their reading order. */
  axes: z.array(StrategyAxis),
  /** By axis (in the axes' order), then the sheets with no axis. */
  actions: z.array(StrategyAction),
  partners: z.array(StrategyPartner),
  indicators: z.array(StrategyIndicator),
  /** Revealed rounds only, oldest first. */
  rounds: z.array(StrategyRound),
  provenance: StrategyProvenance,
});

/**
 * The whole outcome. Beyond each field's shape, the links must hold together (checked here so
 * an import never writes a dangling link): unique ids, and each list of ids the mirror of the
 * links it summarises (an issue's `notes` are the notes whose `issue` is it, in order…).
 */
export const Strategy = StrategyShape.superRefine((s, ctx) => {
  for (const problem of linkProblems(s))
    ctx.addIssue({ code: 'custom', message: problem.message, path: problem.path });
});
export type Strategy = z.infer<typeof Strategy>;

interface LinkProblem {
  path: (string | number)[];
  message: string;
}

/** What breaks the links between levels (note → issue → axis → action → partners, indicators). */
export function linkProblems(s: z.infer<typeof StrategyShape>): LinkProblem[] {
  const problems: LinkProblem[] = [];
  const kinds = ['themes', 'notes', 'issues', 'axes', 'actions', 'partners', 'indicators'] as const;
  const ids = Object.fromEntries(
    kinds.map((kind) => {
      const seen = new Set<string>();
      s[kind].forEach((item, i) => {
        if (seen.has(item.id)) problems.push({ path: [kind, i, 'id'], message: `Duplicate id ${item.id}` });
        seen.add(item.id);
      });
      return [kind, seen];
    }),
  ) as Record<(typeof kinds)[number], Set<string>>;
  type Items = readonly Record<string, unknown>[];

  // Items name listed tables, once the file lists them (files before minor 1 do not).
  if (s.tables !== undefined) {
    const tables = new Set<string>();
    s.tables.forEach((table, i) => {
      if (tables.has(table.id))
        problems.push({ path: ['tables', i, 'id'], message: `Duplicate id ${table.id}` });
      tables.add(table.id);
    });
    for (const kind of ['notes', 'issues', 'axes', 'actions'] as const)
      (
        s[kind] as readonly { table?: string | null | undefined; fromTables?: string[] | undefined }[]
      ).forEach((item, i) => {
        if (typeof item.table === 'string' && !tables.has(item.table))
          problems.push({ path: [kind, i, 'table'], message: `Unknown table ${item.table}` });
        for (const table of item.fromTables ?? [])
          if (!tables.has(table))
            problems.push({ path: [kind, i, 'fromTables'], message: `Unknown table ${table}` });
      });
  }

  // Each link points to an entity that exists: [entities, their link field, what it points to].
  const links = [
    ['notes', 'theme', 'themes'],
    ['notes', 'issue', 'issues'],
    ['issues', 'axis', 'axes'],
    ['actions', 'axis', 'axes'],
    ['partners', 'action', 'actions'],
    ['indicators', 'action', 'actions'],
  ] as const;
  for (const [kind, field, target] of links)
    (s[kind] as Items).forEach((item, i) => {
      const id = item[field];
      if (typeof id === 'string' && !ids[target].has(id))
        problems.push({ path: [kind, i, field], message: `Unknown ${field} ${id}` });
    });

  // Each list of ids is exactly the entities whose link points back: [owners, their list, the
  // entities listed, the link field of those].
  const mirrors = [
    ['issues', 'notes', 'notes', 'issue'],
    ['axes', 'issues', 'issues', 'axis'],
    ['axes', 'actions', 'actions', 'axis'],
    ['actions', 'partners', 'partners', 'action'],
    ['actions', 'indicators', 'indicators', 'action'],
  ] as const;
  for (const [kind, list, listedKind, field] of mirrors)
    (s[kind] as Items).forEach((owner, i) => {
      const listed = owner[list] as readonly string[];
      const expected = (s[listedKind] as Items)
        .filter((item) => item[field] === owner.id)
        .map((item) => item.id);
      const same =
        new Set(listed).size === listed.length &&
        listed.length === expected.length &&
        listed.every((id) => expected.includes(id));
      if (!same)
        problems.push({
          path: [kind, i, list],
          message: `Lists ${list} [${listed.join(', ')}] but these point to it: [${expected.join(', ')}]`,
        });
    });
  return problems;
}
