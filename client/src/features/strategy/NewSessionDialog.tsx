import {
  type CreateSessionBody,
  type CreateSessionResponse,
  type SessionSummary,
  STEPS,
  type Step,
  type StrategyDetail,
  WORKSHOP_TEMPLATES,
  type WorkshopTemplate,
} from '@atelier/shared';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { errorMessage } from '../../api/errorMessage';
import { createSession } from '../../api/strategies';
import { useT } from '../../i18n/locale';
import { Checkbox } from '../../ui/Checkbox';
import { InvitedLinks } from './InvitedLinks';

interface Props {
  strategy: StrategyDetail;
  token: string;
  /** Closed; `created` when a session was made (the page reads the strategy again). */
  onClose: (created: boolean) => void;
  onOpen: (session: SessionSummary) => void;
}

type Plan = WorkshopTemplate | 'custom';

/**
 * "Nouvelle séance": title, day, the steps (a template's or chosen ones), the session it starts
 * from (the last by default) and whether the same people are invited again. Once made, the
 * re-invited people's new personal links, for the facilitator to send.
 */
export function NewSessionDialog({ strategy, token, onClose, onOpen }: Props) {
  const t = useT();
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const titleRef = useRef<HTMLInputElement>(null);
  const last = strategy.sessions.at(-1);
  const [title, setTitle] = useState('');
  const [date, setDate] = useState('');
  const [plan, setPlan] = useState<Plan>('full');
  const [steps, setSteps] = useState<Step[]>([...STEPS]);
  const [from, setFrom] = useState(last?.workshopId ?? '');
  const [invite, setInvite] = useState<'again' | 'new'>(last ? 'again' : 'new');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<CreateSessionResponse | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    titleRef.current?.focus();
    return () => dialog?.close();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (plan === 'custom' && steps.length === 0) {
      setError(t('newSession.stepsRequired'));
      return;
    }
    setBusy(true);
    setError(null);
    const body: CreateSessionBody = {
      invite,
      ...(title.trim() ? { title: title.trim() } : {}),
      ...(date ? { date } : {}),
      ...(plan === 'custom' ? { steps: STEPS.filter((s) => steps.includes(s)) } : { template: plan }),
      ...(from ? { from } : {}),
    };
    try {
      setCreated(await createSession(strategy.id, token, body));
    } catch (failure) {
      setError(errorMessage(t, failure));
    } finally {
      setBusy(false);
    }
  };

  const nextIndex = strategy.sessions.length + 1;
  return (
    <dialog
      ref={ref}
      className="confirm new-session"
      aria-labelledby={`${id}-title`}
      data-testid="newSession"
      onCancel={(event) => {
        event.preventDefault();
        onClose(created !== null);
      }}
    >
      {created ? (
        <div className="new-session__done" data-testid="newSession.done">
          <h2 id={`${id}-title`}>{t('newSession.created', { n: created.session.index })}</h2>
          <p>
            {created.invited.length > 0
              ? t.plural('newSession.invitedIntro', created.invited.length)
              : t('newSession.codeIntro', { code: created.session.joinCode })}
          </p>
          {created.invited.length > 0 && <InvitedLinks people={created.invited} />}
          <div className="confirm__actions">
            <button
              type="button"
              className="button"
              data-testid="newSession.close"
              onClick={() => onClose(true)}
            >
              {t('common.close')}
            </button>
            <button
              type="button"
              className="button button--primary"
              data-testid="newSession.open"
              onClick={() => onOpen(created.session)}
            >
              {t('newSession.open')}
            </button>
          </div>
        </div>
      ) : (
        <form onSubmit={(event) => void submit(event)} noValidate>
          <h2 id={`${id}-title`}>{t('newSession.heading', { n: nextIndex })}</h2>
          <div className="new-session__fields">
            <div className="field">
              <label htmlFor={`${id}-name`}>
                {t('newSession.title')} <span className="muted">({t('common.optional')})</span>
              </label>
              <input
                ref={titleRef}
                id={`${id}-name`}
                className="input"
                data-testid="newSession.title"
                value={title}
                maxLength={200}
                placeholder={t('newSession.titlePlaceholder', { title: strategy.title, n: nextIndex })}
                onChange={(event) => setTitle(event.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-date`}>
                {t('newSession.date')} <span className="muted">({t('common.optional')})</span>
              </label>
              <input
                id={`${id}-date`}
                type="date"
                className="input"
                data-testid="newSession.date"
                value={date}
                onChange={(event) => setDate(event.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-plan`}>{t('template.label')}</label>
              <select
                id={`${id}-plan`}
                className="input"
                data-testid="newSession.template"
                value={plan}
                onChange={(event) => setPlan(event.target.value as Plan)}
              >
                {WORKSHOP_TEMPLATES.map((template) => (
                  <option key={template} value={template}>
                    {t(`template.${template}`)}
                  </option>
                ))}
                <option value="custom">{t('newSession.customSteps')}</option>
              </select>
            </div>
            {plan === 'custom' && (
              <fieldset className="new-session__steps">
                <legend>{t('newSession.stepsLegend')}</legend>
                {STEPS.map((step) => (
                  <Checkbox
                    key={step}
                    label={t(`steps.${step}`)}
                    testId={`newSession.step.${step}`}
                    checked={steps.includes(step)}
                    onChange={(on) => setSteps(on ? [...steps, step] : steps.filter((s) => s !== step))}
                  />
                ))}
              </fieldset>
            )}
            {last && (
              <div className="field">
                <label htmlFor={`${id}-from`}>{t('newSession.from')}</label>
                <select
                  id={`${id}-from`}
                  className="input"
                  data-testid="newSession.from"
                  value={from}
                  onChange={(event) => setFrom(event.target.value)}
                >
                  {strategy.sessions.map((s) => (
                    <option key={s.workshopId} value={s.workshopId}>
                      {t('changes.sessionOption', { index: s.index, title: s.title })}
                    </option>
                  ))}
                </select>
              </div>
            )}
            {last && (
              <fieldset className="new-session__invite">
                <legend>{t('newSession.invite')}</legend>
                {(['again', 'new'] as const).map((value) => (
                  <label key={value} className="round-form__choice">
                    <input
                      type="radio"
                      name={`${id}-invite`}
                      value={value}
                      checked={invite === value}
                      data-testid={`newSession.invite.${value}`}
                      onChange={() => setInvite(value)}
                    />
                    {t(`newSession.invite.${value}`)}
                  </label>
                ))}
              </fieldset>
            )}
          </div>
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
          <div className="confirm__actions">
            <button
              type="button"
              className="button"
              data-testid="newSession.cancel"
              onClick={() => onClose(false)}
            >
              {t('newSession.cancel')}
            </button>
            <button
              type="submit"
              className="button button--primary"
              data-testid="newSession.submit"
              disabled={busy}
            >
              {busy ? t('newSession.creating') : t('newSession.submit')}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
