import {
  PROCESS_STATUSES,
  PROCESS_STEPS,
  type ProcessProgress,
  type ProcessState,
  type ProcessStatus,
} from '@atelier/shared';
import { useId } from 'react';
import { useT } from '../../../i18n/locale';
import { undoKeys } from '../../../toolbox/commands/undoKeys';
import type { BoardCommands } from '../../../toolbox/commands/useCommands';
import { processStatusKey, stepKey } from './labels';
import type { PlanCommands } from './usePlanCommands';

interface Props {
  action: string;
  process: ProcessState;
  progress: ProcessProgress;
  editable: boolean;
  plan: PlanCommands;
  commands: Pick<BoardCommands, 'undo' | 'redo'>;
}

/** The six steps of the partnership process of one sheet, each with its status, and how far it has gone. */
export function ProcessChecklist({ action, process, progress, editable, plan, commands }: Props) {
  const t = useT();
  const titleId = useId();
  return (
    <section className="plan-card" aria-labelledby={titleId} data-testid="plan.process">
      <h3 id={titleId} className="plan-card__title">
        {t('plan.process.title')}
      </h3>
      <ProgressBar progress={progress} />
      <ol className="plan-process">
        {PROCESS_STEPS.map((step, index) => {
          const status = process[step];
          const label = t(stepKey(step));
          return (
            <li
              key={step}
              className={`plan-process__step plan-process__step--${status}`}
              data-testid="plan.process.step"
              data-step={step}
              data-status={status}
            >
              <span className="plan-process__number" aria-hidden="true">
                {status === 'done' ? '✓' : index + 1}
              </span>
              <span className="plan-process__label">{label}</span>
              {editable ? (
                <select
                  className={`plan-select plan-process__select plan-process__select--${status}`}
                  aria-label={t('plan.process.statusLabel', { step: label })}
                  value={status}
                  data-testid="plan.process.status"
                  onChange={(event) => plan.setProcessStep(action, step, event.target.value as ProcessStatus)}
                  onKeyDown={undoKeys(commands)}
                >
                  {PROCESS_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t(processStatusKey(s))}
                    </option>
                  ))}
                </select>
              ) : (
                <span className={`plan-process__badge plan-process__select--${status}`}>
                  {t(processStatusKey(status))}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** Steps done among those that apply, as a bar and in words. */
export function ProgressBar({ progress, compact = false }: { progress: ProcessProgress; compact?: boolean }) {
  const t = useT();
  const { done, inProgress, applicable } = progress;
  const text = t(compact ? 'plan.process.short' : 'plan.process.progress', { done, applicable });
  const share = (n: number) => (applicable === 0 ? 0 : (n / applicable) * 100);
  return (
    <div className={compact ? 'plan-progress plan-progress--compact' : 'plan-progress'}>
      <div
        className="plan-progress__bar"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={applicable}
        aria-valuenow={done}
        aria-valuetext={text}
        aria-label={t('plan.process.title')}
        data-testid="plan.process.progress"
      >
        <span className="plan-progress__done" style={{ width: `${share(done)}%` }} />
        <span className="plan-progress__doing" style={{ width: `${share(inProgress)}%` }} />
      </div>
      <span className="plan-progress__text">{text}</span>
    </div>
  );
}
