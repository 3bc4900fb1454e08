import { STEPS, type Step, setStep, setStepsFree } from '@atelier/shared';
import { useEffect } from 'react';
import { AddStepQuestion } from '../features/method/question/StepQuestion';
import { useT } from '../i18n/locale';
import { boardStore, useBoard, useShownStep } from '../state/store';
import { useConnection } from '../state/useConnection';
import { ToggleButton } from '../ui/ToggleButton';

/** The method's number of a step (1–6), whatever steps the workshop's template kept. */
export function stepNumber(step: Step): number {
  return STEPS.indexOf(step) + 1;
}

/**
 * The workshop's steps, and where the room is. The facilitator's click moves the whole room;
 * participants follow, or look around on their own when the facilitator lets them.
 */
export function StepBar() {
  const t = useT();
  const connection = useConnection();
  const steps = useBoard((s) => s.control.steps);
  const roomStep = useBoard((s) => s.control.step);
  const free = useBoard((s) => s.control.stepsFree);
  const role = useBoard((s) => s.me?.role);
  const projector = useBoard((s) => s.projector);
  const shown = useShownStep();
  const controlLoaded = useBoard((s) => s.controlLoaded);
  const facilitator = role === 'facilitator' && !projector;
  const canBrowse = !facilitator && free && !projector;

  const choose = (step: Step) => {
    if (facilitator) {
      if (controlLoaded && step !== roomStep) setStep(connection.controlDoc, step);
    } else if (canBrowse) {
      boardStore.getState().browseStep(step === roomStep ? null : step);
    }
  };

  return (
    <nav className="step-bar" data-testid="step-bar" aria-label={t('steps.label')}>
      <ol className="step-bar__steps">
        {steps.map((step) => {
          const current = step === shown;
          const room = step === roomStep;
          const interactive = (facilitator && controlLoaded) || canBrowse;
          return (
            <li key={step}>
              <button
                type="button"
                className={`step-bar__step${current ? ' step-bar__step--current' : ''}${room ? ' step-bar__step--room' : ''}`}
                data-testid={`step.${step}`}
                data-room={room}
                aria-current={current ? 'step' : undefined}
                aria-disabled={!interactive || undefined}
                title={
                  facilitator
                    ? t('steps.moveRoom', { step: t(`steps.${step}`) })
                    : interactive
                      ? room && !current
                        ? t('steps.backToRoom')
                        : t(`steps.${step}`)
                      : `${t(`steps.${step}`)} — ${t('steps.ledByFacilitator')}`
                }
                onClick={() => interactive && choose(step)}
              >
                {/* The name is the visible text ("2 Enjeux prioritaires"), so that voice control finds it. */}
                <span className="step-bar__number">{stepNumber(step)}</span>{' '}
                <span className="step-bar__name">{t(`steps.${step}`)}</span>
                {room && !current && (
                  <>
                    {' '}
                    <span className="step-bar__room">{t('steps.roomHere')}</span>
                  </>
                )}
              </button>
            </li>
          );
        })}
      </ol>
      {facilitator && <AddStepQuestion />}
    </nav>
  );
}

/** The facilitator lets participants browse the steps on their own, or brings them back to the room's. */
export function StepsFreeToggle() {
  const t = useT();
  const connection = useConnection();
  const free = useBoard((s) => s.control.stepsFree);
  const loaded = useBoard((s) => s.controlLoaded);
  return (
    <ToggleButton
      pressed={free}
      disabled={!loaded}
      testId="step.free"
      title={t('steps.freeHint')}
      onClick={() => setStepsFree(connection.controlDoc, !free)}
    >
      {t('steps.free')}
    </ToggleButton>
  );
}

/** Tells participants (and screen readers) when the facilitator moves the room to another step. */
export function useStepAnnouncement(): void {
  const t = useT();
  useEffect(
    () =>
      boardStore.subscribe((state, prev) => {
        // Not the step the room was already on when this person arrived (the control document's
        // first sync), only a move made while they are here.
        if (state.control.step === prev.control.step || !prev.boardLoaded || !prev.controlLoaded) return;
        if (state.me?.role === 'facilitator') return;
        const step = state.control.step;
        // The room moving on again replaces the last step's toast: a participant who joins late or
        // looks away reads where the room is, not its path there.
        state.toast('info', t('steps.moved', { number: stepNumber(step), step: t(`steps.${step}`) }), 'step');
      }),
    [t],
  );
}
