import { STEP_QUESTION_MAX, type Step, setStepQuestion } from '@atelier/shared';
import { useEffect, useRef, useState } from 'react';
import { useT } from '../../../i18n/locale';
import { useBoard, useShownStep } from '../../../state/store';
import { useConnection } from '../../../state/useConnection';
import { questionEditing, setQuestionEditing } from './questionEditing';
import { useStepQuestion } from './useStepQuestion';

/** The facilitator's "add a question" button, in the step bar while the shown step has none. */
export function AddStepQuestion() {
  const t = useT();
  const step = useShownStep();
  const question = useStepQuestion(step);
  const editing = questionEditing((s) => s.editing);
  if (question !== null || editing) return null;
  return (
    <button
      type="button"
      className="button button--small step-bar__question"
      data-testid="step.question-edit"
      title={t('question.add')}
      onClick={() => setQuestionEditing(true)}
    >
      {/* Short where the step bar has little room; the whole phrase names it. */}
      <span aria-hidden="true">+ {t('question.addShort')}</span>
      <span className="visually-hidden">{t('question.add')}</span>
    </button>
  );
}

/**
 * The facilitator's question for the room, at the top of the step: large for everyone (and on
 * the projector), announced to screen readers when it changes. The facilitator writes it in
 * place: Enter or leaving the field saves, Escape cancels, an empty question clears it.
 */
export function StepQuestion() {
  const t = useT();
  const step = useShownStep();
  const question = useStepQuestion(step);
  const projector = useBoard((s) => s.projector);
  const facilitator = useBoard((s) => s.me?.role === 'facilitator') && !projector;
  const editing = questionEditing((s) => s.editing) && facilitator;
  // Another step, another question: leave the editor of the previous one.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the step changes only.
  useEffect(() => setQuestionEditing(false), [step]);

  // No question: nothing here (the facilitator's "add" button is in the step bar).
  if (question === null && !editing) return null;
  return (
    <section
      className={`step-question${question === null ? ' step-question--empty' : ''}`}
      aria-label={t('question.label')}
      data-testid="step.question"
    >
      {editing ? (
        <QuestionEditor step={step} question={question} onDone={() => setQuestionEditing(false)} />
      ) : (
        <>
          {/* Polite: a new question is read out after what the person is doing. */}
          <p className="step-question__text" aria-live="polite" data-testid="step.question-text">
            {question}
          </p>
          {facilitator && (
            <button
              type="button"
              className="button button--small step-question__edit"
              data-testid="step.question-edit"
              onClick={() => setQuestionEditing(true)}
            >
              {t('question.edit')}
            </button>
          )}
        </>
      )}
    </section>
  );
}

function QuestionEditor({
  step,
  question,
  onDone,
}: {
  step: Step;
  question: string | null;
  onDone: () => void;
}) {
  const t = useT();
  const connection = useConnection();
  const [text, setText] = useState(question ?? '');
  // Enter, then the blur of the field leaving the page: one save only.
  const finished = useRef(false);
  const save = () => {
    if (finished.current) return;
    finished.current = true;
    if (text.trim() !== (question ?? '')) setStepQuestion(connection.controlDoc, step, text);
    onDone();
  };
  return (
    <div className="step-question__editor">
      <label className="visually-hidden" htmlFor="step-question-input">
        {t('question.input', { step: t(`steps.${step}`) })}
      </label>
      <input
        id="step-question-input"
        className="step-question__input"
        data-testid="step.question-input"
        value={text}
        maxLength={STEP_QUESTION_MAX}
        placeholder={t('question.placeholder')}
        aria-describedby="step-question-hint"
        // biome-ignore lint/a11y/noAutofocus: the facilitator just asked to write the question.
        autoFocus
        onChange={(event) => setText(event.target.value)}
        onBlur={save}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            save();
          } else if (event.key === 'Escape') {
            // The board's own Escape handlers (deselect, leave the projector) stay out of it.
            event.stopPropagation();
            finished.current = true;
            onDone();
          }
        }}
      />
      <p className="hint step-question__hint" id="step-question-hint">
        {t('question.hint')}
      </p>
    </div>
  );
}
