import {
  type DocReader,
  isInseeCommune,
  isSiren,
  readTerritoryCodes,
  type TerritoryCodes,
} from '@atelier/shared';
import type * as Y from 'yjs';

/**
 * The territory's official codes as the facilitator types them (the commune's INSEE code, the
 * authority's SIREN): checked before `setTerritoryCodes` is run, so that each field says what is
 * wrong with it; kept live from the control document.
 */

export type InseeProblem = 'format';
export type SirenProblem = 'characters' | 'length' | 'key';

export interface CodesCheck {
  /** The codes to write (`null` clears one), or `null` when one of them is refused. */
  codes: TerritoryCodes | null;
  errors: { insee?: InseeProblem; siren?: SirenProblem };
}

const compact = (typed: string) => typed.replace(/[\s.\u00a0\u202f]/g, '').toUpperCase();

export function checkTerritoryCodes(typed: { insee: string; siren: string }): CodesCheck {
  const insee = compact(typed.insee);
  const siren = compact(typed.siren);
  const errors: CodesCheck['errors'] = {};
  if (insee !== '' && !isInseeCommune(insee)) errors.insee = 'format';
  if (siren !== '') {
    if (!/^\d+$/.test(siren)) errors.siren = 'characters';
    else if (siren.length !== 9) errors.siren = 'length';
    else if (!isSiren(siren)) errors.siren = 'key';
  }
  const refused = errors.insee !== undefined || errors.siren !== undefined;
  return {
    codes: refused ? null : { insee: insee === '' ? null : insee, siren: siren === '' ? null : siren },
    errors,
  };
}

/** A SIREN as printed (`217 500 016`); anything else as it is. */
export function formatSiren(siren: string | null): string {
  if (siren === null) return '';
  return /^\d{9}$/.test(siren) ? `${siren.slice(0, 3)} ${siren.slice(3, 6)} ${siren.slice(6)}` : siren;
}

let last: TerritoryCodes | null = null;
/** The same object while the codes are the same, so a screen showing them renders again only when they change. */
function readCodes(control: Y.Doc): TerritoryCodes {
  const next = readTerritoryCodes(control);
  if (last !== null && last.insee === next.insee && last.siren === next.siren) return last;
  last = next;
  return next;
}

/**
 * The codes, kept up to date with `useControlValue`. Shared has no reader of its own for them
 * (and the client does not know the document's keys), so any change of the control document
 * reads them again: a map lookup, rarely.
 */
export const territoryCodesReader: DocReader<TerritoryCodes> = {
  read: readCodes,
  touchedBy: () => true,
  observe(doc, onChange) {
    doc.on('afterTransaction', onChange);
    return () => doc.off('afterTransaction', onChange);
  },
};
