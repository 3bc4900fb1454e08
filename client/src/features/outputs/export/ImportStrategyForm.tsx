import { IMPORT_MAX_BYTES, IMPORT_MAX_MB, ImportWorkshopBody } from '@atelier/shared';
import { useId, useRef, useState } from 'react';
import { errorMessage } from '../../../api/errorMessage';
import { importStrategyFile } from '../../../api/exports';
import { RequestError } from '../../../api/http';
import { useT } from '../../../i18n/locale';
import { enterAsFacilitator } from '../../../session/enterAsFacilitator';
import { openStrategy } from '../../../session/strategySession';
import { FilePicker } from '../../../ui/FilePicker';
import { importProblems, type ProblemLine } from './importProblems';

/** What went wrong; `file` when it is the chosen file's fault (the field is then marked invalid). */
type Failure =
  | { kind: 'message'; text: string; file: boolean }
  | {
      kind: 'problems';
      total: number;
      shown: ProblemLine[];
      more: number;
      /** Not an Atelier export of this version: said in words, the list folded under it. */
      foreign: boolean;
      file: true;
    };

/**
 * "Import a strategy": a JSON file exported from Atelier becomes a new workshop, entered as
 * its facilitator exactly as after creating one. The file is only read and parsed here; the
 * server checks it whole and lists what is wrong, and then nothing is created.
 */
export function ImportStrategyForm() {
  const t = useT();
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [facilitatorName, setFacilitatorName] = useState('');
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);

  const fail = (text: string) => {
    setFailure({ kind: 'message', text, file: true });
    fileRef.current?.focus();
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!file) return fail(t('export.import.noFile'));
    // The server refuses larger bodies (413): a file past its limit is not even read.
    if (file.size > IMPORT_MAX_BYTES) return fail(t('export.import.tooLarge', { max: IMPORT_MAX_MB }));
    const name = ImportWorkshopBody.shape.facilitatorName.safeParse(
      facilitatorName.trim() === '' ? undefined : facilitatorName,
    );
    if (!name.success) {
      setFailure({ kind: 'message', text: t('home.nameTooLong'), file: false });
      return;
    }
    let strategy: unknown;
    try {
      strategy = JSON.parse(await file.text());
    } catch {
      return fail(t('export.import.notJson'));
    }
    setFailure(null);
    setBusy(true);
    try {
      const created = await importStrategyFile({
        strategy,
        ...(name.data !== undefined ? { facilitatorName: name.data } : {}),
      });
      // A strategy's file becomes a strategy with its sessions: its page; a workshop's, the board.
      if ('strategy' in created)
        openStrategy(created.strategy.id, created.facilitatorToken, created.strategy.title);
      else enterAsFacilitator(created);
    } catch (error) {
      setBusy(false);
      if (error instanceof RequestError && error.code === 'bad_request') {
        const { shown, more, foreign } = importProblems(error.problems, error.message);
        const total = Math.max(1, error.problems.length);
        setFailure({ kind: 'problems', total, shown, more, foreign, file: true });
      } else if (error instanceof RequestError && error.code === 'payload_too_large') {
        fail(t('export.import.tooLarge', { max: IMPORT_MAX_MB }));
      } else {
        setFailure({ kind: 'message', text: errorMessage(t, error), file: false });
      }
    }
  };

  return (
    <form className="form" noValidate onSubmit={submit} data-testid="import.form">
      <div className="field">
        <label htmlFor={`${id}-file`}>{t('export.import.file')}</label>
        <FilePicker
          inputRef={fileRef}
          id={`${id}-file`}
          accept=".json,application/json"
          choose={t('export.import.choose')}
          chosen={file?.name ?? t('export.import.noFileChosen')}
          testId="import.file"
          invalid={failure?.file === true}
          describedBy={failure?.file ? `${id}-failure` : undefined}
          onPick={(input) => {
            setFile(input.files?.[0] ?? null);
            setFailure(null);
          }}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-name`}>
          {t('home.facilitatorName')} <span className="hint">({t('common.optional')})</span>
        </label>
        <input
          id={`${id}-name`}
          className="input"
          data-testid="import.name"
          value={facilitatorName}
          maxLength={60}
          autoComplete="name"
          aria-describedby={`${id}-name-hint`}
          onChange={(event) => setFacilitatorName(event.target.value)}
        />
        <p id={`${id}-name-hint`} className="hint">
          {t('export.import.nameHint')}
        </p>
      </div>
      {failure?.kind === 'message' && (
        <p id={`${id}-failure`} className="form-error" role="alert" data-testid="import.error">
          {failure.text}
        </p>
      )}
      {failure?.kind === 'problems' && (
        <div
          id={`${id}-failure`}
          className="form-error import-problems"
          role="alert"
          data-testid="import.problems"
        >
          {failure.foreign ? (
            <>
              <p data-testid="import.foreign">{t('export.import.foreign')}</p>
              <details className="import-problems__details">
                <summary>{t.plural('export.import.details', failure.total)}</summary>
                <ProblemList failure={failure} />
              </details>
            </>
          ) : (
            <>
              <p>{t.plural('export.import.problems', failure.total)}</p>
              <ProblemList failure={failure} />
            </>
          )}
        </div>
      )}
      <button type="submit" className="button button--primary" data-testid="import.submit" disabled={busy}>
        {busy ? t('export.import.importing') : t('export.import.submit')}
      </button>
    </form>
  );
}

/** The server's problems with their place in the file (its own words: technical, in English). */
function ProblemList({ failure }: { failure: Extract<Failure, { kind: 'problems' }> }) {
  const t = useT();
  return (
    <>
      <ul>
        {failure.shown.map((problem, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, shown once per answer.
          <li key={i} data-testid="import.problem">
            <code>{problem.path || t('export.import.wholeFile')}</code> — {problem.message}
          </li>
        ))}
      </ul>
      {failure.more > 0 && <p data-testid="import.more">{t.plural('export.import.more', failure.more)}</p>}
    </>
  );
}
