/**
 * A room bus entry's wire format (docs/scale-out.md, "2. The room bus"): the fields of one
 * `XADD room:<name>` — `n` the sender's node id, `a`/`z` the first and last sequence number of
 * the turn's updates for that room, `u` the updates (each a lib0 var-length byte array,
 * concatenated), absent when the turn was too large to carry (the receiver reads rows `a..z`
 * from the database). What is read back from Redis is checked here: Redis is shared, and a
 * malformed entry must be skipped, not applied.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { z } from 'zod';

/** A turn whose updates weigh more than this goes without `u`: receivers read the rows. */
export const MAX_CARRIED_BYTES = 256 * 1024;

export interface BusEntry {
  /** The sending node's id. */
  node: string;
  /** First and last sequence number of the turn's updates for that room (contiguous). */
  from: number;
  to: number;
  /** The updates `from..to`, in order; `null` when the entry carries none (read them from the database). */
  updates: Uint8Array[] | null;
}

/** Encodes an entry's fields, as `XADD` takes them (name, value, name, value…). */
export function encodeEntry(entry: BusEntry): (string | Buffer)[] {
  const fields: (string | Buffer)[] = ['n', entry.node, 'a', String(entry.from), 'z', String(entry.to)];
  if (entry.updates === null) return fields;
  const size = entry.updates.reduce((sum, u) => sum + u.byteLength, 0);
  if (size > MAX_CARRIED_BYTES) return fields;
  const encoder = encoding.createEncoder();
  for (const update of entry.updates) encoding.writeVarUint8Array(encoder, update);
  const bytes = encoding.toUint8Array(encoder);
  fields.push('u', Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  return fields;
}

const seq = z
  .string()
  .regex(/^[1-9][0-9]{0,15}$/)
  .transform(Number)
  .refine(Number.isSafeInteger);

const rawEntry = z
  .object({
    n: z.string().min(1).max(100),
    a: seq,
    z: seq,
    u: z.instanceof(Buffer).optional(),
  })
  .refine((e) => e.a <= e.z, 'a > z');

/** Splits `u` into the updates it holds; `null` when its framing is broken or the count is wrong. */
function splitUpdates(bytes: Buffer, count: number): Uint8Array[] | null {
  // A copy with a buffer of its own: a view over a pooled Buffer would let a lying length read
  // past the field into unrelated memory instead of failing.
  const decoder = decoding.createDecoder(new Uint8Array(bytes));
  const updates: Uint8Array[] = [];
  try {
    while (decoding.hasContent(decoder)) updates.push(decoding.readVarUint8Array(decoder));
  } catch {
    return null;
  }
  return updates.length === count ? updates : null;
}

/**
 * Reads an entry's fields as `XREAD` gives them (Buffers, name then value); `null` when they do
 * not make an entry (unknown fields are ignored, a later version may add some).
 */
export function decodeEntry(fields: readonly Buffer[]): BusEntry | null {
  const record: Record<string, string | Buffer> = {};
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const name = (fields[i] as Buffer).toString();
    const value = fields[i + 1] as Buffer;
    record[name] = name === 'u' ? value : value.toString();
  }
  const parsed = rawEntry.safeParse(record);
  if (!parsed.success) return null;
  const { n, a, z: to, u } = parsed.data;
  if (u === undefined) return { node: n, from: a, to, updates: null };
  const updates = splitUpdates(u, to - a + 1);
  return updates === null ? null : { node: n, from: a, to, updates };
}
