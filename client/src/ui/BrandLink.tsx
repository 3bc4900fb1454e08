import { useT } from '../i18n/locale';
import { navigate } from '../routing/router';

/** The Atelier mark linking home, navigated in the app (no page reload). */
export function BrandLink({ compact = false }: { compact?: boolean }) {
  const t = useT();
  return (
    <a
      href="/"
      className={compact ? 'brand brand--compact' : 'brand'}
      onClick={(event) => {
        event.preventDefault();
        navigate('/');
      }}
    >
      <span className="brand__mark" aria-hidden="true" />
      {compact ? <span className="visually-hidden">{t('app.home')}</span> : t('app.name')}
    </a>
  );
}
