import { uuidv4 } from 'lib0/random';
import type * as Y from 'yjs';
import { z } from 'zod';
import type { Locale } from '../schema/enums';
import { CONTROL_ROOTS } from './layout';
import { LOCAL_ORIGIN } from './origins';

/** A theme (French: thématique) that notes are tagged with; it gives a note its colour. */
export interface Theme {
  id: string;
  label: Record<Locale, string>;
  /** CSS colour, `#rrggbb`. */
  color: string;
  /** Position in the theme list (ascending). */
  order: number;
  /**
   * Removed by the facilitator: no longer offered, and its notes are drawn untagged, but
   * the notes keep it and the facilitator can restore it (nothing is lost).
   */
  archived?: boolean;
}

/** The themes a new workshop starts with: the usual subjects of a territorial innovation strategy. */
export const DEFAULT_THEMES: readonly Theme[] = [
  { id: 'mobility', label: { fr: 'Mobilités douces', en: 'Soft mobility' }, color: '#4caf50', order: 0 },
  { id: 'digital', label: { fr: 'Services numériques', en: 'Digital services' }, color: '#2196f3', order: 1 },
  {
    id: 'centre',
    label: { fr: 'Revitalisation du centre-ville', en: 'Town-centre revitalisation' },
    color: '#ff9800',
    order: 2,
  },
  {
    id: 'energy',
    label: { fr: 'Énergie des bâtiments', en: 'Building energy use' },
    color: '#f44336',
    order: 3,
  },
  { id: 'data', label: { fr: 'Valorisation des données', en: 'Data' }, color: '#9c27b0', order: 4 },
  {
    id: 'citizens',
    label: { fr: 'Relation aux citoyens', en: 'Citizen relations' },
    color: '#00bcd4',
    order: 5,
  },
  {
    id: 'spending',
    label: { fr: 'Maîtrise de la dépense publique', en: 'Public spending' },
    color: '#795548',
    order: 6,
  },
  { id: 'economy', label: { fr: 'Économie locale', en: 'Local economy' }, color: '#607d8b', order: 7 },
];

/** Colour of a note that has no theme yet. */
export const UNTHEMED_COLOR = '#fff59d';

export function themesMap(control: Y.Doc): Y.Map<unknown> {
  return control.getMap(CONTROL_ROOTS.themes);
}

/** The workshop's themes in display order, without the archived ones; malformed entries are skipped. */
export function readThemes(control: Y.Doc): Theme[] {
  return readAllThemes(control).filter((theme) => !theme.archived);
}

/** Every theme, archived ones included (the facilitator's theme editor). */
export function readAllThemes(control: Y.Doc): Theme[] {
  const out: Theme[] = [];
  for (const value of themesMap(control).values()) {
    if (isTheme(value)) out.push(value);
  }
  return out.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

/** A theme as the facilitator names it: one name (shown in both languages), one colour. */
export const ThemeInput = z.object({
  name: z.string().trim().min(1).max(60),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .transform((c) => c.toLowerCase()),
});
export type ThemeInput = z.input<typeof ThemeInput>;

function write(control: Y.Doc, theme: Theme): void {
  themesMap(control).set(theme.id, { ...theme, label: { ...theme.label } });
}

function existing(control: Y.Doc, id: string): Theme {
  const theme = themesMap(control).get(id);
  if (!isTheme(theme)) throw new Error(`No theme ${id}`);
  return theme;
}

/** Facilitator command: a new theme at the end of the list. Throws (zod) on a bad name or colour. */
export function addTheme(control: Y.Doc, input: ThemeInput, id: string = uuidv4()): Theme {
  const { name, color } = ThemeInput.parse(input);
  const order = Math.max(-1, ...readAllThemes(control).map((t) => t.order)) + 1;
  const theme: Theme = { id, label: { fr: name, en: name }, color, order };
  control.transact(() => write(control, theme), LOCAL_ORIGIN);
  return theme;
}

/** Facilitator command: renames and/or recolours a theme (a new name replaces both languages' labels). */
export function updateTheme(control: Y.Doc, id: string, input: Partial<ThemeInput>): void {
  const theme = existing(control, id);
  const parsed = ThemeInput.partial().parse(input);
  const next: Theme = { ...theme, label: { ...theme.label } };
  if (parsed.name !== undefined) next.label = { fr: parsed.name, en: parsed.name };
  if (parsed.color !== undefined) next.color = parsed.color;
  control.transact(() => write(control, next), LOCAL_ORIGIN);
}

/** Facilitator command: archives (removes from use) or restores a theme; notes keep it either way. */
export function setThemeArchived(control: Y.Doc, id: string, archived: boolean): void {
  const { archived: _was, ...theme } = existing(control, id);
  control.transact(() => write(control, archived ? { ...theme, archived: true } : theme), LOCAL_ORIGIN);
}

/** Facilitator command: moves a theme one place up (-1) or down (+1) among the active ones. */
export function moveTheme(control: Y.Doc, id: string, direction: -1 | 1): void {
  const themes = readThemes(control);
  const index = themes.findIndex((t) => t.id === id);
  const other = themes[index + direction];
  const theme = themes[index];
  if (!theme || !other) return;
  control.transact(() => {
    write(control, { ...theme, order: other.order });
    write(control, { ...other, order: theme.order });
  }, LOCAL_ORIGIN);
}

function isTheme(value: unknown): value is Theme {
  if (typeof value !== 'object' || value === null) return false;
  const t = value as Record<string, unknown>;
  const label = t.label as Record<string, unknown> | undefined;
  return (
    typeof t.id === 'string' &&
    typeof t.color === 'string' &&
    typeof t.order === 'number' &&
    typeof label === 'object' &&
    label !== null &&
    typeof label.fr === 'string' &&
    typeof label.en === 'string' &&
    (t.archived === undefined || typeof t.archived === 'boolean')
  );
}
