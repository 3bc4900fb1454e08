import { JoinCode } from '@atelier/shared';
import { useT } from '../../../i18n/locale';
import { joinPath } from '../../../routing/routes';
import { OneFieldForm } from './OneFieldForm';

/** "Join with a code": normalises what people type (spaces, lower case) and opens the join page. */
export function JoinCodeForm({ initial = '', autoFocus = false }: { initial?: string; autoFocus?: boolean }) {
  const t = useT();
  return (
    <OneFieldForm
      label={t('home.joinCode')}
      initial={initial}
      input={{
        'data-testid': 'home.join-code',
        className: 'input input--code',
        autoCapitalize: 'characters',
        maxLength: 12,
        // The only field on a "type your code" screen.
        autoFocus,
        placeholder: 'ABC 234',
      }}
      submit={{ label: t('home.join'), testId: 'home.join', primary: true }}
      invalid={t('home.joinCodeInvalid')}
      target={(code) => {
        const parsed = JoinCode.safeParse(code);
        return parsed.success ? joinPath(parsed.data) : null;
      }}
    />
  );
}
