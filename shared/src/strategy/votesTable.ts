import type { Locale } from '../schema/enums';
import { duelWords, majorityGradeWords, meritProfileWords, quorumWords, resultWords } from './roundWords';
import type { Strategy } from './schema';
import { type ColumnSpec, type StrategyTable, table, words } from './tableModel';

/**
 * One row per revealed round and target, best first within each round. Scoring rounds add a
 * mean and a median column per criterion (the criteria of every round, by id, in the order
 * they first appear), empty for the other rounds' rows: one row per target reads and sorts
 * better in a spreadsheet than one row per criterion. Majority judgment fills the majority grade
 * and the merit profile (its result is the grade, not a number); a ranking fills the duels.
 */
/** A target's line in the result where each group weighs the same, if the round counted one. */
const weightedLine = (round: Strategy['rounds'][number], targetId: string) =>
  round.results.weighted?.targets.find((t) => t.targetId === targetId);

export function votesTable(s: Strategy, locale: Locale): StrategyTable {
  const { t, T, idOf } = words(locale);
  const rows = s.rounds.flatMap((round) => {
    const labels = new Map(round.targets.map((target) => [target.id, target.label]));
    return round.results.targets.map((line) => ({ round, line, label: labels.get(line.targetId) ?? '' }));
  });
  type Row = (typeof rows)[number];
  const criteria = new Map<string, string>();
  for (const round of s.rounds)
    for (const criterion of round.criteria ?? [])
      if (!criteria.has(criterion.id)) criteria.set(criterion.id, criterion.label);
  const criterionColumns = [...criteria].flatMap(([criterionId, label]): ColumnSpec<Row>[] =>
    (['mean', 'median'] as const).map((stat) => ({
      key: `criterion:${criterionId}:${stat}`,
      header: t(stat === 'mean' ? 'export.tables.criterionMean' : 'export.tables.criterionMedian', {
        criterion: label,
      }),
      type: 'number',
      value: ({ line }) => line.criteria.find((c) => c.criterionId === criterionId)?.[stat] ?? null,
    })),
  );
  return table('votes', T('votes'), rows, [
    { key: 'round', header: idOf(T('round')), type: 'id', value: ({ round }) => round.id },
    { key: 'roundLabel', header: T('round'), type: 'text', width: 30, value: ({ round }) => round.title },
    {
      key: 'mode',
      header: t('votes.form.mode'),
      type: 'text',
      width: 20,
      value: ({ round }) => t(`votes.mode.${round.mode}`),
    },
    {
      key: 'targetKind',
      header: T('targetKind'),
      type: 'text',
      width: 16,
      value: ({ round }) => t(`votes.kind.${round.targetKind}`),
    },
    { key: 'target', header: idOf(T('target')), type: 'id', value: ({ line }) => line.targetId },
    { key: 'targetLabel', header: T('target'), type: 'text', width: 36, value: ({ label }) => label },
    { key: 'rank', header: T('rank'), type: 'integer', width: 8, value: ({ line }) => line.rank },
    {
      key: 'result',
      header: T('result'),
      type: 'number',
      width: 14,
      value: ({ round, line }) => (round.mode === 'judgment' ? null : line.total),
    },
    {
      key: 'majorityGrade',
      header: T('majorityGrade'),
      type: 'text',
      width: 16,
      value: ({ round, line }) => (round.mode === 'judgment' ? majorityGradeWords(round, line) : null),
    },
    {
      key: 'meritProfile',
      header: T('meritProfile'),
      type: 'text',
      width: 40,
      value: ({ round, line }) =>
        round.mode === 'judgment' ? meritProfileWords(locale, round, line.profile) : null,
    },
    { key: 'positive', header: T('positive'), type: 'integer', value: ({ line }) => line.positive },
    { key: 'negative', header: T('negative'), type: 'integer', value: ({ line }) => line.negative },
    { key: 'voters', header: T('voters'), type: 'integer', value: ({ line }) => line.voters },
    {
      key: 'pairwise',
      header: T('pairwise'),
      type: 'text',
      width: 40,
      value: ({ round, line }) =>
        round.results.pairwise
          ? duelWords(round, round.results.pairwise, line.targetId, round.results.voters)
          : null,
    },
    {
      key: 'weightedRank',
      header: T('weightedRank'),
      type: 'integer',
      value: ({ round, line }) => weightedLine(round, line.targetId)?.rank ?? null,
    },
    {
      key: 'weightedResult',
      header: T('weightedResult'),
      type: 'text',
      width: 18,
      value: ({ round, line }) => {
        const weighted = weightedLine(round, line.targetId);
        return weighted ? resultWords(locale, round, weighted) : null;
      },
    },
    {
      key: 'quorum',
      header: T('quorum'),
      type: 'text',
      width: 30,
      value: ({ round }) => quorumWords(locale, round.results.quorum, (g) => t(`group.${g}`)),
    },
    ...criterionColumns,
    { key: 'revealedAt', header: T('revealedAt'), type: 'datetime', value: ({ round }) => round.revealedAt },
  ]);
}
