import { useEffect, useId, useRef, useState } from 'react';
import { errorMessage } from '../../../api/errorMessage';
import { type ExportedFile, fetchExport, type ServerExportFormat } from '../../../api/exports';
import { useT } from '../../../i18n/locale';
import type { MessageKey } from '../../../i18n/translate';
import { useBoard, useShownStep } from '../../../state/store';
import { useConnection } from '../../../state/useConnection';
import { Checkbox } from '../../../ui/Checkbox';
import { Icon } from '../../../ui/Icon';
import { IconButton } from '../../../ui/IconButton';
import { type ExportCounts, exportPreview } from './exportPreview';
import { PublicPackSection } from './PublicPackSection';
import { saveFile } from './saveFile';
import { takePicture } from './takePicture';
import { useStrategy } from './useStrategy';

type Choice = ServerExportFormat | 'png';

/** The downloads, in the order a consultant reaches for them. */
const CHOICES: readonly Choice[] = ['xlsx', 'docx', 'csv', 'md', 'json', 'png'];

const COUNTS: readonly (keyof ExportCounts)[] = [
  'notes',
  'issues',
  'axes',
  'actions',
  'partners',
  'indicators',
  'rounds',
  'people',
];

interface Props {
  workshopId: string;
  token: string;
  onClose: () => void;
}

/**
 * The facilitator's export: what the export holds (read from this client's own documents,
 * as the server will), what may be worth finishing first, whether to include names, and one
 * download per format. Files come from the server, but the board picture is drawn here.
 */
export function ExportPanel({ workshopId, token, onClose }: Props) {
  const t = useT();
  const id = useId();
  const title = useBoard((s) => s.workshop?.title ?? '');
  const step = useShownStep();
  const connection = useConnection();
  // Names change no count: the preview is read without them.
  const preview = useStrategy(false);
  const [includeNames, setIncludeNames] = useState(false);
  const [busy, setBusy] = useState<ReadonlySet<Choice>>(new Set());
  // Said under the button it is about, where the person's eyes (and focus) are; in words of the current language.
  const [outcome, setOutcome] = useState<
    { choice: Choice; saved: string } | { choice: Choice; failed: unknown } | null
  >(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const summary = preview ? exportPreview(preview.strategy, preview) : null;
  const label = (choice: Choice) => t(`export.panel.format.${choice}`);
  const hint = (choice: Choice): MessageKey =>
    choice === 'png'
      ? step === 'assessment'
        ? 'export.panel.format.pngBoardHint'
        : 'export.panel.format.pngStepHint'
      : `export.panel.format.${choice}Hint`;

  const failure = (choice: Choice, error: unknown) =>
    t('export.panel.failed', {
      format: label(choice),
      reason: choice === 'png' ? t('export.panel.pictureFailed') : errorMessage(t, error),
    });

  const download = async (choice: Choice) => {
    setBusy((current) => new Set(current).add(choice));
    setOutcome(null);
    try {
      const file: ExportedFile =
        choice === 'png'
          ? await takePicture({ connection, step, includeNames })
          : await fetchExport(workshopId, choice, { token, includeNames, title });
      saveFile(file.blob, file.fileName);
      setOutcome({ choice, saved: file.fileName });
    } catch (error) {
      setOutcome({ choice, failed: error });
    } finally {
      setBusy((current) => {
        const next = new Set(current);
        next.delete(choice);
        return next;
      });
    }
  };

  return (
    <aside
      className="share-panel export-panel"
      data-testid="export.panel"
      aria-labelledby={`${id}-heading`}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <div className="share-panel__head">
        <h2 id={`${id}-heading`} ref={headingRef} tabIndex={-1}>
          {t('export.panel.heading')}
        </h2>
        <IconButton label={t('common.close')} testId="export.close" onClick={onClose}>
          <Icon name="close" size={16} />
        </IconButton>
      </div>

      <section aria-labelledby={`${id}-contents`}>
        <h3 id={`${id}-contents`} className="share-panel__label">
          {t('export.panel.contents')}
        </h3>
        {summary ? (
          <dl className="export-panel__counts" data-testid="export.counts">
            {COUNTS.map((key) => (
              <div key={key} className="export-panel__count">
                <dt>{t(`export.panel.count.${key}`)}</dt>
                <dd data-testid={`export.count.${key}`}>{summary.counts[key]}</dd>
              </div>
            ))}
          </dl>
        ) : (
          <p className="hint">{t('common.loading')}</p>
        )}
      </section>

      {summary && summary.warnings.length > 0 && (
        <section
          className="export-panel__warnings"
          aria-labelledby={`${id}-warnings`}
          data-testid="export.warnings"
        >
          <h3 id={`${id}-warnings`}>{t('export.panel.warnings')}</h3>
          <ul>
            {summary.warnings.map((warning) => (
              <li key={warning.kind} data-testid="export.warning" data-kind={warning.kind}>
                {t.plural(`export.panel.warning.${warning.kind}`, warning.n)}
              </li>
            ))}
          </ul>
        </section>
      )}

      <Checkbox
        label={t('export.panel.names')}
        hint={t('export.panel.namesHint')}
        checked={includeNames}
        onChange={setIncludeNames}
        testId="export.names"
      />

      <section aria-labelledby={`${id}-download`}>
        <h3 id={`${id}-download`} className="share-panel__label">
          {t('export.panel.download')}
        </h3>
        <ul className="export-panel__choices">
          {CHOICES.map((choice) => {
            const running = busy.has(choice);
            return (
              <li key={choice}>
                <button
                  type="button"
                  className="export-choice"
                  aria-busy={running}
                  // Not `disabled`: the button keeps the keyboard focus while the file is prepared.
                  aria-disabled={running}
                  data-testid={`export.download-${choice}`}
                  onClick={() => {
                    if (!running) void download(choice);
                  }}
                >
                  {/* Named by all its visible text (format, then what it holds), as voice control reads it. */}
                  <span className="export-choice__name">{label(choice)}</span>
                  <span className="visually-hidden">, </span>
                  <span className="export-choice__hint">{t(hint(choice))}</span>
                  <span className="export-choice__state" aria-hidden="true">
                    {running ? t('export.panel.preparing') : <Icon name="download" size={18} />}
                  </span>
                </button>
                {outcome?.choice === choice && 'failed' in outcome && (
                  <p className="form-error export-panel__outcome" role="alert" data-testid="export.error">
                    {failure(choice, outcome.failed)}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
        <p className="visually-hidden" role="status" data-testid="export.saved">
          {outcome && 'saved' in outcome ? t('export.panel.saved', { file: outcome.saved }) : ''}
        </p>
      </section>

      <PublicPackSection workshopId={workshopId} token={token} />
    </aside>
  );
}
