import { formatNumber, formatScore, type GroupBreakdown, type PublicRound } from '@atelier/shared';
import { useT } from '../../../i18n/locale';
import { GROUP_COLORS, GroupLegend } from './GroupLegend';
import { groupName } from './labels';
import { barGeometry, type RankedRow, roundBarScale } from './model';

/**
 * Per target, one bar per group (grouped bars), with a legend that says who each colour is: the
 * modes that add up (dots, scores, points). Majority judgment and ranking show GroupTable.
 */
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
    round,
    groups.flatMap((g) => Object.values(g.totals)),
  );
  return (
    <div className="results-groups" data-testid="votes.groups">
      <GroupLegend groups={groups} />
      <ul className="results-groups__targets">
        {rows.map((row) => (
          <li key={row.targetId} className="results-groups__target">
            <p className="results-groups__label">{row.label}</p>
            <ul className="results-groups__bars">
              {groups.map((g) => {
                const value = g.totals[row.targetId] ?? 0;
                const bar = barGeometry(value, scale);
                const shown =
                  round.mode === 'scoring' ? formatScore(t.locale, value) : formatNumber(t.locale, value);
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
