import { JoinCode } from '@atelier/shared';
import { useId, useState } from 'react';
import { useT } from '../../../i18n/locale';
import { navigate } from '../../../routing/router';
import { joinPath } from '../../../routing/routes';

/** "Join with a code": normalises what people type (spaces, lower case) and opens the join page. */
export function JoinCodeForm({ initial = '', autoFocus = false }: { initial?: string; autoFocus?: boolean }) {
  const t = useT();
  const id = useId();
  const [code, setCode] = useState(initial);
  const [error, setError] = useState(false);
  return (
    <form
      className="join-code-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const parsed = JoinCode.safeParse(code);
        if (!parsed.success) {
          setError(true);
          return;
        }
        navigate(joinPath(parsed.data));
      }}
    >
      <label htmlFor={`${id}-code`}>{t('home.joinCode')}</label>
      <div className="join-code-form__row">
        <input
          id={`${id}-code`}
          className="input input--code"
          data-testid="home.join-code"
          value={code}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={12}
          // biome-ignore lint/a11y/noAutofocus: the only field on a "type your code" screen.
          autoFocus={autoFocus}
          placeholder="ABC 234"
          aria-invalid={error}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => {
            setCode(event.target.value);
            setError(false);
          }}
        />
        <button type="submit" className="button button--primary" data-testid="home.join">
          {t('home.join')}
        </button>
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {t('home.joinCodeInvalid')}
        </p>
      )}
    </form>
  );
}
