import {
  formatNumber,
  formatScore,
  type GroupBreakdown,
  type ParticipantGroup,
  type PublicRound,
} from '@atelier/shared';
import { useT } from '../../../i18n/locale';
import { groupName } from './labels';
import { barGeometry, type RankedRow, roundBarScale } from './model';

/** One colour per participant group, the same in every chart (distinct for colour-blind eyes too). */
const GROUP_COLORS: Record<ParticipantGroup, string> = {
  elected: '#0b5cad',
  staff: '#c77800',
  resident: '#16855b',
  business: '#b5468f',
  association: '#3f9bd6',
  partner: '#c4451c',
  other: '#6b7080',
};

/** Per target, one bar per group (grouped bars), with a legend that says who each colour is. */
export function GroupChart({
  round,
  rows,
  groups,
}: {
  round: PublicRound;
  rows: RankedRow[];
  groups: GroupBreakdown[];
}) {
  const t = useT();
  const scale = roundBarScale(
    round.mode,
    groups.flatMap((g) => Object.values(g.totals)),
  );
  return (
    <div className="results-groups" data-testid="votes.groups">
      <ul className="results-legend" aria-label={t('votes.results.legend')}>
        {groups.map((g) => (
          <li key={g.group} data-testid="votes.group" data-group={g.group}>
            <span className="results-legend__swatch" style={{ background: GROUP_COLORS[g.group] }} />
            {groupName(t, g)}
            <span className="muted"> · {t.plural('votes.results.voters', g.voters)}</span>
          </li>
        ))}
      </ul>
      {groups.length === 1 && groups[0]?.group === 'other' && (
        <p className="hint">{t('votes.results.allMerged')}</p>
      )}
      <ul className="results-groups__targets">
        {rows.map((row) => (
          <li key={row.targetId} className="results-groups__target">
            <p className="results-groups__label">{row.label}</p>
            <ul className="results-groups__bars">
              {groups.map((g) => {
                const value = g.totals[row.targetId] ?? 0;
                const bar = barGeometry(value, scale);
                const shown =
                  round.mode === 'dots' ? formatNumber(t.locale, value) : formatScore(t.locale, value);
                return (
                  <li key={g.group} className="results-groups__bar-row">
                    <span className="visually-hidden">{groupName(t, g)} : </span>
                    <span className="results-groups__track" aria-hidden="true">
                      <span
                        className="results-groups__bar"
                        style={{
                          left: `${bar.start}%`,
                          width: `${bar.width}%`,
                          background: GROUP_COLORS[g.group],
                        }}
                      />
                    </span>
                    <span className="results-groups__value">{shown}</span>
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ul>
    </div>
  );
}
