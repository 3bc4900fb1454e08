import { PROCESS_STEPS, processProgress } from '../doc/process';
import { formatDate, formatEuros, formatNumber, formatScore } from '../i18n/numbers';
import {
  type ExportKey,
  type ExportPluralStem,
  translate,
  translatePlural,
  type Vars,
} from '../i18n/translate';
import { m57Competence } from '../reference/lists';
import { type Locale, PARTICIPANT_GROUPS, type ParticipantGroup, type Step } from '../schema/enums';
import type { WeightedResults } from '../votes/round';
import { meritProfileWords, quorumWords, resultWords, roundRules } from './roundWords';
import type {
  EntityVote,
  Strategy,
  StrategyAction,
  StrategyAxis,
  StrategyIssue,
  StrategyNote,
  StrategyPartner,
  StrategyRound,
} from './schema';

/**
 * The workshop's report as a small document model: what the Markdown and Word writers both
 * render, so the two files say the same thing in the same order. Pure: a strategy and a
 * locale in, the document out. Every text in it is plain text (what participants typed is
 * never markup); the writers escape it for their format.
 */

/** A stretch of text with one look. */
export interface ReportRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

export type ReportAlign = 'left' | 'right';

export interface ReportBullet {
  runs: ReportRun[];
  /** 0 for a top-level item, 1 for an item under the one before. */
  level: 0 | 1;
}

export type ReportBlock =
  /** Level 1 is a section of the report (the document's own title is above them). */
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; runs: ReportRun[] }
  | { kind: 'bullets'; items: ReportBullet[] }
  /** Cells are plain text and may hold line breaks; `align` has one entry per column. */
  | { kind: 'table'; header: string[]; rows: string[][]; align: ReportAlign[] };

export interface ReportTitlePage {
  /** The workshop's title. */
  title: string;
  /** What the document is ("Rapport de l'atelier"). */
  subtitle: string;
  /** Territory, date, facilitator: a bold label then the value. */
  lines: ReportRun[][];
  /** Made with Atelier, on the export's date. */
  madeWith: string;
}

export interface Report {
  locale: Locale;
  /** The workshop's title: the document's title property and its running header. */
  title: string;
  /** What the document is, for its properties. */
  subject: string;
  /** Who exported it, for its properties. */
  author: string;
  /** The table of contents' title (Word). */
  contentsTitle: string;
  titlePage: ReportTitlePage;
  blocks: ReportBlock[];
}

/** What an empty field shows, rather than a hole. */
export const EMPTY_FIELD = '—';

/** The report of a workshop's outcome, its words in `locale`. */
export function strategyReport(strategy: Strategy, locale: Locale): Report {
  const w = writerFor(strategy, locale);
  const { workshop, provenance } = strategy;
  return {
    locale,
    title: workshop.title,
    subject: w.t('export.report.title'),
    author: provenance.exportedBy.name || workshop.facilitator,
    contentsTitle: w.t('export.report.contents'),
    titlePage: {
      title: workshop.title,
      subtitle: w.t('export.report.title'),
      lines: [
        w.labelled(
          'export.report.territory',
          w.t('export.report.territoryValue', {
            name: workshop.territory.name,
            kind: w.t(`territory.${workshop.territory.kind}`),
          }),
        ),
        w.labelled('export.report.date', w.date(workshop.date)),
        w.labelled('role.facilitator', w.field(workshop.facilitator)),
      ],
      madeWith: w.t('export.report.madeWith', {
        app: w.t('app.name'),
        date: w.date(provenance.exportedAt.slice(0, 10)),
      }),
    },
    blocks: [
      ...summary(w),
      ...assessment(w),
      ...priorityIssues(w),
      ...strategicAxes(w),
      ...actionSheets(w),
      ...partnerships(w),
      ...indicators(w),
      ...voteResults(w),
    ],
  };
}

type Writer = ReturnType<typeof writerFor>;

