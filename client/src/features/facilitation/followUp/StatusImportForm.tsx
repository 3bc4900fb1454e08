import { ACTION_PROGRESSES } from '@atelier/shared';
import { useEffect, useId, useRef, useState } from 'react';
import { errorMessage } from '../../../api/errorMessage';
import { importStatuses, type StatusImport } from '../../../api/followUp';
import { RequestError } from '../../../api/http';
import { useT } from '../../../i18n/locale';
import { FilePicker } from '../../../ui/FilePicker';
import { problemText, type StatusProblemLine, statusFileRefusal, statusProblems } from './statusProblems';

type Outcome =
  | { kind: 'sending'; file: string }
  | { kind: 'applied'; file: string; result: StatusImport }
  | { kind: 'problems'; file: string; problems: StatusProblemLine[] }
  | { kind: 'message'; text: string };

/**
 * "Importer des avancements (CSV)": a file chosen is sent at once; the server checks every row
 * first and applies all of it, or nothing and says each line's problem.
 */
export function StatusImportForm({ workshopId, token }: { workshopId: string; token: string }) {
  const t = useT();
  const id = useId();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const statuses = ACTION_PROGRESSES.map((p) => t(`sheet.progress.${p}`).toLowerCase()).join(', ');

  const send = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    // Emptied, so that choosing the same file again (corrected) sends it again.
    input.value = '';
    if (!file || outcome?.kind === 'sending') return;
    const refusal = statusFileRefusal(file);
    if (refusal) return setOutcome({ kind: 'message', text: t(`followUp.import.${refusal}`) });
    setOutcome({ kind: 'sending', file: file.name });
    try {
      const result = await importStatuses(workshopId, await file.text(), token);
      setOutcome({ kind: 'applied', file: file.name, result });
    } catch (error) {
      if (error instanceof RequestError && error.code === 'bad_request')
        setOutcome({
          kind: 'problems',
          file: file.name,
          problems: statusProblems(error.problems, error.message),
        });
      else setOutcome({ kind: 'message', text: errorMessage(t, error) });
    }
  };

  const refused = outcome?.kind === 'problems' || outcome?.kind === 'message';
  // The outcome lands under the fold of a short panel: brought into view, as the person waits for it.
  const outcomeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (outcome && outcome.kind !== 'sending') outcomeRef.current?.scrollIntoView({ block: 'nearest' });
  }, [outcome]);
  return (
    <section className="follow-up-panel__section follow-up-import" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="share-panel__label">
        {t('followUp.import.heading')}
      </h3>
      <p id={`${id}-format`} className="follow-up-panel__hint" data-testid="followUp.import.format">
        {t('followUp.import.format', { statuses })}
      </p>
      <FilePicker
        id={`${id}-file`}
        accept=".csv,text/csv"
        choose={t('followUp.import.file')}
        testId="followUp.import.file"
        describedBy={refused ? `${id}-format ${id}-outcome` : `${id}-format`}
        invalid={refused}
        busy={outcome?.kind === 'sending'}
        onPick={(input) => void send(input)}
      />
      <div id={`${id}-outcome`} ref={outcomeRef} role="status" data-testid="followUp.import.outcome">
        {outcome && 'file' in outcome && <p className="file-picker__name">{outcome.file}</p>}
        {outcome?.kind === 'sending' && (
          <p className="follow-up-panel__hint">{t('followUp.import.sending')}</p>
        )}
        {outcome?.kind === 'applied' && (
          <p className="follow-up-import__applied" data-testid="followUp.import.result">
            {t.plural('followUp.import.updated', outcome.result.updated)}
            {outcome.result.unchanged > 0 &&
              ` · ${t.plural('followUp.import.unchanged', outcome.result.unchanged)}`}
          </p>
        )}
        {outcome?.kind === 'message' && (
          <p className="form-error" data-testid="followUp.import.error">
            {outcome.text}
          </p>
        )}
        {outcome?.kind === 'problems' && <Problems problems={outcome.problems} />}
      </div>
    </section>
  );
}

function Problems({ problems }: { problems: StatusProblemLine[] }) {
  const t = useT();
  return (
    <div className="form-error follow-up-import__problems" data-testid="followUp.import.problems">
      <p>{t.plural('followUp.import.problems', problems.length)}</p>
      <ul>
        {problems.map((problem, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, shown once per answer.
          <li key={i} data-testid="followUp.import.problem" data-line={problem.line ?? ''}>
            {problem.line !== null && <strong>{t('followUp.import.line', { line: problem.line })} — </strong>}
            {problemText(t, problem)}
          </li>
        ))}
      </ul>
    </div>
  );
}
