import { CRTE_INDICATORS, type CrteIndicator, INDICATOR_TEXT_LIMITS } from '@atelier/shared';
import type { MessageKey } from '../../../i18n/translate';
import { matches } from '../../../ui/textSearch';

/**
 * Picking an indicator from the CRTE list (Territoires en Transitions' referential): searched by
 * title, id or unit, shown by theme; a pick fills the name and unit and keeps the id as the
 * indicator's `reference`.
 */

/** The themes of the referential, in French and English. */
export const CRTE_THEME_KEYS: Readonly<Record<string, MessageKey>> = {
  energie_et_climat: 'plan.crte.theme.energie_et_climat',
  urbanisme_et_amenagement: 'plan.crte.theme.urbanisme_et_amenagement',
  nature_environnement_air: 'plan.crte.theme.nature_environnement_air',
  mobilite_et_transport: 'plan.crte.theme.mobilite_et_transport',
  eci_dechets: 'plan.crte.theme.eci_dechets',
  eau_assainissement: 'plan.crte.theme.eau_assainissement',
  agri_alim: 'plan.crte.theme.agri_alim',
};

/** Indicators of one theme (their first), `''` for those with none. */
export interface CrteGroup {
  theme: string;
  indicators: CrteIndicator[];
}

/** The indicators matching `query`, by theme in the order the themes first appear in the list. */
export function filterCrte(query: string, list: readonly CrteIndicator[] = CRTE_INDICATORS): CrteGroup[] {
  // An id typed in full (`cae_1.a`, pasted from a document) is that indicator only.
  const exact = list.filter((i) => i.id.toLowerCase() === query.trim().toLowerCase());
  const groups = new Map<string, CrteGroup>();
  for (const indicator of exact.length > 0 ? exact : list) {
    if (!matches(query, indicator.title, indicator.id, indicator.unit)) continue;
    const theme = indicator.themes[0] ?? '';
    const group = groups.get(theme) ?? { theme, indicators: [] };
    group.indicators.push(indicator);
    groups.set(theme, group);
  }
  return [...groups.values()];
}

/** What a pick writes in the indicator: its name and unit (within their limits) and its reference. */
export function crteFill(indicator: CrteIndicator): { name: string; unit: string; reference: string } {
  return {
    name: indicator.title.slice(0, INDICATOR_TEXT_LIMITS.name),
    unit: indicator.unit.slice(0, INDICATOR_TEXT_LIMITS.unit),
    reference: indicator.id,
  };
}
