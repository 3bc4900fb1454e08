import { formatScore, type PublicRound } from '@atelier/shared';
import { useT } from '../../../i18n/locale';

/** The grid's column heads: what is voted on, then each criterion with its weight when it is not 1. */
export function CriteriaHeads({ round }: { round: PublicRound }) {
  const t = useT();
  return (
    <>
      <th scope="col">{t(`votes.kind.${round.targetKind}`)}</th>
      {(round.criteria ?? []).map((c) => (
        <th scope="col" key={c.id}>
          {c.label}
          {c.weight !== 1 && (
            <span className="score-grid__weight" title={t('votes.weightTitle')}>
              ×{formatScore(t.locale, c.weight)}
            </span>
          )}
        </th>
      ))}
    </>
  );
}
