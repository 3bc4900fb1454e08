import { PROCESS_STEPS } from '../doc/process';
import { type Locale, PARTICIPANT_GROUPS, ROLES } from '../schema/enums';
import type { Strategy, StrategyAction, StrategyAxis, StrategyIssue, StrategyNote } from './schema';
import { type Cell, type ColumnSpec, type StrategyTable, type TablesKey, table, words } from './tableModel';
import { votesTable } from './votesTable';

/**
 * A strategy as flat tables, one per entity: what the CSV and Excel exports both write, so
 * the two say exactly the same thing. Every row carries its entity's id and the id of the
 * level it came from (note → issue, issue → axis, action → axis and issues, financing line →
 * action…), with a readable label beside each id and enum values in the workshop's words.
 */

/** Ids listed in one cell. */
const idList = (ids: readonly string[]) => ids.join(', ');

/** The workshop's outcome as tables, in reading order, with headers and enum values in `locale`. */
export function strategyTables(s: Strategy, locale: Locale): StrategyTable[] {
  const { t, T, idOf } = words(locale);

  const themes = new Map(s.themes.map((x) => [x.id, x.label[locale]]));
  const issues = new Map(s.issues.map((x) => [x.id, x.title]));
  const axes = new Map(s.axes.map((x) => [x.id, x.title]));
  const actions = new Map(s.actions.map((x) => [x.id, x.title]));
  const names = s.participation.people && new Map(s.participation.people.map((p) => [p.id, p.name]));

  const id = <E extends { id: string }>(): ColumnSpec<E> => ({
    key: 'id',
    header: T('id'),
    type: 'id',
    value: (e) => e.id,
  });
  const createdAt = <E extends { createdAt: string }>(): ColumnSpec<E> => ({
    key: 'createdAt',
    header: T('createdAt'),
    type: 'datetime',
    value: (e) => e.createdAt,
  });
  /** An id column and a label column for a link to the level above (`none` labels a missing link). */
  const link = <E>(
    key: string,
    what: string,
    of: (e: E) => string | null,
    labels: Map<string, string>,
    none: string | null,
  ): ColumnSpec<E>[] => [
    { key, header: idOf(what), type: 'id', value: of },
    {
      key: `${key}Label`,
      header: what,
      type: 'text',
      width: 30,
      value: (e) => {
        const target = of(e);
        return target === null ? none : (labels.get(target) ?? target);
      },
    },
  ];
  const actionLink = <E extends { action: string | null }>() =>
    link<E>('action', t('plan.overview.action'), (e) => e.action, actions, t('plan.orphans'));
  const count = <E>(key: TablesKey, of: (e: E) => readonly unknown[]): ColumnSpec<E> => ({
    key,
    header: T(key),
    type: 'integer',
    value: (e) => of(e).length,
  });

  // People's names only when the facilitator included them.
  const authorName: ColumnSpec<StrategyNote>[] = names
    ? [
        {
          key: 'authorName',
          header: T('author'),
          type: 'text',
          value: (n) => names.get(n.author ?? '') ?? null,
        },
      ]
    : [];
  // The table each item was made at, only for a workshop that worked in tables (exports of
  // workshops without tables keep their columns).
  const tableNames = new Map((s.tables ?? []).map((x) => [x.id, x.name]));
  const tableColumns = <E extends { table?: string | null | undefined }>(): ColumnSpec<E>[] =>
    s.tables === undefined
      ? []
      : link<E>('table', T('table'), (e) => e.table ?? null, tableNames, T('plenary'));
  const atTable = <E extends { table?: string | null | undefined }>(items: readonly E[], id: string) =>
    items.filter((e) => e.table === id);
  const tablesTable: StrategyTable[] =
    s.tables === undefined
      ? []
      : [
          table('tables', T('tables'), s.tables, [
            id(),
            { key: 'name', header: T('table'), type: 'text', value: (x) => x.name },
            { key: 'color', header: T('color'), type: 'text', width: 10, value: (x) => x.color },
            count('participantCount', (x) => x.participants),
            {
              key: 'participants',
              header: T('participantIds'),
              type: 'id',
              width: 30,
              value: (x) => idList(x.participants),
            },
            ...(names
              ? [
                  {
                    key: 'participantNames',
                    header: t('export.report.people'),
                    type: 'text' as const,
                    width: 40,
                    value: (x: { participants: string[] }) =>
                      x.participants.map((p) => names.get(p) ?? p).join(', '),
                  },
                ]
              : []),
            count('noteCount', (x) => atTable(s.notes, x.id)),
            count('issueCount', (x) => atTable(s.issues, x.id)),
            count('axisCount', (x) => atTable(s.axes, x.id)),
            count('actionCount', (x) => atTable(s.actions, x.id)),
          ]),
        ];
  const lines = s.actions.flatMap((action) =>
    action.financing.map((line) => ({ ...line, action: action.id })),
  );
  const milestones = s.actions.flatMap((action) =>
    action.milestones.map((m) => ({ ...m, action: action.id })),
  );

  return [
    workshopTable(s, locale),
    table('themes', T('themes'), s.themes, [
      id(),
      { key: 'label', header: T('theme'), type: 'text', value: (x) => x.label[locale] },
      { key: 'color', header: T('color'), type: 'text', width: 10, value: (x) => x.color },
      { key: 'archived', header: T('archived'), type: 'boolean', value: (x) => x.archived },
      count('noteCount', (x) => s.notes.filter((n) => n.theme === x.id)),
    ]),
    ...tablesTable,
    table('notes', T('notes'), s.notes, [
      id(),
      ...tableColumns<StrategyNote>(),
      { key: 'text', header: T('text'), type: 'longText', value: (n) => n.text },
      ...link<StrategyNote>('theme', T('theme'), (n) => n.theme, themes, t('issues.noTheme')),
      ...link<StrategyNote>('issue', T('issue'), (n) => n.issue, issues, null),
      { key: 'author', header: idOf(T('author')), type: 'id', value: (n) => n.author },
      ...authorName,
      {
        key: 'authorGroup',
        header: T('authorGroup'),
        type: 'text',
        value: (n) => (n.authorGroup === null ? null : t(`group.${n.authorGroup}`)),
      },
      createdAt(),
    ]),
    table('issues', T('issues'), s.issues, [
      id(),
      ...tableColumns<StrategyIssue>(),
      { key: 'rank', header: T('rank'), type: 'integer', width: 8, value: (x) => x.rank },
      { key: 'title', header: T('title'), type: 'text', width: 36, value: (x) => x.title },
      { key: 'description', header: T('description'), type: 'longText', value: (x) => x.description },
      ...link<StrategyIssue>('axis', t('sheet.field.axis'), (x) => x.axis, axes, t('plan.noAxis')),
      count('noteCount', (x) => x.notes),
    ]),
    table('axes', T('axes'), s.axes, [
      id(),
      ...tableColumns<StrategyAxis>(),
      { key: 'rank', header: T('rank'), type: 'integer', width: 8, value: (x) => x.rank },
      { key: 'title', header: T('title'), type: 'text', width: 36, value: (x) => x.title },
      { key: 'description', header: T('description'), type: 'longText', value: (x) => x.description },
      count('issueCount', (x) => x.issues),
      count('actionCount', (x) => x.actions),
      createdAt(),
    ]),
    table('actions', T('actions'), s.actions, [
      id(),
      ...tableColumns<StrategyAction>(),
      ...link<StrategyAction>('axis', t('sheet.field.axis'), (a) => a.axis, axes, t('plan.noAxis')),
      { key: 'rank', header: T('rankInAxis'), type: 'integer', value: (a) => a.rank },
      {
        key: 'issues',
        header: t('export.tables.idsOf', { what: T('issues') }),
        type: 'id',
        width: 24,
        value: (a) => idList(a.issues),
      },
      {
        key: 'issuesLabel',
        header: T('issues'),
        type: 'longText',
        width: 36,
        value: (a) => a.issues.map((i) => issues.get(i) ?? i).join('\n'),
      },
      ...(['title', 'objectives', 'description', 'lead', 'targetPublic', 'partners', 'risks'] as const).map(
        (field): ColumnSpec<StrategyAction> => ({
          key: field === 'partners' ? 'partnersText' : field,
          header: t(`sheet.field.${field}`),
          type: field === 'title' || field === 'lead' ? 'text' : 'longText',
          width: field === 'title' ? 36 : field === 'lead' || field === 'targetPublic' ? 30 : 50,
          value: (a) => a[field === 'partners' ? 'partnersText' : field],
        }),
      ),
      { key: 'budget', header: t('sheet.field.budget'), type: 'euros', value: (a) => a.budget },
      {
        key: 'structure',
        header: t('sheet.field.structure'),
        type: 'text',
        width: 30,
        value: (a) => t(`sheet.structure.${a.structure ?? 'none'}`),
      },
      {
        key: 'priority',
        header: t('sheet.field.priority'),
        type: 'text',
        width: 12,
        value: (a) => t(`sheet.priority.${a.priority ?? 'none'}`),
      },
      {
        key: 'status',
        header: t('sheet.field.status'),
        type: 'text',
        width: 14,
        value: (a) => t(`sheet.status.${a.status}`),
      },
      {
        key: 'progress',
        header: t('sheet.field.progress'),
        type: 'text',
        width: 14,
        value: (a) => (a.progress === null ? null : t(`sheet.progress.${a.progress}`)),
      },
      {
        key: 'competences',
        header: t('sheet.field.competences'),
        type: 'text',
        width: 24,
        value: (a) => a.competences.join(', '),
      },
      {
        key: 'levers',
        header: t('sheet.field.levers'),
        type: 'text',
        width: 36,
        value: (a) => a.levers.join(' ; '),
      },
      {
        key: 'programme',
        header: t('sheet.field.programme'),
        type: 'text',
        width: 20,
        value: (a) => a.programme,
      },
      {
        key: 'leadSiret',
        header: t('sheet.field.leadSiret'),
        type: 'text',
        width: 16,
        value: (a) => a.leadSiret,
      },
      { key: 'startDate', header: t('sheet.field.startDate'), type: 'date', value: (a) => a.startDate },
      { key: 'endDate', header: t('sheet.field.endDate'), type: 'date', value: (a) => a.endDate },
      ...(
        [
          ['financingTotal', 'total'],
          ['financingSecured', 'secured'],
          ['financingToFind', 'toFind'],
          ['financingGap', 'gap'],
        ] as const
      ).map(
        ([key, part]): ColumnSpec<StrategyAction> => ({
          key,
          header: T(key),
          type: 'euros',
          value: (a) => a.financingTotals[part],
        }),
      ),
      ...PROCESS_STEPS.map(
        (step): ColumnSpec<StrategyAction> => ({
          key: `process:${step}`,
          header: t('export.tables.processStep', { step: t(`plan.process.step.${step}`) }),
          type: 'text',
          width: 16,
          value: (a) => t(`plan.process.status.${a.process[step]}`),
        }),
      ),
      count('milestoneCount', (a) => a.milestones),
      count('partnerCount', (a) => a.partners),
      count('indicatorCount', (a) => a.indicators),
      createdAt(),
    ]),
    table('financing', T('financing'), lines, [
      id(),
      ...actionLink(),
      {
        key: 'source',
        header: t('sheet.financing.source'),
        type: 'text',
        value: (l) => t(`sheet.source.${l.source}`),
      },
      { key: 'label', header: t('sheet.financing.label'), type: 'text', width: 30, value: (l) => l.label },
      { key: 'amount', header: t('sheet.financing.amount'), type: 'euros', value: (l) => l.amount },
      {
        key: 'state',
        header: t('sheet.financing.state'),
        type: 'text',
        width: 14,
        value: (l) => t(l.secured ? 'sheet.financing.secured' : 'sheet.financing.toRequest'),
      },
    ]),
    table('milestones', T('milestones'), milestones, [
      id(),
      ...actionLink(),
      { key: 'date', header: t('sheet.milestone.date'), type: 'date', value: (m) => m.date },
      { key: 'label', header: t('sheet.milestone.label'), type: 'text', width: 36, value: (m) => m.label },
    ]),
    table('partners', T('partners'), s.partners, [
      id(),
      ...actionLink(),
      { key: 'name', header: t('plan.partners.name'), type: 'text', width: 30, value: (p) => p.name },
      { key: 'kind', header: t('plan.partners.kind'), type: 'text', value: (p) => t(`plan.kind.${p.kind}`) },
      { key: 'role', header: t('plan.partners.role'), type: 'longText', width: 30, value: (p) => p.role },
      {
        key: 'contact',
        header: t('plan.partners.contact'),
        type: 'text',
        width: 30,
        value: (p) => p.contact,
      },
      createdAt(),
    ]),
    table('indicators', T('indicators'), s.indicators, [
      id(),
      ...actionLink(),
      { key: 'name', header: t('plan.indicators.name'), type: 'text', width: 30, value: (x) => x.name },
      { key: 'unit', header: t('plan.indicators.unit'), type: 'text', width: 12, value: (x) => x.unit },
      { key: 'baseline', header: t('plan.indicators.baseline'), type: 'number', value: (x) => x.baseline },
      { key: 'target', header: t('plan.indicators.target'), type: 'number', value: (x) => x.target },
      { key: 'source', header: t('plan.indicators.source'), type: 'text', value: (x) => x.source },
      {
        key: 'frequency',
        header: t('plan.indicators.frequency'),
        type: 'text',
        width: 14,
        value: (x) => t(`plan.frequency.${x.frequency}`),
      },
      { key: 'reference', header: T('crteReference'), type: 'text', width: 14, value: (x) => x.reference },
      createdAt(),
    ]),
    votesTable(s, locale),
  ];
}

