import { useId, useState } from 'react';
import { useT } from '../../../i18n/locale';
import { navigate } from '../../../routing/router';
import { facilitatorLinkTarget } from './facilitatorLink';

/** "Paste your facilitator link": opens the workshop as facilitator, which lists it on this browser's home. */
export function FacilitatorLinkForm() {
  const t = useT();
  const id = useId();
  const [link, setLink] = useState('');
  const [error, setError] = useState(false);
  return (
    <form
      className="join-code-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const target = facilitatorLinkTarget(link);
        if (target === null) {
          setError(true);
          return;
        }
        navigate(target);
      }}
    >
      <label htmlFor={`${id}-link`}>{t('home.link.label')}</label>
      <div className="join-code-form__row">
        <input
          id={`${id}-link`}
          className="input"
          data-testid="home.link"
          type="url"
          value={link}
          autoComplete="off"
          spellCheck={false}
          placeholder="https://…/w/…#token=…"
          aria-invalid={error}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => {
            setLink(event.target.value);
            setError(false);
          }}
        />
        <button type="submit" className="button" data-testid="home.link-open">
          {t('home.link.open')}
        </button>
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {t('home.link.invalid')}
        </p>
      )}
    </form>
  );
}