/** The locale's words and formats, the strategy's lookups, and the blocks' constructors. */
function writerFor(s: Strategy, locale: Locale) {
  const t = (key: ExportKey, vars?: Vars) => translate(locale, key, vars);
  const num = (n: number) => formatNumber(locale, n);
  const byId = <T extends { id: string }>(items: readonly T[]) => new Map(items.map((x) => [x.id, x]));
  const w = {
    s,
    locale,
    t,
    num,
    plural: (stem: ExportPluralStem, n: number) => translatePlural(locale, stem, n, { n: num(n) }),
    money: (amount: number) => formatEuros(amount, locale),
    date: (isoDate: string) => formatDate(isoDate, locale),
    /** A text field as written, or the empty mark. */
    field: (text: string) => (text.trim() === '' ? EMPTY_FIELD : text),
    notes: byId(s.notes),
    issues: byId(s.issues),
    axes: byId(s.axes),
    actions: byId(s.actions),
    partners: byId(s.partners),
    rounds: byId(s.rounds),
    /** "Label : " in bold, then the value. */
    labelled: (label: ExportKey, value: string): ReportRun[] => [
      { text: t('export.report.label', { label: t(label) }), bold: true },
      { text: value },
    ],
    group: (group: ParticipantGroup | null) =>
      group === null ? t('export.report.unknownGroup') : t(`group.${group}`),
    issueName: (issue: StrategyIssue) =>
      t('export.report.issueHeading', { rank: issue.rank, title: issue.title }),
    axisName: (axis: StrategyAxis) => t('export.report.axisHeading', { n: axis.rank, title: axis.title }),
    sheetName: (action: StrategyAction | undefined) =>
      action === undefined ? t('plan.orphans') : action.title.trim() || t('sheet.untitled'),
    h: (level: 1 | 2 | 3, text: string): ReportBlock => ({ kind: 'heading', level, text }),
    /** A step's section: its heading, then the question the facilitator put to the room, if any. */
    section: (step: Step): ReportBlock[] => {
      const question = s.workshop.questions?.[step];
      const heading: ReportBlock = { kind: 'heading', level: 1, text: t(`steps.${step}`) };
      if (question === undefined) return [heading];
      const label = t('export.report.label', { label: t('export.report.question') });
      return [heading, { kind: 'paragraph', runs: [{ text: label, bold: true }, { text: question }] }];
    },
    p: (...runs: ReportRun[]): ReportBlock => ({ kind: 'paragraph', runs }),
    /** A one-line remark: a section or a list with nothing in it. */
    note: (key: ExportKey): ReportBlock => ({ kind: 'paragraph', runs: [{ text: t(key), italic: true }] }),
    bullets: (items: ReportBullet[]): ReportBlock => ({ kind: 'bullets', items }),
    table: (header: string[], rows: string[][], align?: ReportAlign[]): ReportBlock => ({
      kind: 'table',
      header,
      rows,
      align: align ?? header.map(() => 'left'),
    }),
  };
  return w;
}

/** A note as a list item: its text, then its author's group. */
function noteItem(w: Writer, note: StrategyNote): ReportBullet {
  return {
    level: 0,
    runs: [{ text: w.field(note.text) }, { text: ` — ${w.group(note.authorGroup)}`, italic: true }],
  };
}

const byRank = <T extends { rank: number }>(items: readonly T[]) =>
  [...items].sort((a, b) => a.rank - b.rank);

