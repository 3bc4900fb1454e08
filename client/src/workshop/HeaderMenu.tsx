import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useT } from '../i18n/locale';

/**
 * The header's less urgent items. On a laptop they sit in the header's row as before (the
 * button is hidden and the list is `display: contents`); on a phone they fold behind a "⋯"
 * button so the header stays one line: title, timer, votes, connection and this menu.
 */
export function HeaderMenu({ children }: { children: ReactNode }) {
  const t = useT();
  const id = useId();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (event: Event) => {
      if (
        event instanceof KeyboardEvent ? event.key === 'Escape' : !ref.current?.contains(event.target as Node)
      )
        setOpen(false);
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);
  return (
    <div ref={ref} className="header-menu" data-open={open}>
      <button
        type="button"
        className="icon-button header-menu__toggle"
        data-testid="header.menu"
        aria-label={t('header.more')}
        title={t('header.more')}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      <div id={id} className="header-menu__items">
        {children}
      </div>
    </div>
  );
}
