import type { GroupBreakdown, ParticipantGroup } from '@atelier/shared';
import { useT } from '../../../i18n/locale';
import { groupName } from './labels';

/** One colour per participant group, the same in every chart (distinct for colour-blind eyes too). */
export const GROUP_COLORS: Record<ParticipantGroup, string> = {
  elected: '#0b5cad',
  staff: '#c77800',
  resident: '#16855b',
  business: '#b5468f',
  association: '#3f9bd6',
  partner: '#c4451c',
  other: '#6b7080',
};

/**
 * The groups shown, each with its colour and voters ("Autres (dont Élu·e, Entreprise)" when small
 * groups were merged), and why there is only one when every group was too small.
 */
export function GroupLegend({ groups }: { groups: GroupBreakdown[] }) {
  const t = useT();
  return (
    <>
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
    </>
  );
}
