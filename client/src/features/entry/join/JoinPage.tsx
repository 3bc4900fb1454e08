import {
  JoinCode,
  PARTICIPANT_GROUPS,
  type ParticipantGroup,
  type PrivacyNotice,
  type WorkshopPreview,
} from '@atelier/shared';
import { useEffect, useId, useState } from 'react';
import { errorMessage } from '../../../api/errorMessage';
import { RequestError } from '../../../api/http';
import { joinWorkshop, previewWorkshop } from '../../../api/workshops';
import { suggestLocale, useT } from '../../../i18n/locale';
import { navigate } from '../../../routing/router';
import { boardPath } from '../../../routing/routes';
import { loadProfile, loadSession, saveProfile, saveSession } from '../../../session/session';
import { Checkbox } from '../../../ui/Checkbox';
import { MessageCard, Screen } from '../../../ui/Screen';
import { WrongLink } from './WrongLink';

type Lookup =
  | { state: 'loading' }
  | { state: 'found'; preview: WorkshopPreview }
  | { state: 'unknown' }
  | { state: 'expired' }
  | { state: 'closed' }
  | { state: 'failed'; heading?: string; message: string };

/** `/join/:code`: shows which workshop the code opens, then asks a name and a group. */
export function JoinPage({ code: rawCode }: { code: string }) {
  const t = useT();
  const parsed = JoinCode.safeParse(rawCode);
  const code = parsed.success ? parsed.data : null;
  const [lookup, setLookup] = useState<Lookup>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);

  // `attempt` re-runs the lookup on retry; `t` only words an error and must not re-fetch.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above.
  useEffect(() => {
    if (!code) {
      setLookup({ state: 'unknown' });
      return;
    }
    const abort = new AbortController();
    setLookup({ state: 'loading' });
    previewWorkshop(code, abort.signal)
      .then((preview) => {
        suggestLocale(preview.locale);
        setLookup({ state: 'found', preview });
      })
      .catch((error: unknown) => {
        if (abort.signal.aborted) return;
        const reason = error instanceof RequestError ? error.code : null;
        if (reason === 'not_found' || reason === 'bad_request') {
          setLookup({ state: 'unknown' });
        } else if (reason === 'code_expired') {
          setLookup({ state: 'expired' });
        } else if (reason === 'joining_closed') {
          setLookup({ state: 'closed' });
        } else if (reason === 'too_many_attempts') {
          setLookup({ state: 'failed', heading: t('join.tooManyHeading'), message: errorMessage(t, error) });
        } else {
          setLookup({ state: 'failed', message: errorMessage(t, error) });
        }
      });
    return () => abort.abort();
  }, [code, attempt]);

  return (
    <Screen>
      {lookup.state === 'loading' && <p className="muted">{t('join.loading')}</p>}
      {lookup.state === 'unknown' &&
        (code ? <WrongLink kind="unknownCode" code={code} /> : <WrongLink kind="malformedCode" />)}
      {lookup.state === 'expired' && code && <WrongLink kind="expiredCode" code={code} />}
      {lookup.state === 'closed' && (
        // The facilitator may reopen in a moment: the person tries again from here.
        <section className="card card--message" data-testid="join.closed">
          <h1>{t('join.closedHeading')}</h1>
          <p role="alert">{t('join.closedText')}</p>
          <button type="button" className="button" onClick={() => setAttempt((n) => n + 1)}>
            {t('common.retry')}
          </button>
        </section>
      )}
      {lookup.state === 'failed' && (
        <MessageCard title={lookup.heading ?? t('join.heading')} text="">
          <p className="form-error" role="alert" data-testid="join.error">
            {lookup.message}
          </p>
          <button type="button" className="button" onClick={() => setAttempt((n) => n + 1)}>
            {t('common.retry')}
          </button>
        </MessageCard>
      )}
      {lookup.state === 'found' && code && <JoinForm code={code} preview={lookup.preview} />}
    </Screen>
  );
}

