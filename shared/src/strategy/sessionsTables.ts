import type { Locale } from '../schema/enums';
import { CHANGE_COLLECTIONS, type ChangeCollection, type ItemChange } from './changes';
import type { ItemSpan, StrategyFile, StrategyFileSession } from './sessionsFile';
import { type Cell, type StrategyTable, table, words } from './tableModel';
import { strategyTables } from './tables';

/**
 * A strategy's file as flat tables (CSV, Excel): its sessions, each item's first and last
 * session, the changes from session to session, then the final state's tables (tables.ts).
 */
export function strategyFileTables(file: StrategyFile, locale: Locale): StrategyTable[] {
  const { t, T } = words(locale);
  const kind = (c: ChangeCollection) => T(c);
  const spans = CHANGE_COLLECTIONS.flatMap((c) => file.items[c].map((span) => ({ ...span, collection: c })));
  const changes = file.changes.flatMap(({ from, to, changes: by }) =>
    CHANGE_COLLECTIONS.flatMap((c) => by[c].map((change) => ({ ...change, collection: c, from, to }))),
  );
  // Editors are the later session's people: named when the export includes names, else by group.
  const editorsOf = (x: ItemChange & { to: number }) => {
    const people = file.sessions[x.to - 1]?.participation.people;
    const list = (x.editors ?? []).map((e) => {
      const name = people?.find((p) => p.id === e.participant)?.name;
      return name ?? (e.group === null ? '—' : t(`group.${e.group}`));
    });
    return list.length === 0 ? null : list.join(', ');
  };
  const [workshop, ...rest] = strategyTables(file.final, locale);
  const strategyRows: [string, string, Cell][] = [
    ['strategyTitle', t('home.title'), file.strategy.title],
    ['strategyId', T('strategyId'), file.strategy.id],
    ['sessions', T('sessions'), file.sessions.length],
  ];
  return [
    // The final state's workshop table, headed by the strategy's own rows.
    ...(workshop
      ? [
          {
            ...workshop,
            rows: [...strategyRows.map(([key, field, value]) => ({ key, field, value })), ...workshop.rows],
          },
        ]
      : []),
    table<StrategyFileSession>('sessions', T('sessions'), file.sessions, [
      { key: 'index', header: T('sessionIndex'), type: 'integer', value: (s) => s.index },
      { key: 'id', header: T('sessionId'), type: 'id', value: (s) => s.id },
      { key: 'title', header: T('title'), type: 'text', width: 36, value: (s) => s.title },
      { key: 'date', header: T('workshopDate'), type: 'date', value: (s) => s.date },
      {
        key: 'steps',
        header: t('steps.label'),
        type: 'text',
        width: 40,
        value: (s) => s.steps.map((step) => t(`steps.${step}`)).join(', '),
      },
      {
        key: 'participants',
        header: T('participants'),
        type: 'integer',
        value: (s) => s.participation.total,
      },
      { key: 'noteCount', header: T('noteCount'), type: 'integer', value: (s) => s.outcome.notes.length },
      {
        key: 'actionCount',
        header: T('actionCount'),
        type: 'integer',
        value: (s) => s.outcome.actions.length,
      },
    ]),
    table<ItemSpan & { collection: ChangeCollection }>('items', T('items'), spans, [
      { key: 'collection', header: T('collection'), type: 'text', value: (x) => kind(x.collection) },
      { key: 'id', header: T('id'), type: 'id', value: (x) => x.id },
      { key: 'label', header: T('title'), type: 'longText', value: (x) => x.label },
      { key: 'firstSession', header: T('firstSession'), type: 'integer', value: (x) => x.firstSession },
      { key: 'lastSession', header: T('lastSession'), type: 'integer', value: (x) => x.lastSession },
    ]),
    table<ItemChange & { collection: ChangeCollection; from: number; to: number }>(
      'changes',
      T('changes'),
      changes,
      [
        { key: 'from', header: T('fromSession'), type: 'integer', value: (x) => x.from },
        { key: 'to', header: T('toSession'), type: 'integer', value: (x) => x.to },
        { key: 'collection', header: T('collection'), type: 'text', value: (x) => kind(x.collection) },
        { key: 'id', header: T('id'), type: 'id', value: (x) => x.id },
        {
          key: 'change',
          header: T('change'),
          type: 'text',
          value: (x) => t(`export.report.change.${x.change}`),
        },
        { key: 'label', header: T('title'), type: 'longText', value: (x) => x.label },
        {
          key: 'fields',
          header: T('changedFields'),
          type: 'text',
          width: 30,
          value: (x) => x.fields.map((f) => f.field).join(', '),
        },
        {
          key: 'authorGroup',
          header: T('authorGroup'),
          type: 'text',
          value: (x) => (x.authorGroup === null ? null : t(`group.${x.authorGroup}`)),
        },
        { key: 'createdAt', header: T('createdAt'), type: 'datetime', value: (x) => x.createdAt },
        { key: 'editors', header: T('editors'), type: 'text', width: 30, value: editorsOf },
        { key: 'editedAt', header: T('editedAt'), type: 'datetime', value: (x) => x.editedAt ?? null },
        {
          key: 'betweenSessions',
          header: T('betweenSessions'),
          type: 'boolean',
          value: (x) => x.betweenSessions ?? null,
        },
      ],
    ),
    ...rest,
  ];
}