function summary(w: Writer): ReportBlock[] {
  const { s, t } = w;
  const budgets = s.actions.map((a) => a.budget);
  const unbudgeted = budgets.filter((b) => b === null).length;
  const budget = w.money(budgets.reduce<number>((sum, b) => sum + (b ?? 0), 0));
  const figures: [ExportKey, string][] = [
    ['export.report.participants', w.num(s.participation.total)],
    ['export.report.notes', w.num(s.notes.length)],
    ['export.report.issues', w.num(s.issues.length)],
    ['export.report.axes', w.num(s.axes.length)],
    ['export.report.sheets', w.num(s.actions.length)],
    [
      'export.report.budget',
      unbudgeted > 0 ? `${budget} (${w.plural('plan.overview.unbudgeted', unbudgeted)})` : budget,
    ],
    ['export.report.secured', w.money(s.actions.reduce((sum, a) => sum + a.financingTotals.secured, 0))],
    ['export.report.partners', w.num(s.partners.length)],
    ['export.report.indicators', w.num(s.indicators.length)],
    ['export.report.rounds', w.num(s.rounds.length)],
  ];
  return [
    w.h(1, t('export.report.summary')),
    w.h(2, t('export.report.keyFigures')),
    w.table(
      [t('export.report.figure'), t('export.report.value')],
      figures.map(([key, value]) => [t(key), value]),
      ['left', 'right'],
    ),
    w.h(3, t('export.report.byGroup')),
    w.table(
      [t('export.report.group'), t('export.report.people')],
      PARTICIPANT_GROUPS.map((g) => [w.group(g), w.num(s.participation.byGroup[g])]),
      ['left', 'right'],
    ),
    ...byTable(w),
    w.h(2, t('export.report.glance')),
    ...glance(w),
  ];
}

/** What each table made (and the plenary), for a workshop that worked in tables; nothing otherwise. */
function byTable(w: Writer): ReportBlock[] {
  const { s, t } = w;
  if (s.tables === undefined) return [];
  const at = (table: string | null) => (item: { table?: string | null | undefined }) =>
    (item.table ?? null) === table;
  const row = (name: string, people: string, table: string | null) => [
    name,
    people,
    ...[s.notes, s.issues, s.axes, s.actions].map((items) => w.num(items.filter(at(table)).length)),
  ];
  return [
    w.h(3, t('export.report.byTable')),
    w.table(
      [
        t('export.report.table'),
        t('export.report.people'),
        t('export.report.notes'),
        t('export.report.issues'),
        t('export.report.axes'),
        t('export.report.sheets'),
      ],
      [
        ...s.tables.map((table) => row(table.name, w.num(table.participants.length), table.id)),
        row(t('export.report.plenary'), EMPTY_FIELD, null),
      ],
      ['left', 'right', 'right', 'right', 'right', 'right'],
    ),
  ];
}

/** The axes with their issues and action sheets, then what has no axis. */
function glance(w: Writer): ReportBlock[] {
  const { s, t } = w;
  const under = (key: ExportKey, text: string): ReportBullet => ({
    level: 1,
    runs: [{ text: t('export.report.label', { label: t(key) }), italic: true }, { text }],
  });
  const empty = (key: ExportKey): ReportBullet => ({ level: 1, runs: [{ text: t(key), italic: true }] });
  const items: ReportBullet[] = [];
  const group = (title: string, issues: StrategyIssue[], sheets: StrategyAction[]) => {
    items.push({ level: 0, runs: [{ text: title, bold: true }] });
    for (const issue of issues) items.push(under('export.report.glanceIssue', issue.title));
    if (issues.length === 0) items.push(empty('axes.noIssue'));
    for (const sheet of sheets) items.push(under('export.report.glanceSheet', w.sheetName(sheet)));
    if (sheets.length === 0) items.push(empty('axes.sheets.none'));
  };
  for (const axis of byRank(s.axes))
    group(
      w.axisName(axis),
      byRank(s.issues.filter((i) => i.axis === axis.id)),
      axis.actions.flatMap((id) => w.actions.get(id) ?? []),
    );
  const looseIssues = byRank(s.issues.filter((i) => i.axis === null));
  const looseSheets = s.actions.filter((a) => a.axis === null);
  if (looseIssues.length > 0 || looseSheets.length > 0) group(t('sheet.noAxis'), looseIssues, looseSheets);
  return items.length === 0 ? [w.note('export.report.noAxes')] : [w.bullets(items)];
}

