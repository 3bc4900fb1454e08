import type * as Y from 'yjs';
import { type ActionSheet, financingTotals, readActions } from '../doc/actions';
import { readAxes } from '../doc/axes';
import { readLayoutVersion } from '../doc/board';
import { readClusters } from '../doc/clusters';
import { readStepQuestions, readSteps } from '../doc/control';
import { readIndicators } from '../doc/indicators';
import { readNotes } from '../doc/notes';
import { readPartners } from '../doc/partners';
import { readProcess } from '../doc/process';
import { readSeats, readTables, type Table } from '../doc/tables';
import { readTerritoryCodes } from '../doc/territoryCodes';
import { readAllThemes } from '../doc/themes';
import type { ParticipantSummary, Territory } from '../schema/api';
import { type Locale, PARTICIPANT_GROUPS, ROLES, type Step } from '../schema/enums';
import type { PublicRound } from '../votes/round';
import { readRounds } from '../votes/votesDoc';
import {
  type EntityVote,
  STRATEGY_SCHEMA_MINOR,
  STRATEGY_SCHEMA_VERSION,
  type Strategy,
  type StrategyAction,
  type StrategyParticipation,
  type StrategyRound,
} from './schema';

/** Who took part, as the server's participant list and the client's workshop summary both give it. */
export type StrategyPersonSource = Pick<
  ParticipantSummary,
  'id' | 'name' | 'group' | 'role' | 'coFacilitator' | 'removed'
>;

