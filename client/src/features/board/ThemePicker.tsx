import { type Theme, UNTHEMED_COLOR } from '@atelier/shared';
import { useEffect, useRef } from 'react';
import { useT } from '../../i18n/locale';
import { themeLabel } from './colors';

interface Props {
  themes: readonly Theme[];
  current: string | null;
  onPick: (theme: string | null) => void;
  onClose: () => void;
}

/** The theme list of the workshop, as a small menu under the note. */
export function ThemePicker({ themes, current, onPick, onClose }: Props) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // The button that opened the menu gets the focus back once a theme is picked or the menu
    // is closed, instead of the focus falling to the page (a keyboard user would start over).
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const first = ref.current?.querySelector<HTMLButtonElement>('[aria-checked="true"], button');
    first?.focus();
    return () => {
      const active = document.activeElement;
      if ((!active || active === document.body) && opener?.isConnected) opener.focus();
    };
  }, []);

  const move = (event: React.KeyboardEvent) => {
    const buttons = [...(ref.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      buttons[(index + step + buttons.length) % buttons.length]?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    }
  };

  return (
    <div
      ref={ref}
      className="theme-picker"
      role="menu"
      aria-label={t('note.themeList')}
      tabIndex={-1}
      onKeyDown={move}
      onPointerDown={(event) => event.stopPropagation()}
      onDoubleClick={(event) => event.stopPropagation()}
    >
      {themes.map((theme) => (
        <button
          key={theme.id}
          type="button"
          role="menuitemradio"
          aria-checked={current === theme.id}
          data-testid="note.theme-option"
          data-theme-id={theme.id}
          onClick={() => onPick(theme.id)}
        >
          <span className="theme-picker__swatch" style={{ background: theme.color }} aria-hidden="true" />
          {themeLabel(theme, t.locale)}
        </button>
      ))}
      <button
        type="button"
        role="menuitemradio"
        aria-checked={current === null}
        data-testid="note.theme-clear"
        onClick={() => onPick(null)}
      >
        <span className="theme-picker__swatch" style={{ background: UNTHEMED_COLOR }} aria-hidden="true" />
        {t('note.noTheme')}
      </button>
    </div>
  );
}