/** Notes grouped by theme (in the themes' order), then the untagged ones. */
function assessment(w: Writer): ReportBlock[] {
  const { s, t } = w;
  const blocks = w.section('assessment');
  if (s.notes.length === 0) return [...blocks, w.note('export.report.noNotes')];
  const themes = [...s.themes].sort((a, b) => a.order - b.order);
  const known = new Set(themes.map((theme) => theme.id));
  for (const theme of themes) {
    const notes = s.notes.filter((n) => n.theme === theme.id);
    if (notes.length > 0)
      blocks.push(w.h(2, theme.label[w.locale]), w.bullets(notes.map((n) => noteItem(w, n))));
  }
  const untagged = s.notes.filter((n) => n.theme === null || !known.has(n.theme));
  if (untagged.length > 0)
    blocks.push(w.h(2, t('note.noTheme')), w.bullets(untagged.map((n) => noteItem(w, n))));
  return blocks;
}

/** An entity's results in the revealed rounds, one line each. */
function entityVotes(w: Writer, entityId: string, votes: EntityVote[]): ReportBlock[] {
  if (votes.length === 0) return [];
  const { t } = w;
  const lines = votes.map((v): ReportBullet => {
    const round = w.rounds.get(v.round);
    const tied = round?.results.ties.some((ids) => ids.includes(entityId)) ?? false;
    const rank = t('votes.results.rank', { rank: v.rank });
    return {
      level: 0,
      runs: [
        {
          text: t('export.report.voteLine', {
            round: v.roundTitle,
            rank: tied ? `${rank} (${t('votes.results.tie')})` : rank,
            total: voteTotal(
              w,
              { mode: v.mode, grades: round?.grades ?? null },
              v,
              round?.dots?.negative ? v : null,
            ),
            voters: w.plural('votes.results.voters', v.voters),
          }),
        },
      ],
    };
  });
  return [w.h(3, t('export.report.entityVotes')), w.bullets(lines)];
}

/**
 * A target's result in its round's mode (`resultWords`), with for and against when the round took
 * dots against.
 */
function voteTotal(
  w: Writer,
  round: Pick<StrategyRound, 'mode' | 'grades'>,
  line: Pick<EntityVote, 'total' | 'gauge'>,
  split: { positive: number; negative: number } | null,
): string {
  const words = resultWords(w.locale, round, line);
  return split === null
    ? words
    : `${words} (${w.t('votes.results.forAgainst', { for: w.num(split.positive), against: w.num(split.negative) })})`;
}

/** A sheet's follow-up and public-sector fields that are set, as report rows. */
function publicFields(w: Writer, a: StrategyAction): [ExportKey, string][] {
  const rows: [ExportKey, string | null][] = [
    ['sheet.field.progress', a.progress === null ? null : w.t(`sheet.progress.${a.progress}`)],
    ['sheet.field.startDate', a.startDate === null ? null : w.date(a.startDate)],
    ['sheet.field.endDate', a.endDate === null ? null : w.date(a.endDate)],
    ['sheet.field.programme', a.programme === '' ? null : w.field(a.programme)],
    ['sheet.field.leadSiret', a.leadSiret === '' ? null : a.leadSiret],
    [
      'sheet.field.competences',
      a.competences.length === 0
        ? null
        : a.competences.map((code) => `${code} ${m57Competence(code)?.name ?? ''}`.trim()).join(' ; '),
    ],
    ['sheet.field.levers', a.levers.length === 0 ? null : a.levers.join(' ; ')],
  ];
  return rows.flatMap(([key, value]) => (value === null ? [] : [[key, value]]));
}

