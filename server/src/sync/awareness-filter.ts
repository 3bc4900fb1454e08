import { MAX_PRESENCE_STATE_BYTES, PresenceClientState, type PresenceUser } from '@atelier/shared';
import * as decoding from 'lib0/decoding';
import type { PresenceEntry } from './presence';

export interface AwarenessIdentity {
  /** The Yjs client id this connection speaks for; fixed by its first awareness entry. */
  clientId: number | null;
  user: PresenceUser;
  /** `user` as JSON, made at the first state that needs it. */
  userJson?: string;
}

/** A JSON number (RFC 8259 grammar), captured. */
const NUMBER = '(-?(?:0|[1-9]\\d*)(?:\\.\\d+)?(?:[eE][+-]?\\d+)?)';
/**
 * The states a moving pointer sends, byte for byte: `{"cursor":{"x":…,"y":…}}` or
 * `{"cursor":null}`, optionally followed by `editing`/`dragging` as null or a short plain
 * string (what Atelier's client sends, in its key order). Such a state is relayed as the bytes
 * received, without a parse, a schema check and two serialisations; anything else takes the
 * full path. The string alternative excludes what JSON escapes (quote, backslash, controls),
 * so the bytes are valid JSON that `PresenceClientState` accepts.
 */
const POINTER_STATE = new RegExp(
  `^\\{"cursor":(?:null|\\{"x":${NUMBER},"y":${NUMBER}\\})((?:,"(?:editing|dragging)":(?:null|"[^"\\\\\\u0000-\\u001f]{0,64}"))*)\\}$`,
);
const COORDINATE_LIMIT = 1e7;

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
    const entry =
      pointerEntry(clientId, clock, json, identity) ?? sanitizedEntry(clientId, clock, json, identity);
    if (entry) kept.push(entry);
  }
  return kept;
}

/** The entry of a pointer-only state, its bytes relayed as received; `null` when `json` is not one. */
function pointerEntry(
  clientId: number,
  clock: number,
  json: string,
  identity: AwarenessIdentity,
): PresenceEntry | null {
  // The longest such state is far below the cap: no byte count needed.
  if (json.length > 256) return null;
  const match = POINTER_STATE.exec(json);
  if (!match) return null;
  const [, xText, yText, rest = ''] = match;
  let pointer: PresenceEntry['pointer'] = null;
  if (xText !== undefined && yText !== undefined) {
    const x = Number(xText);
    const y = Number(yText);
    if (!withinBoard(x) || !withinBoard(y)) return null;
    pointer = { x, y };
  }
  const user = userJsonOf(identity);
  const unpointed = `{${rest.slice(1)}}`;
  return {
    clientId,
    clock,
    json: withUser(json, user),
    light: json,
    pointer,
    unpointed,
    unpointedJson: withUser(unpointed, user),
    facilitator: identity.user.role === 'facilitator',
  };
}

function withinBoard(value: number): boolean {
  return Number.isFinite(value) && Math.abs(value) <= COORDINATE_LIMIT;
}

/** Any other state: parsed, checked against the schema, stripped, serialised again. */
function sanitizedEntry(
  clientId: number,
  clock: number,
  json: string,
  identity: AwarenessIdentity,
): PresenceEntry | null {
  const state = sanitize(json);
  if (state === undefined) return null;
  if (state === null) return { clientId, clock, json: null, light: null };
  const { cursor, ...others } = state as PresenceClientState;
  const user = userJsonOf(identity);
  const light = JSON.stringify(state);
  const unpointed = JSON.stringify(others);
  return {
    clientId,
    clock,
    json: withUser(light, user),
    light,
    pointer: cursor ?? null,
    unpointed,
    unpointedJson: withUser(unpointed, user),
    facilitator: identity.user.role === 'facilitator',
  };
}

function userJsonOf(identity: AwarenessIdentity): string {
  identity.userJson ??= JSON.stringify(identity.user);
  return identity.userJson;
}

/** A state object's JSON with `user` added last (the state holds no `user`: the schema strips it). */
function withUser(stateJson: string, userJson: string): string {
  return stateJson === '{}' ? `{"user":${userJson}}` : `${stateJson.slice(0, -1)},"user":${userJson}}`;
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
