import { formatPercent, majorityGradeWords, type PublicRound } from '@atelier/shared';
import { useT } from '../../../i18n/locale';
import { GradePill, gradeStyle } from './GradePill';
import { gradeColors, LABELLED_SEGMENT, profileSegments } from './grades';
import type { RankedRow } from './model';
import { ResultBarRow } from './ResultBarRow';

/**
 * Majority judgment's results: the grades' legend, then the targets best first, each with its
 * merit profile as a bar of its grades' shares (best left, the median marked at 50 %), its
 * majority grade with its sign, and the shares above and below it. Each bar is also a list of
 * shares for screen readers.
 */
export function MeritProfiles({
  round,
  rows,
  shares = false,
}: {
  round: PublicRound;
  rows: RankedRow[];
  /** The profiles are weighted shares (college weighting), not votes. */
  shares?: boolean;
}) {
  const t = useT();
  const grades = round.grades ?? [];
  const colors = gradeColors(grades.length);
  const percent = (share: number) => formatPercent(t.locale, share);
  return (
    <>
      <ul
        className="grade-legend"
        aria-label={t('votes.results.gradeLegend')}
        data-testid="votes.grade-legend"
      >
        {grades.map((grade, index) => (
          <li key={grade}>
            <span className="grade-legend__swatch" style={gradeStyle(colors[index])} />
            {grade}
          </li>
        ))}
        <li className="grade-legend__median" aria-hidden="true">
          <span className="grade-legend__line" />
          {t('votes.results.medianLine')}
        </li>
      </ul>
      <ol className="results-bars" data-testid="votes.ranking" aria-labelledby="results-ranking">
        {rows.map((row) => {
          const votes = row.profile.reduce((sum, n) => sum + n, 0);
          const name = majorityGradeWords(round, row);
          return (
            <ResultBarRow
              key={row.targetId}
              row={row}
              bar={
                <>
                  <div className="merit-bar" aria-hidden="true" data-testid="votes.profile">
                    <span className="merit-bar__track">
                      {profileSegments(row.profile).map((segment) => (
                        <span
                          key={segment.grade}
                          className="merit-bar__segment"
                          data-testid="votes.profile-segment"
                          data-grade={segment.grade}
                          style={{
                            ...gradeStyle(colors[segment.grade]),
                            left: `${segment.start}%`,
                            width: `${segment.width}%`,
                          }}
                        >
                          {segment.width >= LABELLED_SEGMENT && (
                            <span className="merit-bar__share">{percent(segment.share)}</span>
                          )}
                        </span>
                      ))}
                    </span>
                    <span className="merit-bar__median" />
                  </div>
                  <ul
                    className="visually-hidden"
                    aria-label={t('votes.results.profileOf', { label: row.label })}
                  >
                    {row.profile.map((n, grade) => (
                      <li key={grades[grade] ?? grade}>
                        {shares
                          ? t('votes.results.weightedGradeShare', {
                              grade: grades[grade] ?? '',
                              share: percent(votes > 0 ? n / votes : 0),
                            })
                          : t.plural('votes.results.gradeShare', n, {
                              grade: grades[grade] ?? '',
                              share: percent(votes > 0 ? n / votes : 0),
                            })}
                      </li>
                    ))}
                  </ul>
                </>
              }
              figures={
                <>
                  {name && row.gauge ? (
                    <GradePill color={colors[row.gauge.grade]} testId="votes.result-total">
                      {name}
                    </GradePill>
                  ) : (
                    <strong data-testid="votes.result-total">—</strong>
                  )}
                  {row.gauge && (row.gauge.above > 0 || row.gauge.below > 0) && (
                    <>
                      <span className="merit-share">
                        {t('votes.results.above', { share: percent(row.gauge.above) })}
                      </span>
                      <span className="merit-share">
                        {t('votes.results.below', { share: percent(row.gauge.below) })}
                      </span>
                    </>
                  )}
                </>
              }
            />
          );
        })}
      </ol>
      <p className="hint">{t('votes.results.judgmentHint', { worst: grades.at(-1) ?? '' })}</p>
    </>
  );
}
