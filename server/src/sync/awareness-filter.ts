import { MAX_PRESENCE_STATE_BYTES, PresenceClientState, type PresenceUser } from '@atelier/shared';
import * as decoding from 'lib0/decoding';
import type { PresenceEntry } from './presence';

export interface AwarenessIdentity {
  /** The Yjs client id this connection speaks for; fixed by its first awareness entry. */
  clientId: number | null;
  user: PresenceUser;
}

/**
 * Reads an awareness update received from one connection into the entries the room keeps.
 * y-protocols accepts any client id, any size and any claimed name; we keep only entries
 * of the connection's own client id, drop states over the size cap or that don't parse,
 * strip unknown fields, and set `user` from the server's own record of the person.
 * Throws on a malformed update.
 */
export function filterAwarenessUpdate(update: Uint8Array, identity: AwarenessIdentity): PresenceEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const kept: PresenceEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const json = decoding.readVarString(decoder);
    if (identity.clientId === null) identity.clientId = clientId;
    if (clientId !== identity.clientId) continue;
    const state = sanitize(json);
    if (state === undefined) continue;
    kept.push(
      state === null
        ? { clientId, clock, json: null, light: null }
        : {
            clientId,
            clock,
            json: JSON.stringify({ ...state, user: identity.user }),
            light: JSON.stringify(state),
          },
    );
  }
  return kept;
}

/** `null` is a removal (the client left) and passes; `undefined` means drop the entry. */
function sanitize(json: string): object | null | undefined {
  // Cheap check first (a UTF-16 unit is at least one UTF-8 byte), exact byte count after.
  if (json.length > MAX_PRESENCE_STATE_BYTES || Buffer.byteLength(json) > MAX_PRESENCE_STATE_BYTES)
    return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (raw === null) return null;
  const parsed = PresenceClientState.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}