function priorityIssues(w: Writer): ReportBlock[] {
  const { s, t } = w;
  const blocks = w.section('issues');
  if (s.issues.length === 0) return [...blocks, w.note('export.report.noIssues')];
  for (const issue of byRank(s.issues)) {
    const axis = issue.axis === null ? undefined : w.axes.get(issue.axis);
    const notes = issue.notes.flatMap((id) => w.notes.get(id) ?? []);
    blocks.push(
      w.h(2, w.issueName(issue)),
      issue.description.trim() === ''
        ? w.note('export.report.noDescription')
        : w.p({ text: issue.description }),
      w.p(...w.labelled('sheet.field.axis', axis ? w.axisName(axis) : t('sheet.noAxis'))),
      w.h(3, t('export.report.issueNotes')),
      notes.length === 0 ? w.note('export.report.issueNoNotes') : w.bullets(notes.map((n) => noteItem(w, n))),
      ...entityVotes(w, issue.id, issue.votes),
    );
  }
  return blocks;
}

function strategicAxes(w: Writer): ReportBlock[] {
  const { s, t } = w;
  const blocks = w.section('axes');
  if (s.axes.length === 0) return [...blocks, w.note('export.report.noAxes')];
  const list = (texts: string[], none: ExportKey) =>
    texts.length === 0 ? w.note(none) : w.bullets(texts.map((text) => ({ level: 0, runs: [{ text }] })));
  for (const axis of byRank(s.axes)) {
    const issues = byRank(axis.issues.flatMap((id) => w.issues.get(id) ?? []));
    const sheets = axis.actions.flatMap((id) => w.actions.get(id) ?? []);
    blocks.push(
      w.h(2, w.axisName(axis)),
      axis.description.trim() === ''
        ? w.note('export.report.noDescription')
        : w.p({ text: axis.description }),
      w.h(3, t('export.report.axisIssues')),
      list(issues.map(w.issueName), 'axes.noIssue'),
      w.h(3, t('export.report.axisSheets')),
      list(
        sheets.map((a) => w.sheetName(a)),
        'axes.sheets.none',
      ),
      ...entityVotes(w, axis.id, axis.votes),
    );
  }
  return blocks;
}

/** Budget − plan, in words: still to find, over the budget, balanced, or no budget yet. */
function financingGap(w: Writer, gap: number | null): string {
  if (gap === null) return w.t('sheet.noBudget');
  if (Math.abs(gap) < 0.005) return w.t('sheet.financing.balanced');
  return gap > 0
    ? w.t('sheet.financing.gapMissing', { amount: w.money(gap) })
    : w.t('sheet.financing.gapOver', { amount: w.money(-gap) });
}

