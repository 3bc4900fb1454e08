import {
  addTheme,
  moveTheme,
  setThemeArchived,
  type Theme,
  ThemeInput,
  UNTHEMED_COLOR,
  updateTheme,
} from '@atelier/shared';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useT } from '../../../i18n/locale';
import { useBoard } from '../../../state/store';
import { useConnection } from '../../../state/useConnection';
import { themeLabel } from '../../../toolbox/notes/colors';
import { Icon } from '../../../ui/Icon';
import { IconButton } from '../../../ui/IconButton';
import { useDismiss } from '../../../ui/useDismiss';

/** A colour for the next theme: one the list does not use yet. */
const PALETTE = ['#e91e63', '#3f51b5', '#009688', '#cddc39', '#ff5722', '#8bc34a', '#673ab7', '#ffc107'];

/**
 * The facilitator's theme list (French: thématiques): rename, recolour, reorder, remove
 * (archived: its notes keep it and it can be restored) and add. Changes reach every
 * board at once through the control document.
 */
export function ThemeEditorButton() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, rootRef, close);
  return (
    <div className="theme-editor" ref={rootRef}>
      <button
        type="button"
        className="button"
        data-testid="themes.toggle"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        {t('themes.toggle')}
      </button>
      {open && <ThemeEditor />}
    </div>
  );
}

function ThemeEditor() {
  const t = useT();
  const allThemes = useBoard((s) => s.allThemes);
  const active = allThemes.filter((theme) => !theme.archived);
  const archived = allThemes.filter((theme) => theme.archived);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <div
      className="popover theme-editor__panel"
      role="dialog"
      aria-label={t('themes.title')}
      data-testid="themes.panel"
    >
      <h2 ref={headingRef} tabIndex={-1}>
        {t('themes.title')}
      </h2>
      <ul className="theme-editor__list">
        {active.map((theme, index) => (
          <ThemeRow key={theme.id} theme={theme} first={index === 0} last={index === active.length - 1} />
        ))}
      </ul>
      <NewTheme used={allThemes.map((theme) => theme.color)} />
      {archived.length > 0 && (
        <section className="theme-editor__archived">
          <h3>{t('themes.archived')}</h3>
          <ul className="theme-editor__list">
            {archived.map((theme) => (
              <ArchivedRow key={theme.id} theme={theme} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function ThemeRow({ theme, first, last }: { theme: Theme; first: boolean; last: boolean }) {
  const t = useT();
  const connection = useConnection();
  const label = themeLabel(theme, t.locale);
  const [name, setName] = useState(label);
  const [error, setError] = useState(false);
  const errorId = useId();
  useEffect(() => setName(label), [label]);
  const doc = connection.controlDoc;

  const commitName = () => {
    if (name.trim() === label) return;
    const parsed = ThemeInput.shape.name.safeParse(name);
    setError(!parsed.success);
    if (parsed.success) updateTheme(doc, theme.id, { name: parsed.data });
  };
  return (
    <li className="theme-editor__row" data-testid="themes.row" data-theme-id={theme.id}>
      <input
        type="color"
        className="theme-editor__color"
        value={theme.color}
        aria-label={t('themes.color', { name: label })}
        onChange={(event) => updateTheme(doc, theme.id, { color: event.target.value })}
      />
      <input
        type="text"
        className="theme-editor__name"
        value={name}
        maxLength={60}
        aria-label={t('themes.name')}
        aria-invalid={error}
        aria-describedby={error ? errorId : undefined}
        data-testid="themes.name"
        onChange={(event) => setName(event.target.value)}
        onBlur={commitName}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commitName();
          if (event.key === 'Escape') {
            event.stopPropagation();
            setName(label);
            setError(false);
          }
        }}
      />
      <IconButton
        className="icon-button--small"
        label={t('themes.up', { name: label })}
        disabled={first}
        onClick={() => moveTheme(doc, theme.id, -1)}
      >
        <span aria-hidden="true">↑</span>
      </IconButton>
      <IconButton
        className="icon-button--small"
        label={t('themes.down', { name: label })}
        disabled={last}
        onClick={() => moveTheme(doc, theme.id, 1)}
      >
        <span aria-hidden="true">↓</span>
      </IconButton>
      <IconButton
        className="icon-button--small"
        label={t('themes.archive', { name: label })}
        testId="themes.archive"
        onClick={() => setThemeArchived(doc, theme.id, true)}
      >
        <Icon name="close" size={16} />
      </IconButton>
      {error && (
        <p id={errorId} className="theme-editor__error" role="alert">
          {t('themes.invalidName')}
        </p>
      )}
    </li>
  );
}

function ArchivedRow({ theme }: { theme: Theme }) {
  const t = useT();
  const connection = useConnection();
  const label = themeLabel(theme, t.locale);
  return (
    <li className="theme-editor__row theme-editor__row--archived" data-testid="themes.archivedRow">
      <span className="theme-editor__swatch" style={{ background: theme.color }} />
      <span className="theme-editor__label">{label}</span>
      <button
        type="button"
        className="button"
        data-testid="themes.restore"
        onClick={() => setThemeArchived(connection.controlDoc, theme.id, false)}
      >
        {t('themes.restore')}
      </button>
    </li>
  );
}

function NewTheme({ used }: { used: readonly string[] }) {
  const t = useT();
  const connection = useConnection();
  const fresh = PALETTE.find((color) => !used.includes(color)) ?? UNTHEMED_COLOR;
  const [name, setName] = useState('');
  const [color, setColor] = useState(fresh);
  const [error, setError] = useState(false);
  const nameId = useId();
  return (
    <form
      className="theme-editor__new"
      onSubmit={(event) => {
        event.preventDefault();
        const parsed = ThemeInput.safeParse({ name, color });
        setError(!parsed.success);
        if (!parsed.success) return;
        addTheme(connection.controlDoc, parsed.data);
        setName('');
        setColor(PALETTE.find((c) => c !== color && !used.includes(c)) ?? fresh);
      }}
    >
      <label htmlFor={nameId}>{t('themes.new')}</label>
      <div className="theme-editor__row">
        <input
          type="color"
          className="theme-editor__color"
          value={color}
          aria-label={t('themes.newColor')}
          onChange={(event) => setColor(event.target.value)}
        />
        <input
          id={nameId}
          type="text"
          className="theme-editor__name"
          value={name}
          maxLength={60}
          placeholder={t('themes.newPlaceholder')}
          aria-invalid={error}
          data-testid="themes.newName"
          onChange={(event) => setName(event.target.value)}
        />
        <button type="submit" className="button button--primary" data-testid="themes.add">
          {t('themes.add')}
        </button>
      </div>
      {error && (
        <p className="theme-editor__error" role="alert">
          {t('themes.invalidName')}
        </p>
      )}
    </form>
  );
}
