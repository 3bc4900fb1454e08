import { PARTICIPANT_GROUPS, type ParticipantGroup } from '@atelier/shared';
import { useCallback, useRef, useState } from 'react';
import { useT } from '../../i18n/locale';
import { type BoardFilter, NO_FILTER, NO_THEME, useBoard } from '../../state/store';
import { useDismiss } from '../../ui/useDismiss';
import { noteColors, themeLabel } from './colors';

function toggle(list: readonly string[], value: string): string[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

/**
 * Everyone's own filter of the board: by theme (or untagged) and by the author's group.
 * Notes left out stay in place, dimmed, so the room's layout still reads.
 */
export function FilterMenu() {
  const t = useT();
  const themes = useBoard((s) => s.themes);
  const filter = useBoard((s) => s.filter);
  const setFilter = useBoard((s) => s.setFilter);
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const active = filter.themes.length + filter.groups.length;

  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, rootRef, close);

  const update = (next: BoardFilter) => setFilter(next);
  return (
    <div className="filter-menu" ref={rootRef}>
      <button
        type="button"
        className={
          active > 0 ? 'button filter-menu__toggle filter-menu__toggle--active' : 'button filter-menu__toggle'
        }
        data-testid="filter.toggle"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        {active > 0 ? t('filter.toggleActive', { n: active }) : t('filter.toggle')}
      </button>
      {open && (
        <div
          className="popover filter-menu__panel"
          role="dialog"
          aria-label={t('filter.title')}
          data-testid="filter.panel"
        >
          <fieldset>
            <legend>{t('filter.themes')}</legend>
            {themes.map((theme) => (
              <label key={theme.id} className="filter-menu__option">
                <input
                  type="checkbox"
                  data-testid={`filter.theme.${theme.id}`}
                  checked={filter.themes.includes(theme.id)}
                  onChange={() => update({ ...filter, themes: toggle(filter.themes, theme.id) })}
                />
                <span className="filter-menu__swatch" style={{ background: noteColors(theme).accent }} />
                {themeLabel(theme, t.locale)}
              </label>
            ))}
            <label className="filter-menu__option">
              <input
                type="checkbox"
                data-testid="filter.theme.none"
                checked={filter.themes.includes(NO_THEME)}
                onChange={() => update({ ...filter, themes: toggle(filter.themes, NO_THEME) })}
              />
              <span className="filter-menu__swatch filter-menu__swatch--none" />
              {t('filter.noTheme')}
            </label>
          </fieldset>
          <fieldset>
            <legend>{t('filter.groups')}</legend>
            {PARTICIPANT_GROUPS.map((group: ParticipantGroup) => (
              <label key={group} className="filter-menu__option">
                <input
                  type="checkbox"
                  data-testid={`filter.group.${group}`}
                  checked={filter.groups.includes(group)}
                  onChange={() => update({ ...filter, groups: toggle(filter.groups, group) })}
                />
                {t(`group.${group}`)}
              </label>
            ))}
          </fieldset>
          <button
            type="button"
            className="button"
            data-testid="filter.clear"
            disabled={active === 0}
            onClick={() => update(NO_FILTER)}
          >
            {t('filter.clear')}
          </button>
        </div>
      )}
    </div>
  );
}
