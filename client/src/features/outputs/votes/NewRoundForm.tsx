import {
  CreateRoundBody,
  MAX_CRITERIA,
  type PublicRound,
  VOTE_TARGET_KINDS,
  type VoteTargetKind,
} from '@atelier/shared';
import { type FormEvent, useId, useState } from 'react';
import { errorMessage } from '../../../api/errorMessage';
import { createRound, moveRound } from '../../../api/votes';
import { useT } from '../../../i18n/locale';
import { boardStore, useBoard, useShownStep } from '../../../state/store';
import { FieldWithError } from '../../../ui/FieldWithError';
import { Icon } from '../../../ui/Icon';
import { IconButton } from '../../../ui/IconButton';
import {
  defaultCriteria,
  defaultTargetKind,
  fieldMessage,
  newCriterionId,
  type RoundDraft,
  type RoundFormField,
  roundBody,
  roundFormErrors,
} from './roundDraft';
import { useVotesApi } from './useBallot';
import { useLiveTargets } from './useLiveTargets';

interface Props {
  onDone: (round: PublicRound | null) => void;
}

/** The facilitator's "new round" form: what, how, who sees what, how long. */
export function NewRoundForm({ onDone }: Props) {
  const t = useT();
  const api = useVotesApi();
  const step = useShownStep();
  const locale = useBoard((s) => s.workshop?.locale ?? 'fr');
  const id = useId();
  const [draft, setDraft] = useState<RoundDraft>(() => {
    const kind = defaultTargetKind(step);
    return {
      title: t(`votes.form.defaultTitle.${kind}`),
      targetKind: kind,
      allTargets: true,
      selected: [],
      mode: 'dots',
      budget: '5',
      cap: '2',
      negative: false,
      criteria: defaultCriteria(locale).map((c) => ({ ...c, weight: String(c.weight) })),
      visibility: 'secret',
      duration: '',
    };
  });
  const [errors, setErrors] = useState<Partial<Record<RoundFormField, string>>>({});
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const targets = useLiveTargets(draft.targetKind);
  const update = (patch: Partial<RoundDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const error = (field: RoundFormField) => (errors[field] ? t(fieldMessage(field)) : null);

  const submit = async (open: boolean) => {
    setFormError(null);
    const body = roundBody(draft);
    const parsed = CreateRoundBody.safeParse(body);
    if (!parsed.success) {
      setErrors(roundFormErrors(parsed.error.issues));
      return;
    }
    if (draft.allTargets && targets.length === 0) {
      setErrors({ targets: 'none' });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      let round = await createRound(api.workshopId, body, api.token);
      if (open) round = await moveRound(api.workshopId, round.id, 'open', api.token);
      boardStore.getState().toast('success', t(open ? 'votes.form.createdOpen' : 'votes.form.created'));
      onDone(round);
    } catch (failure) {
      setFormError(errorMessage(t, failure));
    } finally {
      setBusy(false);
    }
  };

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

      <div className="field">
        <label htmlFor={`${id}-title`}>{t('votes.form.title')}</label>
        <FieldWithError error={error('title')} errorTestId="votes.form.title-error">
          {(props) => (
            <input
              id={`${id}-title`}
              className="input"
              value={draft.title}
              maxLength={120}
              data-testid="votes.form.title"
              onChange={(event) => update({ title: event.target.value })}
              {...props}
            />
          )}
        </FieldWithError>
      </div>

      <div className="field">
        <label htmlFor={`${id}-kind`}>{t('votes.form.kind')}</label>
        <select
          id={`${id}-kind`}
          className="input"
          value={draft.targetKind}
          data-testid="votes.form.kind"
          onChange={(event) => {
            const kind = event.target.value as VoteTargetKind;
            // A new kind: a new default title, unless the facilitator wrote their own.
            const ownTitle = draft.title !== t(`votes.form.defaultTitle.${draft.targetKind}`);
            update({
              targetKind: kind,
              selected: [],
              ...(ownTitle ? {} : { title: t(`votes.form.defaultTitle.${kind}`) }),
            });
          }}
        >
          {VOTE_TARGET_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`votes.kind.${kind}`)}
            </option>
          ))}
        </select>
      </div>

      <fieldset className="round-form__group">
        <legend>{t('votes.form.targets')}</legend>
        <div className="round-form__choices">
          <label className="round-form__choice">
            <input
              type="radio"
              name={`${id}-all`}
              checked={draft.allTargets}
              data-testid="votes.form.all"
              onChange={() => update({ allTargets: true })}
            />
            {t('votes.form.all', { n: targets.length })}
          </label>
          <label className="round-form__choice">
            <input
              type="radio"
              name={`${id}-all`}
              checked={!draft.allTargets}
              data-testid="votes.form.some"
              onChange={() => update({ allTargets: false })}
            />
            {t('votes.form.some')}
          </label>
        </div>
        {!draft.allTargets && targets.length > 0 && (
          <ul className="round-form__targets" data-testid="votes.form.targets">
            {targets.map((target) => (
              <li key={target.id}>
                <label className="round-form__choice">
                  <input
                    type="checkbox"
                    checked={draft.selected.includes(target.id)}
                    data-testid="votes.form.target"
                    data-label={target.label}
                    onChange={(event) =>
                      update({
                        selected: event.target.checked
                          ? [...draft.selected, target.id]
                          : draft.selected.filter((s) => s !== target.id),
                      })
                    }
                  />
                  <span>{target.label || t('votes.untitled')}</span>
                </label>
              </li>
            ))}
          </ul>
        )}
        {targets.length === 0 && <p className="hint">{t(`votes.form.noTargets.${draft.targetKind}`)}</p>}
        <FieldWithError error={error('targets')} errorTestId="votes.form.targets-error">
          {() => null}
        </FieldWithError>
      </fieldset>

      <fieldset className="round-form__group">
        <legend>{t('votes.form.mode')}</legend>
        <div className="round-form__choices">
          <label className="round-form__choice">
            <input
              type="radio"
              name={`${id}-mode`}
              checked={draft.mode === 'dots'}
              data-testid="votes.form.mode-dots"
              onChange={() => update({ mode: 'dots' })}
            />
            {t('votes.mode.dots')}
          </label>
          <label className="round-form__choice">
            <input
              type="radio"
              name={`${id}-mode`}
              checked={draft.mode === 'scoring'}
              data-testid="votes.form.mode-scoring"
              onChange={() => update({ mode: 'scoring' })}
            />
            {t('votes.mode.scoring')}
          </label>
        </div>
        {draft.mode === 'dots' ? (
          <div className="field-row">
            <div className="field round-form__number">
              <label htmlFor={`${id}-budget`}>{t('votes.form.budget')}</label>
              <FieldWithError error={error('budget')}>
                {(props) => (
                  <input
                    id={`${id}-budget`}
                    className="input"
                    inputMode="numeric"
                    value={draft.budget}
                    data-testid="votes.form.budget"
                    onChange={(event) => update({ budget: event.target.value })}
                    {...props}
                  />
                )}
              </FieldWithError>
            </div>
            <div className="field round-form__number">
              <label htmlFor={`${id}-cap`}>{t('votes.form.cap')}</label>
              <FieldWithError error={error('cap')}>
                {(props) => (
                  <input
                    id={`${id}-cap`}
                    className="input"
                    inputMode="numeric"
                    value={draft.cap}
                    data-testid="votes.form.cap"
                    onChange={(event) => update({ cap: event.target.value })}
                    {...props}
                  />
                )}
              </FieldWithError>
            </div>
            <label className="round-form__choice round-form__negative">
              <input
                type="checkbox"
                checked={draft.negative}
                data-testid="votes.form.negative"
                onChange={(event) => update({ negative: event.target.checked })}
              />
              {t('votes.form.negative')}
            </label>
          </div>
        ) : (
          <CriteriaEditor draft={draft} update={update} error={error} />
        )}
      </fieldset>

      <fieldset className="round-form__group">
        <legend>{t('votes.form.visibility')}</legend>
        <div className="round-form__choices round-form__choices--stacked">
          <label className="round-form__choice">
            <input
              type="radio"
              name={`${id}-visibility`}
              checked={draft.visibility === 'secret'}
              data-testid="votes.form.secret"
              onChange={() => update({ visibility: 'secret' })}
            />
            <span>
              {t('votes.visibility.secret')} <span className="hint">{t('votes.form.secretHint')}</span>
            </span>
          </label>
          <label className="round-form__choice">
            <input
              type="radio"
              name={`${id}-visibility`}
              checked={draft.visibility === 'open'}
              data-testid="votes.form.open"
              onChange={() => update({ visibility: 'open' })}
            />
            <span>
              {t('votes.visibility.open')} <span className="hint">{t('votes.form.openHint')}</span>
            </span>
          </label>
        </div>
      </fieldset>

      <div className="field round-form__number">
        <label htmlFor={`${id}-duration`}>
          {t('votes.form.duration')} <span className="hint">({t('common.optional')})</span>
        </label>
        <FieldWithError error={error('duration')}>
          {(props) => (
            <input
              id={`${id}-duration`}
              className="input"
              inputMode="numeric"
              value={draft.duration}
              placeholder={t('votes.form.durationPlaceholder')}
              data-testid="votes.form.duration"
              onChange={(event) => update({ duration: event.target.value })}
              {...props}
            />
          )}
        </FieldWithError>
      </div>

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

