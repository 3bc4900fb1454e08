/**
 * The y-websocket message bytes the light clients write and peek at, and Hocuspocus's framing
 * around them (every Hocuspocus message starts with the document name as a varString).
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

export const MESSAGE = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const;
export const SYNC = {
  step1: syncProtocol.messageYjsSyncStep1,
  step2: syncProtocol.messageYjsSyncStep2,
  update: syncProtocol.messageYjsUpdate,
} as const;

/** Hocuspocus protocol version the light client announces (as @hocuspocus/provider 4.7 does). */
const HOCUSPOCUS_AUTH_TOKEN = 0;

export function syncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.sync);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

/** Reply to a sync step 1: what `doc` has beyond the given state vector. */
export function syncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.sync);
  syncProtocol.writeSyncStep2(encoder, doc, stateVector);
  return encoding.toUint8Array(encoder);
}

export function syncUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** One client's awareness entry, byte for byte what y-protocols' `encodeAwarenessUpdate` writes. */
export function awarenessMessage(clientId: number, clock: number, state: unknown): Uint8Array {
  const entry = encoding.createEncoder();
  encoding.writeVarUint(entry, 1);
  encoding.writeVarUint(entry, clientId);
  encoding.writeVarUint(entry, clock);
  encoding.writeVarString(entry, JSON.stringify(state));
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.awareness);
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(entry));
  return encoding.toUint8Array(encoder);
}

/** Hocuspocus's first message on a document: its token (and the provider version). */
export function hocuspocusAuth(documentName: string, token: string, providerVersion: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, documentName);
  encoding.writeVarUint(encoder, MESSAGE.auth);
  encoding.writeVarUint(encoder, HOCUSPOCUS_AUTH_TOKEN);
  encoding.writeVarString(encoder, token);
  encoding.writeVarString(encoder, providerVersion);
  return encoding.toUint8Array(encoder);
}

/** Prefixes a y-websocket message with the document name (Hocuspocus framing). */
export function withDocumentName(documentName: string, message: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, documentName);
  encoding.writeUint8Array(encoder, message);
  return encoding.toUint8Array(encoder);
}

/** A decoder positioned after the Hocuspocus document name. */
export function skipDocumentName(data: Uint8Array): decoding.Decoder {
  const decoder = decoding.createDecoder(data);
  decoding.readVarString(decoder);
  return decoder;
}

export interface PeekedMessage {
  type: number;
  /** Sync sub-type for sync messages, -1 otherwise. */
  syncType: number;
  decoder: decoding.Decoder;
}

/** Reads only the message type (and the sync sub-type): the light clients' whole decoding. */
export function peek(decoder: decoding.Decoder): PeekedMessage {
  const type = decoding.readVarUint(decoder);
  const syncType = type === MESSAGE.sync ? decoding.readVarUint(decoder) : -1;
  return { type, syncType, decoder };
}

/** Applies the payload of a sync step 2 or update message (after `peek`). */
export function applySyncPayload(doc: Y.Doc, decoder: decoding.Decoder, origin: unknown): void {
  Y.applyUpdate(doc, decoding.readVarUint8Array(decoder), origin);
}