function actionSheets(w: Writer): ReportBlock[] {
  const { s, t } = w;
  const blocks = w.section('actions');
  if (s.actions.length === 0) return [...blocks, w.note('export.report.noSheets')];
  for (const a of s.actions) {
    const axis = a.axis === null ? undefined : w.axes.get(a.axis);
    const fields: [ExportKey, string][] = [
      ['sheet.field.axis', axis ? w.axisName(axis) : t('sheet.noAxis')],
      ['sheet.field.lead', w.field(a.lead)],
      ['sheet.field.targetPublic', w.field(a.targetPublic)],
      ['sheet.field.objectives', w.field(a.objectives)],
      ['sheet.field.description', w.field(a.description)],
      ['sheet.field.partners', w.field(a.partnersText)],
      ['sheet.field.risks', w.field(a.risks)],
      ['sheet.field.budget', a.budget === null ? t('sheet.noBudget') : w.money(a.budget)],
      ['sheet.field.structure', t(`sheet.structure.${a.structure ?? 'none'}`)],
      ['sheet.field.priority', t(`sheet.priority.${a.priority ?? 'none'}`)],
      ['sheet.field.status', t(`sheet.status.${a.status}`)],
      // The public-sector fields, only once set: most workshop sheets have none.
      ...publicFields(w, a),
    ];
    const totals = a.financingTotals;
    const issues = a.issues.flatMap((id) => w.issues.get(id) ?? []);
    blocks.push(
      w.h(2, w.sheetName(a)),
      w.table(
        [t('export.report.field'), t('export.report.content')],
        fields.map(([key, value]) => [t(key), value]),
      ),
      w.h(3, t('sheet.field.financing')),
      a.financing.length === 0
        ? w.note('sheet.financing.empty')
        : w.table(
            [
              t('sheet.financing.source'),
              t('sheet.financing.label'),
              t('sheet.financing.amount'),
              t('sheet.financing.state'),
            ],
            a.financing.map((line) => [
              t(`sheet.source.${line.source}`),
              w.field(line.label),
              w.money(line.amount),
              t(line.secured ? 'sheet.financing.secured' : 'sheet.financing.toRequest'),
            ]),
            ['left', 'left', 'right', 'left'],
          ),
      w.table(
        [t('export.report.totals'), t('sheet.financing.amount')],
        [
          [t('sheet.financing.total'), w.money(totals.total)],
          [t('sheet.financing.securedTotal'), w.money(totals.secured)],
          [t('sheet.financing.toFind'), w.money(totals.toFind)],
          [t('export.report.gap'), financingGap(w, totals.gap)],
        ],
        ['left', 'right'],
      ),
      w.h(3, t('sheet.field.milestones')),
      a.milestones.length === 0
        ? w.note('sheet.milestone.empty')
        : w.table(
            [t('sheet.milestone.date'), t('sheet.milestone.label')],
            a.milestones.map((m) => [w.date(m.date), m.label]),
          ),
      w.h(3, t('export.report.answers')),
      issues.length === 0
        ? w.note('export.report.answersNone')
        : w.bullets(byRank(issues).map((i) => ({ level: 0, runs: [{ text: w.issueName(i) }] }))),
      ...entityVotes(w, a.id, a.votes),
    );
  }
  return blocks;
}

function partnersTable(w: Writer, partners: StrategyPartner[]): ReportBlock {
  const { t } = w;
  return w.table(
    [t('plan.partners.name'), t('plan.partners.kind'), t('plan.partners.role'), t('plan.partners.contact')],
    partners.map((p) => [p.name, t(`plan.kind.${p.kind}`), w.field(p.role), w.field(p.contact)]),
  );
}

function partnerships(w: Writer): ReportBlock[] {
  const { s, t } = w;
  const blocks = w.section('partnerships');
  if (s.partners.length === 0) blocks.push(w.note('export.report.noPartners'));
  if (s.actions.length === 0) return s.partners.length === 0 ? blocks : [...blocks, ...orphanPartners(w)];
  for (const a of s.actions) {
    const partners = a.partners.flatMap((id) => w.partners.get(id) ?? []);
    const progress = processProgress(a.process);
    blocks.push(w.h(2, w.sheetName(a)));
    if (s.partners.length > 0)
      blocks.push(
        w.h(3, t('plan.partners.title')),
        partners.length === 0 ? w.note('plan.partners.empty') : partnersTable(w, partners),
      );
    blocks.push(
      w.h(3, t('plan.process.title')),
      w.p({ text: t('plan.process.progress', { done: progress.done, applicable: progress.applicable }) }),
      w.table(
        [t('export.report.processStep'), t('sheet.field.status')],
        PROCESS_STEPS.map((step) => [
          t(`plan.process.step.${step}`),
          t(`plan.process.status.${a.process[step]}`),
        ]),
      ),
    );
  }
  return [...blocks, ...orphanPartners(w)];
}

/** Partners whose sheet was deleted: kept in the workshop, so listed rather than lost. */
function orphanPartners(w: Writer): ReportBlock[] {
  const orphans = w.s.partners.filter((p) => p.action === null);
  return orphans.length === 0 ? [] : [w.h(2, w.t('plan.orphans')), partnersTable(w, orphans)];
}