function CriteriaEditor({
  draft,
  update,
  error,
}: {
  draft: RoundDraft;
  update: (patch: Partial<RoundDraft>) => void;
  error: (field: RoundFormField) => string | null;
}) {
  const t = useT();
  const id = useId();
  const setCriterion = (index: number, patch: Partial<RoundDraft['criteria'][number]>) =>
    update({ criteria: draft.criteria.map((c, i) => (i === index ? { ...c, ...patch } : c)) });
  return (
    <div className="criteria-editor" data-testid="votes.form.criteria">
      <div className="criteria-editor__head" aria-hidden="true">
        <span>{t('votes.form.criterionName')}</span>
        <span>{t('votes.form.weight')}</span>
      </div>
      <ul>
        {draft.criteria.map((criterion, index) => (
          <li key={criterion.id} className="criteria-editor__row" data-testid="votes.form.criterion">
            <div className="criteria-editor__name">
              <FieldWithError error={error(`criterion.${index}.label`)}>
                {(props) => (
                  <input
                    className="input"
                    value={criterion.label}
                    maxLength={60}
                    aria-label={t('votes.form.criterionLabel', { n: index + 1 })}
                    data-testid="votes.form.criterion-label"
                    onChange={(event) => setCriterion(index, { label: event.target.value })}
                    {...props}
                  />
                )}
              </FieldWithError>
            </div>
            <div className="criteria-editor__weight">
              <FieldWithError error={error(`criterion.${index}.weight`)}>
                {(props) => (
                  <input
                    className="input"
                    inputMode="decimal"
                    value={criterion.weight}
                    aria-label={t('votes.form.weightLabel', { name: criterion.label || String(index + 1) })}
                    data-testid="votes.form.criterion-weight"
                    onChange={(event) => setCriterion(index, { weight: event.target.value })}
                    {...props}
                  />
                )}
              </FieldWithError>
            </div>
            <IconButton
              label={t('votes.form.removeCriterion', { name: criterion.label || String(index + 1) })}
              disabled={draft.criteria.length <= 1}
              onClick={() => update({ criteria: draft.criteria.filter((_, i) => i !== index) })}
            >
              <Icon name="close" size={16} />
            </IconButton>
          </li>
        ))}
      </ul>
      <FieldWithError error={error('criteria')}>{() => null}</FieldWithError>
      <button
        type="button"
        className="button"
        id={`${id}-add`}
        disabled={draft.criteria.length >= MAX_CRITERIA}
        data-testid="votes.form.add-criterion"
        onClick={() =>
          update({
            criteria: [
              ...draft.criteria,
              { id: newCriterionId(draft.criteria.map((c) => c.id)), label: '', weight: '1' },
            ],
          })
        }
      >
        <Icon name="plus" size={16} /> {t('votes.form.addCriterion')}
      </button>
      <p className="hint">{t('votes.form.criteriaHint')}</p>
    </div>
  );
}
