import type * as Y from 'yjs';
import { z } from 'zod';
import { InseeCommune, Siren } from '../reference/identifiers';
import { CONTROL_ROOTS } from './layout';
import { LOCAL_ORIGIN } from './origins';

/**
 * The territory's official codes (issue 20 §3), for the public data pack's `collectivites` row:
 * a commune's INSEE code, and the SIREN of the authority (an EPCI's code in the beta.gouv schema is
 * its SIREN). Set by a facilitator, kept in the control document's `meta` map under
 * `territoryCodes`, a plain value written whole; absent until set.
 */
export const TERRITORY_CODES_KEY = 'territoryCodes';

export const TerritoryCodes = z.object({
  insee: InseeCommune.nullable(),
  siren: Siren.nullable(),
});
export type TerritoryCodes = z.infer<typeof TerritoryCodes>;

export const NO_TERRITORY_CODES: TerritoryCodes = { insee: null, siren: null };

export function readTerritoryCodes(control: Y.Doc): TerritoryCodes {
  // Reading must not define the root.
  if (!control.share.has(CONTROL_ROOTS.meta)) return NO_TERRITORY_CODES;
  const parsed = TerritoryCodes.safeParse(control.getMap(CONTROL_ROOTS.meta).get(TERRITORY_CODES_KEY));
  return parsed.success ? parsed.data : NO_TERRITORY_CODES;
}

/** Sets the codes (spaces ignored, `''` or `null` clears one); throws (zod) and changes nothing on a bad code. */
export function setTerritoryCodes(
  control: Y.Doc,
  codes: { insee: string | null; siren: string | null },
): void {
  const compact = (value: string | null) => {
    const text = value?.replace(/\s/g, '').toUpperCase() ?? '';
    return text === '' ? null : text;
  };
  const next = TerritoryCodes.parse({ insee: compact(codes.insee), siren: compact(codes.siren) });
  control.transact(() => control.getMap(CONTROL_ROOTS.meta).set(TERRITORY_CODES_KEY, next), LOCAL_ORIGIN);
}
