import { type PublicRound, VOTE_TARGET_KINDS, type VoteTargetKind } from '@atelier/shared';
import { type FormEvent, useId } from 'react';
import { useT } from '../../../i18n/locale';
import { DraftChoice, DraftField } from './DraftFields';
import { RoundDecisionFieldset } from './RoundDecisionFieldset';
import { RoundModeFieldset } from './RoundModeFieldset';
import { RoundTargetsFieldset } from './RoundTargetsFieldset';
import { kindChange } from './roundDraft';
import { useNewRoundForm } from './useNewRoundForm';

interface Props {
  onDone: (round: PublicRound | null) => void;
}

/** The facilitator's "new round" form: what, how, who sees what, how long. */
export function NewRoundForm({ onDone }: Props) {
  const t = useT();
  const id = useId();
  const form = useNewRoundForm(onDone);
  const { draft, update, error, busy, formError, submit } = form;

  return (
    <form
      className="form round-form"
      data-testid="votes.form"
      aria-labelledby={`${id}-heading`}
      noValidate
      onSubmit={(event: FormEvent<HTMLFormElement>) => {
        event.preventDefault();
        void submit(true);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onDone(null);
        }
      }}
    >
      <h3 id={`${id}-heading`}>{t('votes.form.heading')}</h3>

      <DraftField
        id={`${id}-title`}
        label={t('votes.form.title')}
        value={draft.title}
        maxLength={120}
        data-testid="votes.form.title"
        error={error('title')}
        errorTestId="votes.form.title-error"
        onChange={(title) => update({ title })}
      />

      <div className="field">
        <label htmlFor={`${id}-kind`}>{t('votes.form.kind')}</label>
        <select
          id={`${id}-kind`}
          className="input"
          value={draft.targetKind}
          data-testid="votes.form.kind"
          onChange={(event) =>
            update(
              kindChange(draft, event.target.value as VoteTargetKind, (kind) =>
                t(`votes.form.defaultTitle.${kind}`),
              ),
            )
          }
        >
          {VOTE_TARGET_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`votes.kind.${kind}`)}
            </option>
          ))}
        </select>
      </div>

      <RoundTargetsFieldset formId={id} targets={form.targets} draft={draft} update={update} error={error} />

      <RoundModeFieldset
        formId={id}
        targetCount={form.targetCount}
        draft={draft}
        update={update}
        error={error}
      />

      <fieldset className="round-form__group">
        <legend>{t('votes.form.visibility')}</legend>
        <div className="round-form__choices round-form__choices--stacked">
          <DraftChoice
            name={`${id}-visibility`}
            checked={draft.visibility === 'secret'}
            testId="votes.form.secret"
            onChange={() => update({ visibility: 'secret' })}
          >
            <span>
              {t('votes.visibility.secret')} <span className="hint">{t('votes.form.secretHint')}</span>
            </span>
          </DraftChoice>
          <DraftChoice
            name={`${id}-visibility`}
            checked={draft.visibility === 'open'}
            testId="votes.form.open"
            onChange={() => update({ visibility: 'open' })}
          >
            <span>
              {t('votes.visibility.open')} <span className="hint">{t('votes.form.openHint')}</span>
            </span>
          </DraftChoice>
        </div>
      </fieldset>

      <RoundDecisionFieldset formId={id} draft={draft} update={update} error={error} />

      <DraftField
        id={`${id}-duration`}
        className="field round-form__number"
        label={
          <>
            {t('votes.form.duration')} <span className="hint">({t('common.optional')})</span>
          </>
        }
        inputMode="numeric"
        value={draft.duration}
        placeholder={t('votes.form.durationPlaceholder')}
        data-testid="votes.form.duration"
        error={error('duration')}
        onChange={(duration) => update({ duration })}
      />

      {formError && (
        <p className="form-error" role="alert" data-testid="votes.form.error">
          {formError}
        </p>
      )}
      <div className="round-form__actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={busy}
          data-testid="votes.form.open-now"
        >
          {t('votes.form.createOpen')}
        </button>
        <button
          type="button"
          className="button"
          disabled={busy}
          data-testid="votes.form.create"
          onClick={() => void submit(false)}
        >
          {t('votes.form.createDraft')}
        </button>
        <button type="button" className="button round-form__cancel" onClick={() => onDone(null)}>
          {t('votes.cancel')}
        </button>
      </div>
    </form>
  );
}