function indicators(w: Writer): ReportBlock[] {
  const { s, t } = w;
  const blocks = w.section('monitoring');
  if (s.indicators.length === 0) return [...blocks, w.note('export.report.noIndicators')];
  // In the sheets' order, those of a deleted sheet last.
  const order = new Map(s.actions.map((a, i) => [a.id, i]));
  const place = (action: string | null) => (action === null ? Infinity : (order.get(action) ?? Infinity));
  const sorted = [...s.indicators].sort((a, b) => place(a.action) - place(b.action));
  const value = (n: number | null) => (n === null ? EMPTY_FIELD : w.num(n));
  blocks.push(
    w.table(
      [
        t('plan.overview.action'),
        t('plan.indicators.name'),
        t('plan.indicators.unit'),
        t('plan.indicators.baseline'),
        t('plan.indicators.target'),
        t('plan.indicators.frequency'),
        t('plan.indicators.source'),
      ],
      sorted.map((x) => [
        w.sheetName(x.action === null ? undefined : w.actions.get(x.action)),
        x.name,
        w.field(x.unit),
        value(x.baseline),
        value(x.target),
        t(`plan.frequency.${x.frequency}`),
        w.field(x.source),
      ]),
      ['left', 'left', 'left', 'right', 'right', 'left', 'left'],
    ),
  );
  return blocks;
}

function voteResults(w: Writer): ReportBlock[] {
  const { s, t } = w;
  const blocks = [w.h(1, t('export.report.votes'))];
  if (s.rounds.length === 0) return [...blocks, w.note('export.report.noRounds')];
  for (const round of s.rounds) blocks.push(...roundBlocks(w, round));
  return blocks;
}

/** A group's result for one target: its total, score, majority grade, or rank in a ranking. */
function groupCell(
  w: Writer,
  round: StrategyRound,
  group: StrategyRound['results']['byGroup'][number],
  targetId: string,
): string {
  const total = group.totals[targetId] ?? 0;
  switch (round.mode) {
    case 'dots':
    case 'points':
      return w.num(total);
    case 'scoring':
      return formatScore(w.locale, total);
    case 'judgment':
      return round.grades?.[total] ?? EMPTY_FIELD;
    case 'ranking':
      return w.t('votes.results.rank', { rank: group.ranks[targetId] ?? EMPTY_FIELD });
  }
}

/** The result where each group weighs the same, beside the plain one. */
function weightedBlocks(w: Writer, round: StrategyRound, weighted: WeightedResults): ReportBlock[] {
  const label = new Map(round.targets.map((x) => [x.id, x.label]));
  const tied = new Set(weighted.ties.flat());
  return [
    w.h(3, w.t('votes.results.weighted')),
    w.p({
      text: w.t('votes.results.weightedNote', { groups: weighted.groups.map((g) => w.group(g)).join(', ') }),
      italic: true,
    }),
    w.table(
      [w.t('export.report.rank'), w.t('export.report.target'), w.t('export.report.total')],
      weighted.targets.map((line) => [
        tied.has(line.targetId) ? `${w.num(line.rank)} (${w.t('votes.results.tie')})` : w.num(line.rank),
        w.field(label.get(line.targetId) ?? line.targetId),
        resultWords(w.locale, round, line),
      ]),
      ['left', 'left', 'right'],
    ),
  ];
}

/** A ranking's pairwise matrix: a row per target, how many voters put it above each column's. */
function pairwiseBlocks(
  w: Writer,
  round: StrategyRound,
  pairwise: readonly (readonly number[])[],
): ReportBlock[] {
  const names = round.targets.map((target) => w.field(target.label));
  return [
    w.h(3, w.t('votes.results.pairwise')),
    w.p({ text: w.t('votes.results.pairwiseNote'), italic: true }),
    w.table(
      ['', ...names],
      round.targets.map((_, i) => [
        names[i] ?? '',
        ...round.targets.map((__, j) => (i === j ? EMPTY_FIELD : w.num(pairwise[i]?.[j] ?? 0))),
      ]),
      ['left', ...round.targets.map(() => 'right' as const)],
    ),
  ];
}