/** Everything the export is read from. */
export interface StrategySource {
  board: Y.Doc;
  control: Y.Doc;
  workshop: { id: string; title: string; territory: Territory; locale: Locale; createdAt: string };
  /** Everyone who joined, in the order they joined (the first facilitator created the workshop). */
  people: readonly StrategyPersonSource[];
  exportedBy: { id: string; name: string };
  exportedAt: Date;
  /** The facilitator chose to include people's names (else only counts and pseudonymous ids). */
  includeNames: boolean;
  appVersion: string;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * A workshop's documents and revealed vote results as the strategy object (schema.ts). Pure:
 * it reads the documents and changes nothing, so the server (exports) and the client (preview)
 * give the same object for the same documents. Entities are read in the app's own orders.
 */
export function buildStrategy(source: StrategySource): Strategy {
  const { board, control } = source;
  const rounds = readRounds(control)
    .filter(
      (round): round is PublicRound & { results: NonNullable<PublicRound['results']> } =>
        round.state === 'revealed' && round.results !== null,
    )
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
  const votesOf = entityVotes(rounds);
  const groupOf = new Map(source.people.map((p) => [p.id, p.group]));

  const themes = readAllThemes(control);
  const themeIds = new Set(themes.map((t) => t.id));
  const issues = readClusters(board);
  const axes = readAxes(board);
  const axisIds = new Set(axes.map((a) => a.id));
  const issueIds = new Set(issues.map((i) => i.id));
  const sheets = orderedSheets(
    readActions(board),
    axes.map((a) => a.id),
  );
  const sheetIds = new Set(sheets.map((s) => s.id));
  const partners = readPartners(board);
  const indicators = readIndicators(board);
  const notes = readNotes(board).sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  const axisOf = (axis: string | null) => (axis !== null && axisIds.has(axis) ? axis : null);
  const sheetOf = (action: string) => (sheetIds.has(action) ? action : null);
  // Items name tables of the control document; an id no table has any more reads as plenary.
  // Left out for the plenary, so exports of workshops without tables stay as they were.
  const tables = readTables(control);
  const tableIds = new Set(tables.map((t) => t.id));
  const tableOf = (table: string | null) => (table !== null && tableIds.has(table) ? { table } : {});
  const provenance = (tables: readonly string[]) => {
    const known = tables.filter((t) => tableIds.has(t));
    return known.length > 0 ? { fromTables: known } : {};
  };

  const actions: StrategyAction[] = sheets.map((sheet) => {
    const axis = axisOf(sheet.axis);
    const rank = sheets.filter((s) => axisOf(s.axis) === axis).findIndex((s) => s.id === sheet.id) + 1;
    return {
      id: sheet.id,
      axis,
      rank,
      issues: axis === null ? [] : issues.filter((i) => i.axis === axis).map((i) => i.id),
      title: sheet.title,
      objectives: sheet.objectives,
      description: sheet.description,
      lead: sheet.lead,
      targetPublic: sheet.targetPublic,
      partnersText: sheet.partners,
      risks: sheet.risks,
      budget: sheet.budget,
      structure: sheet.structure,
      priority: sheet.priority,
      status: sheet.status,
      financing: sheet.financing.map((line) => ({ ...line })),
      financingTotals: financingTotals(sheet),
      milestones: sheet.milestones.map((m) => ({ ...m })),
      partners: partners.filter((p) => p.action === sheet.id).map((p) => p.id),
      indicators: indicators.filter((x) => x.action === sheet.id).map((x) => x.id),
      process: readProcess(board, sheet.id),
      createdAt: iso(sheet.createdAt),
      votes: votesOf('actions', sheet.id),
      ...tableOf(sheet.table),
      competences: [...sheet.competences],
      levers: [...sheet.levers],
      programme: sheet.programme,
      leadSiret: sheet.leadSiret,
      startDate: sheet.startDate,
      endDate: sheet.endDate,
      progress: sheet.progress,
    };
  });

  return {
    schemaVersion: STRATEGY_SCHEMA_VERSION,
    schemaMinor: STRATEGY_SCHEMA_MINOR,
    workshop: {
      id: source.workshop.id,
      title: source.workshop.title,
      date: source.workshop.createdAt.slice(0, 10),
      territory: { ...source.workshop.territory },
      facilitator:
        source.people.find((p) => p.role === 'facilitator' && !p.coFacilitator)?.name ??
        source.exportedBy.name,
      locale: source.workshop.locale,
      steps: [...readSteps(control)],
      questions: stepQuestions(control),
      territoryCodes: readTerritoryCodes(control),
    },
    participation: participation(source.people, source.includeNames),
    ...(tables.length > 0 ? { tables: seating(tables, readSeats(control), source.people) } : {}),
    themes: themes.map((theme) => ({
      id: theme.id,
      label: { ...theme.label },
      color: theme.color,
      order: theme.order,
      archived: theme.archived === true,
    })),
    notes: notes.map((note) => ({
      id: note.id,
      text: note.text,
      theme: note.theme !== null && themeIds.has(note.theme) ? note.theme : null,
      author: note.author === '' ? null : note.author,
      authorGroup: groupOf.get(note.author) ?? null,
      issue: note.cluster !== null && issueIds.has(note.cluster) ? note.cluster : null,
      position: { x: note.x, y: note.y },
      createdAt: iso(note.createdAt),
      votes: votesOf('notes', note.id),
      ...tableOf(note.table),
    })),
    issues: issues.map((issue, i) => ({
      id: issue.id,
      rank: i + 1,
      title: issue.title,
      description: issue.description,
      axis: axisOf(issue.axis),
      notes: [...issue.noteIds],
      position: { x: issue.x, y: issue.y },
      votes: votesOf('issues', issue.id),
      ...tableOf(issue.table),
      ...provenance(issue.fromTables),
    })),
    axes: axes.map((axis, i) => ({
      id: axis.id,
      rank: i + 1,
      title: axis.title,
      description: axis.description,
      issues: issues.filter((issue) => issue.axis === axis.id).map((issue) => issue.id),
      actions: actions.filter((a) => a.axis === axis.id).map((a) => a.id),
      createdAt: iso(axis.createdAt),
      votes: votesOf('axes', axis.id),
      ...tableOf(axis.table),
    })),
    actions,
    partners: partners.map((p) => ({
      id: p.id,
      action: sheetOf(p.action),
      name: p.name,
      kind: p.kind,
      role: p.role,
      contact: p.contact,
      createdAt: iso(p.createdAt),
    })),
    indicators: indicators.map((x) => ({
      id: x.id,
      action: sheetOf(x.action),
      name: x.name,
      unit: x.unit,
      baseline: x.baseline,
      target: x.target,
      source: x.source,
      frequency: x.frequency,
      reference: x.reference,
      createdAt: iso(x.createdAt),
    })),
    rounds: rounds.map(({ endsAt: _e, state: _s, ...round }): StrategyRound => round),
    provenance: {
      exportedAt: source.exportedAt.toISOString(),
      exportedBy: { ...source.exportedBy },
      workshopId: source.workshop.id,
      app: 'Atelier',
      appVersion: source.appVersion,
      layoutVersion: readLayoutVersion(board),
    },
  };
}

/** Sheets by axis in the axes' order, each axis's in their own order, then those with no (existing) axis. */
/** The questions for the room at the workshop's steps, in the steps' order. */
function stepQuestions(control: Y.Doc): Partial<Record<Step, string>> {
  const questions = readStepQuestions(control);
  const out: Partial<Record<Step, string>> = {};
  for (const step of readSteps(control)) {
    const question = questions[step];
    if (question !== undefined) out[step] = question;
  }
  return out;
}

function orderedSheets(sheets: readonly ActionSheet[], axisOrder: readonly string[]): ActionSheet[] {
  const known = new Set(axisOrder);
  return [
    ...axisOrder.flatMap((axis) => sheets.filter((s) => s.axis === axis)),
    ...sheets.filter((s) => s.axis === null || !known.has(s.axis)),
  ];
}

function participation(
  people: readonly StrategyPersonSource[],
  includeNames: boolean,
): StrategyParticipation {
  const present = people.filter((p) => !p.removed);
  const count = <K extends string>(keys: readonly K[], of: (p: StrategyPersonSource) => K) =>
    Object.fromEntries(keys.map((k) => [k, present.filter((p) => of(p) === k).length])) as Record<K, number>;
  return {
    total: present.length,
    byGroup: count(PARTICIPANT_GROUPS, (p) => p.group),
    byRole: count(ROLES, (p) => p.role),
    people: includeNames
      ? present.map((p) => ({ id: p.id, name: p.name, group: p.group, role: p.role }))
      : null,
  };
}

/** The tables and who sat at each: present people only, in the order they joined. */
function seating(
  tables: readonly Table[],
  seats: Record<string, string>,
  people: readonly StrategyPersonSource[],
) {
  const present = people.filter((p) => !p.removed);
  return tables.map((table) => ({
    id: table.id,
    name: table.name,
    color: table.color,
    participants: present.filter((p) => seats[p.id] === table.id).map((p) => p.id),
  }));
}

/** Each entity's lines in the revealed rounds that voted on it, oldest round first. */
function entityVotes(rounds: readonly (PublicRound & { results: NonNullable<PublicRound['results']> })[]) {
  const byTarget = new Map<string, EntityVote[]>();
  for (const round of rounds)
    for (const line of round.results.targets) {
      const key = `${round.targetKind}/${line.targetId}`;
      const list = byTarget.get(key) ?? [];
      list.push({
        round: round.id,
        roundTitle: round.title,
        mode: round.mode,
        rank: line.rank,
        total: line.total,
        positive: line.positive,
        negative: line.negative,
        voters: line.voters,
        criteria: line.criteria.map((c) => ({ ...c })),
        profile: [...line.profile],
        gauge: line.gauge && { ...line.gauge },
      });
      byTarget.set(key, list);
    }
  return (kind: PublicRound['targetKind'], id: string): EntityVote[] => byTarget.get(`${kind}/${id}`) ?? [];
}
