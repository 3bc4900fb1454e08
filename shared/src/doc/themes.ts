import type * as Y from 'yjs';
import type { Locale } from '../schema/enums';
import { CONTROL_ROOTS } from './layout';

/** A theme (French: thématique) that notes are tagged with; it gives a note its colour. */
export interface Theme {
  id: string;
  label: Record<Locale, string>;
  /** CSS colour, `#rrggbb`. */
  color: string;
  /** Position in the theme list (ascending). */
  order: number;
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

/** The workshop's themes in display order; malformed entries are skipped. */
export function readThemes(control: Y.Doc): Theme[] {
  const out: Theme[] = [];
  for (const value of themesMap(control).values()) {
    if (isTheme(value)) out.push(value);
  }
  return out.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
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
    typeof label.en === 'string'
  );
}
