import { useT } from '../../../i18n/locale';
import { useBoard } from '../../../state/store';
import { IconButton } from '../../../ui/IconButton';

/**
 * The facilitator bar's button for "Équilibre des collèges", beside "Participant·es": an icon
 * (a pair of scales) with its name as label and tooltip, since the bar holds one row at 1,280 px.
 */
export function BalanceToggle() {
  const t = useT();
  const open = useBoard((s) => s.sidePanel === 'balance');
  const setSidePanel = useBoard((s) => s.setSidePanel);
  return (
    <IconButton
      label={t('balance.toggle')}
      testId="balance.toggle"
      className="balance-toggle"
      aria-pressed={open}
      onClick={() => setSidePanel(open ? null : 'balance')}
    >
      <svg
        width="22"
        height="22"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
        focusable="false"
      >
        <path d="M12 4v16 M8 20h8 M5 7h14 M5 7l-3 7 M5 7l3 7 M2 14a3 3 0 0 0 6 0 M19 7l-3 7 M19 7l3 7 M16 14a3 3 0 0 0 6 0" />
      </svg>
    </IconButton>
  );
}
