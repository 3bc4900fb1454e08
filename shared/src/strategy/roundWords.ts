import { formatNumber, formatScore } from '../i18n/numbers';
import { translate, translatePlural } from '../i18n/translate';
import type { Locale, ParticipantGroup } from '../schema/enums';
import type { PublicRound, QuorumOutcome, TargetResult } from '../votes/round';

/**
 * A revealed round's results in words, as the report (Markdown, Word) and the tables (CSV,
 * Excel) both say them, so the two never disagree: the rules, each target's result in its mode,
 * a majority judgment's grade and merit profile, a ranking's duels.
 */

type RoundSettings = Pick<PublicRound, 'mode' | 'dots' | 'criteria' | 'grades' | 'points'>;

/** The round's rules in one line (`5 gommettes par personne…`, `Une mention par élément : …`). */
export function roundRules(locale: Locale, round: RoundSettings): string {
  const t = (key: Parameters<typeof translate>[1], vars?: Parameters<typeof translate>[2]) =>
    translate(locale, key, vars);
  switch (round.mode) {
    case 'dots': {
      const dots = round.dots ?? { budget: 0, cap: 0, negative: false };
      const rules = t('votes.dotsRules', {
        budget: translatePlural(locale, 'votes.points', dots.budget),
        cap: dots.cap,
      });
      return dots.negative ? `${rules} · ${t('votes.negativeAllowed')}` : rules;
    }
    case 'scoring':
      return t('votes.scoringRules', { criteria: (round.criteria ?? []).map((c) => c.label).join(', ') });
    case 'judgment': {
      const grades = round.grades ?? [];
      return t('votes.judgmentRules', { grades: grades.join(', '), worst: grades.at(-1) ?? '' });
    }
    case 'points':
      return t('votes.pointsRules', { budget: formatNumber(locale, round.points?.budget ?? 0) });
    case 'ranking':
      return t('votes.rankingRules');
  }
}

/**
 * A majority judgment's grade with its gauge's sign (`Bien +`), as the results screen and the
 * exports show it; `null` without a gauge. When every vote gave the same grade (nothing above
 * or below it) the sign means nothing and is left out (`Bien`).
 */
export function majorityGradeWords(
  round: Pick<PublicRound, 'grades'>,
  line: Pick<TargetResult, 'gauge'>,
): string | null {
  const { gauge } = line;
  if (!gauge) return null;
  const grade = round.grades?.[gauge.grade] ?? String(gauge.grade + 1);
  if (gauge.above === 0 && gauge.below === 0) return grade;
  return `${grade} ${gauge.sign === '+' ? '+' : '−'}`;
}

/** A merit profile as shares of each grade, best first (`Excellent 20 % · Très bien 40 % · …`). */
export function meritProfileWords(
  locale: Locale,
  round: Pick<PublicRound, 'grades'>,
  profile: readonly number[],
): string {
  const votes = profile.reduce((sum, n) => sum + n, 0);
  if (votes === 0) return '';
  const percent = new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    style: 'percent',
    maximumFractionDigits: 0,
  });
  return profile
    .map((n, grade) => `${round.grades?.[grade] ?? grade} ${percent.format(n / votes)}`)
    .join(' · ');
}

/** A target's result in its round's mode (`3 gommettes`, `3,3 / 5`, `Bien +`, `40 points`, `bat 2 éléments`). */
export function resultWords(
  locale: Locale,
  round: Pick<PublicRound, 'mode' | 'grades'>,
  line: Pick<TargetResult, 'total' | 'gauge'>,
): string {
  switch (round.mode) {
    case 'dots':
      return translatePlural(locale, 'votes.points', Math.abs(line.total), {
        n: formatNumber(locale, line.total),
      });
    case 'scoring':
      return translate(locale, 'votes.scoreOutOf', { score: formatScore(locale, line.total) });
    case 'judgment':
      return majorityGradeWords(round, line) ?? '';
    case 'points':
      return translatePlural(locale, 'votes.pointCount', line.total, { n: formatNumber(locale, line.total) });
    case 'ranking':
      return translatePlural(locale, 'votes.wins', line.total, { n: formatNumber(locale, line.total) });
  }
}

/** The quorum as it stood at the reveal (`Quorum de 50 % par collège atteint (Élu·e 2/3, …)`); `null` without one. */
export function quorumWords(
  locale: Locale,
  quorum: QuorumOutcome | null,
  groupName: (group: ParticipantGroup) => string,
): string | null {
  if (!quorum) return null;
  const groups = quorum.groups.map((g) => `${groupName(g.group)} ${g.voted}/${g.expected}`).join(', ');
  return translate(locale, quorum.met ? 'votes.results.quorumMet' : 'votes.results.quorumNotMet', {
    percent: quorum.percent,
    groups,
  });
}

/**
 * A ranking's duels of one target, from the pairwise matrix: each other target with how many of
 * the voters put this one above it (`Vélo 4/5 · Bus 3/5`), in the round's order of targets.
 */
export function duelWords(
  round: Pick<PublicRound, 'targets'>,
  pairwise: readonly (readonly number[])[],
  targetId: string,
  voters: number,
): string {
  const i = round.targets.findIndex((t) => t.id === targetId);
  if (i < 0) return '';
  return round.targets
    .flatMap((other, j) => (j === i ? [] : [`${other.label} ${pairwise[i]?.[j] ?? 0}/${voters}`]))
    .join(' · ');
}
