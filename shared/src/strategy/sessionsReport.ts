import { formatDate, formatNumber } from '../i18n/numbers';
import { type ExportKey, translate, type Vars } from '../i18n/translate';
import type { Locale } from '../schema/enums';
import { CHANGE_COLLECTIONS, type ItemChange } from './changes';
import { type Report, type ReportBlock, type ReportBullet, strategyReport } from './report';
import type { StrategyFile } from './sessionsFile';

/**
 * A strategy's report (Markdown, Word): its sessions, then the final state's report (report.ts),
 * then what changed from each session to the next.
 */
export function strategyFileReport(file: StrategyFile, locale: Locale): Report {
  const t = (key: ExportKey, vars?: Vars) => translate(locale, key, vars);
  const num = (n: number) => formatNumber(locale, n);
  const base = strategyReport(file.final, locale);
  const table = (header: string[], rows: string[][], right: number[]): ReportBlock => ({
    kind: 'table',
    header,
    rows,
    align: header.map((_, i) => (right.includes(i) ? 'right' : 'left')),
  });
  const sessions: ReportBlock[] = [
    { kind: 'heading', level: 1, text: t('export.report.sessions') },
    table(
      [
        t('export.report.session'),
        t('export.tables.title'),
        t('export.report.sessionDate'),
        t('export.report.sessionSteps'),
        t('export.report.participants'),
        t('export.report.notes'),
      ],
      file.sessions.map((s) => [
        num(s.index),
        s.title,
        formatDate(s.date, locale),
        s.steps.map((step) => t(`steps.${step}`)).join(', '),
        num(s.participation.total),
        num(s.outcome.notes.length),
      ]),
      [0, 4, 5],
    ),
  ];
  const changes: ReportBlock[] = [{ kind: 'heading', level: 1, text: t('export.report.changes') }];
  for (const step of file.changes) {
    changes.push({
      kind: 'heading',
      level: 2,
      text: t('export.report.changesHeading', { from: step.from, to: step.to }),
    });
    const counted = CHANGE_COLLECTIONS.filter((c) => step.changes[c].length > 0);
    if (counted.length === 0) {
      changes.push({ kind: 'paragraph', runs: [{ text: t('export.report.noChanges'), italic: true }] });
      continue;
    }
    const count = (c: (typeof CHANGE_COLLECTIONS)[number], change: string) =>
      num(step.changes[c].filter((x) => x.change === change).length);
    changes.push(
      table(
        [
          t('export.report.kind'),
          t('export.report.added'),
          t('export.report.changed'),
          t('export.report.removed'),
        ],
        counted.map((c) => [
          t(`export.tables.${c}`),
          count(c, 'added'),
          count(c, 'changed'),
          count(c, 'removed'),
        ]),
        [1, 2, 3],
      ),
    );
    // Editors are the later session's people: named when the export includes names, else by group.
    const people = file.sessions[step.to - 1]?.participation.people;
    const who = (x: ItemChange): string[] => {
      const names = (x.editors ?? []).map(
        (e) =>
          people?.find((p) => p.id === e.participant)?.name ??
          (e.group === null ? '—' : t(`group.${e.group}`)),
      );
      return [
        ...(x.betweenSessions ? [t('export.report.betweenSessions')] : []),
        ...(names.length > 0 ? [t('export.report.editedBy', { names: names.join(', ') })] : []),
        ...(x.editedAt
          ? [t('export.report.editedAt', { date: formatDate(x.editedAt.slice(0, 10), locale) })]
          : []),
      ];
    };
    const items: ReportBullet[] = counted.flatMap((c) =>
      step.changes[c].map((x): ReportBullet => {
        const meta = who(x);
        return {
          level: 0,
          runs: [
            { text: t('export.report.label', { label: t(`export.report.change.${x.change}`) }), bold: true },
            { text: x.label.trim() === '' ? '—' : x.label },
            ...(x.fields.length > 0
              ? [{ text: ` (${x.fields.map((f) => f.field).join(', ')})`, italic: true }]
              : []),
            ...(meta.length > 0 ? [{ text: ` — ${meta.join(', ')}`, italic: true }] : []),
          ],
        };
      }),
    );
    changes.push({ kind: 'bullets', items });
  }
  return {
    ...base,
    title: file.strategy.title,
    subject: t('export.report.strategyTitle'),
    titlePage: {
      ...base.titlePage,
      title: file.strategy.title,
      subtitle: t('export.report.strategyTitle'),
      lines: [
        ...base.titlePage.lines.filter((_, i) => i !== 1),
        [
          { text: t('export.report.label', { label: t('export.report.sessionCount') }), bold: true },
          { text: num(file.sessions.length) },
        ],
      ],
    },
    blocks: [...sessions, ...base.blocks, ...changes],
  };
}
