import { type Theme, UNTHEMED_COLOR } from '@atelier/shared';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/locale';
import { openScreenRect } from '../canvas/covers';
import { type PopoverPlace, placePopover } from '../canvas/popoverPlace';
import { themeLabel } from './colors';

interface Props {
  themes: readonly Theme[];
  current: string | null;
  onPick: (theme: string | null) => void;
  onClose: () => void;
}

/**
 * The theme list of the workshop, as a small menu under the note, or above it, or lined up
 * with its right edge, wherever it is seen whole (clear of the screen's edges and the toolbar).
 */
export function ThemePicker({ themes, current, onPick, onClose }: Props) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<PopoverPlace | null>(null);

  useLayoutEffect(() => {
    const menu = ref.current;
    const note = menu?.parentElement;
    if (!menu || !note) return;
    const rect = menu.getBoundingClientRect();
    const next = placePopover(note.getBoundingClientRect(), rect, openScreenRect());
    // The menu is scaled against the board's zoom: its CSS height is in its own unscaled pixels.
    const scale = menu.offsetHeight > 0 ? rect.height / menu.offsetHeight : 1;
    setPlace(next.maxHeight === null ? next : { ...next, maxHeight: next.maxHeight / scale });
  }, []);

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
      data-above={place?.above || undefined}
      data-align-end={place?.alignEnd || undefined}
      style={place?.maxHeight ? { maxHeight: place.maxHeight, overflowY: 'auto' } : undefined}
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