function roundBlocks(w: Writer, round: StrategyRound): ReportBlock[] {
  const { t } = w;
  const { results } = round;
  const label = new Map(round.targets.map((x) => [x.id, x.label]));
  const targetName = (id: string) => w.field(label.get(id) ?? id);
  const score = (n: number) => formatScore(w.locale, n);
  const revealed = round.revealedAt ?? round.closedAt;
  const rules = roundRules(w.locale, round);
  const blocks: ReportBlock[] = [
    w.h(2, w.field(round.title)),
    w.p({
      text: t('export.report.roundFacts', {
        mode: t(`votes.mode.${round.mode}`),
        kind: t(`votes.kind.${round.targetKind}`),
        voters: w.plural('votes.results.voters', results.voters),
        date: revealed === null ? EMPTY_FIELD : w.date(revealed.slice(0, 10)),
      }),
    }),
    w.p({ text: rules, italic: true }),
  ];
  const quorum = quorumWords(w.locale, results.quorum, (g) => w.group(g));
  if (quorum) blocks.push(w.p({ text: quorum, italic: true }));
  if (results.voters === 0) return [...blocks, w.note('votes.results.noVoters')];

  const negative = round.mode === 'dots' && (round.dots?.negative ?? false);
  const criteria = round.mode === 'scoring' ? (round.criteria ?? []) : [];
  const judged = round.mode === 'judgment';
  const tied = new Set(results.ties.flat());
  blocks.push(
    w.h(3, t('votes.results.ranking')),
    w.table(
      [
        t('export.report.rank'),
        t('export.report.target'),
        t('export.report.total'),
        t('export.report.voters'),
        ...(negative ? [t('export.report.for'), t('export.report.against')] : []),
        ...criteria.map((c) => c.label),
        ...(judged ? [t('votes.results.profile')] : []),
      ],
      results.targets.map((r) => [
        tied.has(r.targetId) ? `${w.num(r.rank)} (${t('votes.results.tie')})` : w.num(r.rank),
        targetName(r.targetId),
        round.mode === 'dots' ? w.num(r.total) : resultWords(w.locale, round, r),
        w.num(r.voters),
        ...(negative ? [w.num(r.positive), w.num(r.negative)] : []),
        ...criteria.map((c) => {
          const stat = r.criteria.find((x) => x.criterionId === c.id);
          return stat
            ? `${score(stat.mean)} (${t('votes.results.median', { median: score(stat.median) })})`
            : EMPTY_FIELD;
        }),
        ...(judged ? [meritProfileWords(w.locale, round, r.profile)] : []),
      ]),
      [
        'left',
        'left',
        'right',
        'right',
        ...(negative ? (['right', 'right'] as const) : []),
        ...criteria.map(() => 'right' as const),
        ...(judged ? (['left'] as const) : []),
      ],
    ),
  );
  if (results.pairwise) blocks.push(...pairwiseBlocks(w, round, results.pairwise));
  if (results.weighted) blocks.push(...weightedBlocks(w, round, results.weighted));
  if (results.byGroup.length > 0) {
    const groupLabel = (g: StrategyRound['results']['byGroup'][number]) => {
      const name =
        g.group === 'other' && g.merged.length > 0
          ? t('votes.results.merged', { groups: g.merged.map((m) => w.group(m)).join(', ') })
          : w.group(g.group);
      return `${name} · ${w.plural('votes.results.voters', g.voters)}`;
    };
    const onlyMerged = results.byGroup.length === 1 && (results.byGroup[0]?.merged.length ?? 0) > 0;
    blocks.push(
      w.h(3, t('votes.results.byGroup')),
      ...(onlyMerged ? [w.note('votes.results.allMerged')] : []),
      w.table(
        [t('export.report.target'), ...results.byGroup.map(groupLabel)],
        results.targets.map((r) => [
          targetName(r.targetId),
          ...results.byGroup.map((g) => groupCell(w, round, g, r.targetId)),
        ]),
        ['left', ...results.byGroup.map(() => 'right' as const)],
      ),
    );
  }
  return blocks;
}
