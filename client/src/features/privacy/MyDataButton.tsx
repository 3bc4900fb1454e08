import { useState } from 'react';
import { fetchOwnData } from '../../api/privacy';
import { useT } from '../../i18n/locale';
import { boardStore, useBoard } from '../../state/store';
import { Icon } from '../../ui/Icon';
import { IconButton } from '../../ui/IconButton';
import { saveFile } from '../outputs/export/saveFile';

/** Right of access: anyone downloads, as JSON, what the server holds of them (the board's menu). */
export function MyDataButton({ token }: { token: string }) {
  const t = useT();
  const workshopId = useBoard((s) => s.workshop?.id);
  const you = useBoard((s) => s.workshop?.you.id);
  const [busy, setBusy] = useState(false);
  if (!workshopId || !you) return null;
  const download = async () => {
    setBusy(true);
    try {
      const { blob, fileName } = await fetchOwnData(workshopId, you, token);
      saveFile(blob, fileName);
    } catch {
      boardStore.getState().toast('error', t('header.myDataFailed'));
    } finally {
      setBusy(false);
    }
  };
  // An icon in the header's row (its label is the tooltip and the accessible name); worded in
  // the phone's open menu, where there is no tooltip.
  return (
    <IconButton
      testId="header.myData"
      className="my-data"
      label={t('header.myData')}
      disabled={busy}
      onClick={download}
    >
      <Icon name="download" size={18} />
      <span className="my-data__label">{t('header.myData')}</span>
    </IconButton>
  );
}
