import { useState } from 'react';
import { fetchOwnData } from '../../api/privacy';
import { useT } from '../../i18n/locale';
import { boardStore, useBoard } from '../../state/store';
import { Icon } from '../../ui/Icon';
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
  return (
    <button
      type="button"
      className="button button--small my-data"
      data-testid="header.myData"
      disabled={busy}
      onClick={download}
    >
      <Icon name="download" size={16} />
      {t('header.myData')}
    </button>
  );
}
