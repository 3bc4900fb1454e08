import { useT } from '../../../../i18n/locale';
import { Icon } from '../../../../ui/Icon';
import { useCanGive } from './ItemTable';
import { useGive } from './useGive';

/**
 * "Répartir les axes / les fiches entre les tables" (facilitator): every axis (with its sheets),
 * or every sheet, dealt out to the tables in even contiguous shares. One undo takes it back.
 */
export function DealOut({ kind, count }: { kind: 'axes' | 'sheets'; count: number }) {
  const t = useT();
  const give = useGive();
  if (!useCanGive() || count === 0) return null;
  return (
    <button
      type="button"
      className="button deal-out"
      data-testid={`give.deal-${kind}`}
      title={t(kind === 'axes' ? 'give.dealAxesHint' : 'give.dealSheetsHint')}
      onClick={() => (kind === 'axes' ? give.dealAxes() : give.dealSheets())}
    >
      <Icon name="shuffle" size={16} />
      {t(kind === 'axes' ? 'give.dealAxes' : 'give.dealSheets')}
    </button>
  );
}