/** The workshop itself, as rows of one field and its value: who, where, when, and the export's provenance. */
function workshopTable(s: Strategy, locale: Locale): StrategyTable {
  const { t, T } = words(locale);
  const { workshop, participation, provenance } = s;
  const fields: [key: string, label: string, value: Cell][] = [
    ['title', t('home.title'), workshop.title],
    ['date', T('workshopDate'), workshop.date],
    ['territory', t('home.territoryName'), workshop.territory.name],
    ['territoryKind', t('home.territoryKind'), t(`territory.${workshop.territory.kind}`)],
    ['facilitator', t('role.facilitator'), workshop.facilitator],
    ['locale', t('home.locale'), t(`locale.${workshop.locale}`)],
    ['steps', t('steps.label'), workshop.steps.map((step) => t(`steps.${step}`)).join(', ')],
    ...workshop.steps.flatMap((step): [string, string, Cell][] => {
      const question = workshop.questions?.[step];
      return question === undefined
        ? []
        : [[`question:${step}`, t('export.tables.question', { step: t(`steps.${step}`) }), question]];
    }),
    ['participants', T('participants'), participation.total],
    ...PARTICIPANT_GROUPS.map((group): [string, string, Cell] => [
      `group:${group}`,
      t('export.tables.byGroup', { group: t(`group.${group}`) }),
      participation.byGroup[group],
    ]),
    ...ROLES.map((role): [string, string, Cell] => [
      `role:${role}`,
      t('export.tables.byRole', { role: t(`role.${role}`) }),
      participation.byRole[role],
    ]),
    ['workshopId', T('workshopId'), workshop.id],
    ['exportedAt', T('exportedAt'), provenance.exportedAt],
    ['exportedBy', T('exportedBy'), provenance.exportedBy.name],
    ['app', T('app'), `${provenance.app} ${provenance.appVersion}`],
    ['schemaVersion', T('schemaVersion'), s.schemaVersion],
    ['layoutVersion', T('layoutVersion'), provenance.layoutVersion],
  ];
  return table('workshop', T('workshop'), fields, [
    { key: 'key', header: T('key'), type: 'id', width: 18, value: ([key]) => key },
    { key: 'field', header: T('field'), type: 'text', width: 36, value: ([, label]) => label },
    { key: 'value', header: T('value'), type: 'text', width: 50, value: ([, , value]) => value },
  ]);
}
