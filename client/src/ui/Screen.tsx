import type { ReactNode } from 'react';
import { LocaleSwitch } from '../i18n/LocaleSwitch';
import { BrandLink } from './BrandLink';

/** A simple centred page (home, join, messages) with the brand bar and language switch. */
export function Screen({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  return (
    <div className="screen">
      <header className="screen__bar">
        <BrandLink />
        <LocaleSwitch />
      </header>
      <main id="main" className={wide ? 'screen__main screen__main--wide' : 'screen__main'}>
        {children}
      </main>
    </div>
  );
}

/** A message card with an optional action, for "not found", "access refused"… */
export function MessageCard({
  title,
  text,
  children,
}: {
  title: string;
  text: string;
  children?: ReactNode;
}) {
  return (
    <section className="card card--message">
      <h1>{title}</h1>
      <p>{text}</p>
      {children}
    </section>
  );
}
