import { useT } from '../../../i18n/locale';
import { facilitatorLinkTarget } from './facilitatorLink';
import { OneFieldForm } from './OneFieldForm';

/** "Paste your facilitator link": opens the workshop as facilitator, which lists it on this browser's home. */
export function FacilitatorLinkForm() {
  const t = useT();
  return (
    <OneFieldForm
      label={t('home.link.label')}
      input={{ 'data-testid': 'home.link', type: 'url', placeholder: 'https://…/w/…#token=…' }}
      submit={{ label: t('home.link.open'), testId: 'home.link-open' }}
      invalid={t('home.link.invalid')}
      target={facilitatorLinkTarget}
    />
  );
}