function JoinForm({ code, preview }: { code: string; preview: WorkshopPreview }) {
  const t = useT();
  const id = useId();
  const profile = loadProfile();
  const existing = loadSession(preview.id);
  const [name, setName] = useState(profile?.name ?? '');
  const [group, setGroup] = useState<ParticipantGroup>(
    (PARTICIPANT_GROUPS as readonly string[]).includes(profile?.group ?? '')
      ? (profile?.group as ParticipantGroup)
      : 'resident',
  );
  const [observer, setObserver] = useState(false);
  const [nameError, setNameError] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setNameError(true);
      document.getElementById(`${id}-name`)?.focus();
      return;
    }
    setBusy(true);
    setServerError(null);
    try {
      const joined = await joinWorkshop({
        code,
        name: name.trim(),
        group,
        role: observer ? 'observer' : 'participant',
        // Joining with the button below acknowledges the notice shown above it.
        noticeVersion: preview.privacy.version,
      });
      saveSession(joined.workshopId, {
        token: joined.token,
        participantId: joined.participantId,
        role: joined.role,
        joinCode: code,
      });
      saveProfile({ name: name.trim(), group });
      navigate(boardPath(joined.workshopId));
    } catch (error) {
      setServerError(errorMessage(t, error));
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <p className="eyebrow" id={`${id}-heading`}>
        {t('join.heading')}
      </p>
      <h1 className="join__title" data-testid="join.workshop-title">
        {preview.title}
      </h1>
      <p className="muted">
        {t('header.territory', {
          kind: t(`territory.${preview.territory.kind}`),
          name: preview.territory.name,
        })}
      </p>
      {existing?.summary && (
        <div className="join__continue">
          <button type="button" className="button" onClick={() => navigate(boardPath(preview.id))}>
            {t('join.continueAs', { name: existing.summary.you.name })}
          </button>
          <p className="muted">{t('join.or')}</p>
        </div>
      )}
      <form className="form" noValidate onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('join.name')}</label>
          <input
            id={`${id}-name`}
            className="input"
            data-testid="join.name"
            value={name}
            maxLength={60}
            autoComplete="name"
            placeholder={t('join.namePlaceholder')}
            aria-invalid={nameError}
            aria-describedby={nameError ? `${id}-name-error` : undefined}
            onChange={(e) => {
              setName(e.target.value);
              setNameError(false);
            }}
          />
          {nameError && (
            <p id={`${id}-name-error`} className="field-error">
              {t('join.nameRequired')}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-group`}>{t('join.group')}</label>
          <select
            id={`${id}-group`}
            className="input"
            data-testid="join.group"
            value={group}
            onChange={(e) => setGroup(e.target.value as ParticipantGroup)}
          >
            {PARTICIPANT_GROUPS.map((value) => (
              <option key={value} value={value}>
                {t(`group.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <Checkbox
          label={t('join.observer')}
          hint={t('join.observerHint')}
          checked={observer}
          onChange={setObserver}
          testId="join.observer"
        />
        <PrivacyNoticeBox notice={preview.privacy} />
        {serverError && (
          <p className="form-error" role="alert" data-testid="join.error">
            {serverError}
          </p>
        )}
        <button
          type="submit"
          className="button button--primary button--large join__submit"
          data-testid="join.submit"
          data-notice-version={preview.privacy.version}
          disabled={busy}
        >
          {busy ? t('join.submitting') : t('join.submit')}
        </button>
      </form>
    </section>
  );
}

/**
 * What is collected, who sees it, how long it is kept and who to ask, in the workshop's
 * language as the server gives it (the deployment may word it); the join button's wording
 * says that joining acknowledges it.
 */
function PrivacyNoticeBox({ notice }: { notice: PrivacyNotice }) {
  const t = useT();
  const id = useId();
  return (
    <section
      className="join__privacy"
      aria-labelledby={`${id}-privacy`}
      data-testid="join.privacy"
      data-version={notice.version}
      lang={notice.locale}
    >
      <h2 id={`${id}-privacy`} className="join__privacy-title">
        <span className="visually-hidden">{t('join.privacyLabel')} — </span>
        {notice.title}
      </h2>
      {notice.paragraphs.map((paragraph) => (
        <p key={paragraph}>{paragraph}</p>
      ))}
    </section>
  );
}
