import { competenceCheck, competenceNote, m57Competence, type TerritoryKind } from '@atelier/shared';

/**
 * What the sheet says beside each competence it is tagged with, for the workshop's authority:
 * nothing when the authority holds it by law; "partenaire ou maître d'ouvrage requis" when it
 * does not (and, while the sheet names no partner yet, that none is named); "à vérifier" when it
 * may hold it by a transfer or its statutes. Pure: the rules are shared's `competenceCheck`.
 */
export interface CompetenceCheckRow {
  code: string;
  /** The competence's name, or the code again for a code outside the nomenclature. */
  name: string;
  /** `null` while the workshop's kind of authority is not known (nothing is said then). */
  check: 'held' | 'partner-required' | 'to-check' | null;
  /** The rule, in French, shown with the warning; `null` when there is none. */
  rule: string | null;
  /** A partner is required and the sheet has none yet. */
  noPartner: boolean;
}

export function competenceRows(
  codes: readonly string[],
  kind: TerritoryKind | null,
  partnerCount: number,
): CompetenceCheckRow[] {
  return codes.map((code) => {
    const check = kind === null ? null : competenceCheck(code, kind);
    return {
      code,
      name: m57Competence(code)?.name ?? code,
      check,
      rule: check === 'partner-required' || check === 'to-check' ? competenceNote(code) : null,
      noPartner: check === 'partner-required' && partnerCount === 0,
    };
  });
}

/** How many competences need a partner and how many are to check (the collapsed section's summary). */
export function competenceWarnings(rows: readonly CompetenceCheckRow[]): {
  partnerRequired: number;
  toCheck: number;
} {
  return {
    partnerRequired: rows.filter((r) => r.check === 'partner-required').length,
    toCheck: rows.filter((r) => r.check === 'to-check').length,
  };
}
