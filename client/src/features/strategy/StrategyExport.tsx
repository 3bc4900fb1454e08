import { useId, useState } from 'react';
import { errorMessage } from '../../api/errorMessage';
import { fetchStrategyExport, SERVER_EXPORT_FORMATS, type ServerExportFormat } from '../../api/exports';
import { useT } from '../../i18n/locale';
import { Checkbox } from '../../ui/Checkbox';
import { saveFile } from '../outputs/export/saveFile';

const FORMATS = Object.keys(SERVER_EXPORT_FORMATS) as ServerExportFormat[];

/**
 * The whole strategy as a file for the consultant: every session's participation and outcome,
 * each item's first and last session, what changed from one session to the next, and the final
 * state — in the formats of a workshop's export, names only when asked.
 */
export function StrategyExport({
  strategyId,
  token,
  title,
}: {
  strategyId: string;
  token: string;
  title: string;
}) {
  const t = useT();
  const id = useId();
  const [format, setFormat] = useState<ServerExportFormat>('xlsx');
  const [includeNames, setIncludeNames] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ saved: string } | { failed: string } | null>(null);

  const download = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      const file = await fetchStrategyExport(strategyId, format, { token, includeNames, title });
      saveFile(file.blob, file.fileName);
      setOutcome({ saved: file.fileName });
    } catch (error) {
      setOutcome({ failed: errorMessage(t, error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section
      className="card strategy__export"
      aria-labelledby={`${id}-heading`}
      data-testid="strategy.export"
    >
      <h2 id={`${id}-heading`}>{t('strategy.export.heading')}</h2>
      <p className="muted">{t('strategy.export.intro')}</p>
      <div className="strategy__export-row">
        <label htmlFor={`${id}-format`}>{t('strategy.export.format')}</label>
        <select
          id={`${id}-format`}
          value={format}
          data-testid="strategy.export.format"
          onChange={(event) => setFormat(event.target.value as ServerExportFormat)}
        >
          {FORMATS.map((choice) => (
            <option key={choice} value={choice}>
              {t(`export.panel.format.${choice}`)}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button button--primary"
          aria-busy={busy}
          data-testid="strategy.export.download"
          onClick={() => {
            if (!busy) void download();
          }}
        >
          {busy ? t('export.panel.preparing') : t('strategy.export.download')}
        </button>
      </div>
      <Checkbox
        label={t('export.panel.names')}
        hint={t('export.panel.namesHint')}
        checked={includeNames}
        onChange={setIncludeNames}
        testId="strategy.export.names"
      />
      <p
        className={outcome && 'failed' in outcome ? 'form-error' : 'visually-hidden'}
        role="status"
        data-testid="strategy.export.outcome"
      >
        {outcome === null
          ? ''
          : 'saved' in outcome
            ? t('export.panel.saved', { file: outcome.saved })
            : t('export.panel.failed', {
                format: t(`export.panel.format.${format}`),
                reason: outcome.failed,
              })}
      </p>
    </section>
  );
}
