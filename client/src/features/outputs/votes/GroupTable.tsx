import type { GroupBreakdown, PublicRound } from '@atelier/shared';
import { useT } from '../../../i18n/locale';
import { GradePill } from './GradePill';
import { GROUP_COLORS, GroupLegend } from './GroupLegend';
import { gradeColors } from './grades';
import { groupName } from './labels';
import type { RankedRow } from './model';

/**
 * By group, for the modes that do not add up: a table of the targets (best first overall) by
 * group, each cell the group's majority grade (majority judgment) or the target's rank within
 * the group (ranking). Small groups are merged as the legend says.
 */
export function GroupTable({
  round,
  rows,
  groups,
}: {
  round: PublicRound;
  rows: RankedRow[];
  groups: GroupBreakdown[];
}) {
  const t = useT();
  const grades = round.grades ?? [];
  const colors = gradeColors(grades.length);
  return (
    <div className="results-groups" data-testid="votes.groups">
      <GroupLegend groups={groups} />
      {/* It may scroll sideways (many groups, a phone): focusable, so the arrows scroll it. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling frame must be reachable by keyboard. */}
      <div className="group-table__wrap" tabIndex={0}>
        <table className="group-table" data-testid="votes.group-table">
          <thead>
            <tr>
              <th scope="col">{t('votes.results.item')}</th>
              {groups.map((g) => (
                <th key={g.group} scope="col">
                  <span className="results-legend__swatch" style={{ background: GROUP_COLORS[g.group] }} />
                  {groupName(t, g)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.targetId} data-testid="votes.group-row" data-label={row.label}>
                <th scope="row">{row.label}</th>
                {groups.map((g) => {
                  const total = g.totals[row.targetId];
                  const rank = g.ranks[row.targetId];
                  return (
                    <td key={g.group} data-testid="votes.group-cell" data-group={g.group}>
                      {round.mode === 'judgment' ? (
                        total !== undefined && (
                          <GradePill color={colors[total]}>{grades[total] ?? String(total)}</GradePill>
                        )
                      ) : rank !== undefined ? (
                        <span className="group-table__rank">{t('votes.results.groupRank', { rank })}</span>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
