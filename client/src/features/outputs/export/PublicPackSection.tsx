import { PackLicence } from '@atelier/shared';
import { useId, useState } from 'react';
import { errorMessage } from '../../../api/errorMessage';
import { fetchPublicPack } from '../../../api/exports';
import { useT } from '../../../i18n/locale';
import { useBoard } from '../../../state/store';
import { Icon } from '../../../ui/Icon';
import { saveFile } from './saveFile';
import { TerritoryCodesForm } from './TerritoryCodesForm';

/**
 * The export panel's "Pack données publiques": the territory's codes it needs, the licence it is
 * published under (Licence Ouverte / Etalab 2.0 unless chosen otherwise), and its download.
 */
export function PublicPackSection({ workshopId, token }: { workshopId: string; token: string }) {
  const t = useT();
  const id = useId();
  const title = useBoard((s) => s.workshop?.title ?? '');
  const [licence, setLicence] = useState<PackLicence>('etalab-2.0');
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<{ saved: string } | { failed: unknown } | null>(null);

  const download = async () => {
    setRunning(true);
    setOutcome(null);
    try {
      const file = await fetchPublicPack(workshopId, { token, licence, title });
      saveFile(file.blob, file.fileName);
      setOutcome({ saved: file.fileName });
    } catch (error) {
      setOutcome({ failed: error });
    } finally {
      setRunning(false);
    }
  };

  return (
    <section className="public-pack" aria-labelledby={`${id}-heading`} data-testid="export.pack">
      <h3 id={`${id}-heading`} className="share-panel__label">
        {t('export.pack.heading')}
      </h3>
      <TerritoryCodesForm />
      <div className="field public-pack__licence">
        <label htmlFor={`${id}-licence`}>{t('export.pack.licence')}</label>
        <select
          id={`${id}-licence`}
          className="input"
          value={licence}
          data-testid="export.pack-licence"
          onChange={(event) => setLicence(PackLicence.parse(event.target.value))}
        >
          {PackLicence.options.map((value) => (
            <option key={value} value={value}>
              {t(`export.pack.licence.${value}`)}
            </option>
          ))}
        </select>
      </div>
      <button
        type="button"
        className="export-choice"
        aria-busy={running}
        // Not `disabled`: the button keeps the keyboard focus while the file is prepared.
        aria-disabled={running}
        data-testid="export.download-pack"
        onClick={() => {
          if (!running) void download();
        }}
      >
        <span className="export-choice__name">{t('export.pack.name')}</span>
        <span className="visually-hidden">, </span>
        <span className="export-choice__hint">{t('export.pack.hint')}</span>
        <span className="export-choice__state" aria-hidden="true">
          {running ? t('export.panel.preparing') : <Icon name="download" size={18} />}
        </span>
      </button>
      {outcome && 'failed' in outcome && (
        <p className="form-error export-panel__outcome" role="alert" data-testid="export.pack-error">
          {t('export.panel.failed', {
            format: t('export.pack.name'),
            reason: errorMessage(t, outcome.failed),
          })}
        </p>
      )}
      <p className="visually-hidden" role="status" data-testid="export.pack-saved">
        {outcome && 'saved' in outcome ? t('export.panel.saved', { file: outcome.saved }) : ''}
      </p>
    </section>
  );
}
