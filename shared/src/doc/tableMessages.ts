import { uuidv4 } from 'lib0/random';
import type * as Y from 'yjs';
import { z } from 'zod';
import { CONTROL_ROOTS } from './layout';
import { LOCAL_ORIGIN } from './origins';
import { readTable, TableId } from './tables';

/**
 * The facilitator's messages to the tables ("Il vous reste 5 minutes", "Table 2 : pensez aux
 * coûts"): control root `tableMessages`, `Y.Map<id, TableMessage>` of plain values written
 * once. One key per message, so two facilitators sending at once keep both; only facilitators
 * (and the server) write the control document, participants read it and see the messages
 * addressed to their table or to everyone. Dismissing one is each reader's own business.
 */

/** Longest message: a tweet's length, read at a glance. */
export const TABLE_MESSAGE_MAX = 280;

export const TableMessageInput = z.object({
  text: z.string().trim().min(1, 'A message cannot be empty').max(TABLE_MESSAGE_MAX),
  /** The table it is for, or `null`: every table (the whole room). */
  table: TableId.nullable(),
});
export type TableMessageInput = z.input<typeof TableMessageInput>;

/** A message as everyone reads it. */
export interface TableMessage {
  id: string;
  text: string;
  /** The table it is for, `null` for all. A table since removed keeps its id here. */
  table: string | null;
  /** Epoch ms (the server's clock, as the sender's app reads it). */
  at: number;
}

export function tableMessagesMap(control: Y.Doc): Y.Map<unknown> {
  return control.getMap(CONTROL_ROOTS.tableMessages);
}

/** Every well-formed message, the latest first. Never defines the root of a document that has none. */
export function readTableMessages(control: Y.Doc): TableMessage[] {
  if (!control.share.has(CONTROL_ROOTS.tableMessages)) return [];
  const out: TableMessage[] = [];
  for (const [id, value] of tableMessagesMap(control).entries()) {
    const message = parseMessage(id, value);
    if (message) out.push(message);
  }
  return out.sort((a, b) => b.at - a.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The messages someone seated at `seat` (`null`: no seat) gets: those for all, and those for their table. */
export function messagesFor(messages: readonly TableMessage[], seat: string | null): TableMessage[] {
  return messages.filter((m) => m.table === null || (seat !== null && m.table === seat));
}

/**
 * Facilitator command: sends a message to one table or to all. Throws (zod) on an empty or
 * too long text, and on a table that does not exist.
 */
export function sendTableMessage(
  control: Y.Doc,
  input: TableMessageInput,
  { id = uuidv4(), now = Date.now() }: { id?: string; now?: number } = {},
): TableMessage {
  const { text, table } = TableMessageInput.parse(input);
  TableId.parse(id);
  if (table !== null && !readTable(control, table)) throw new Error(`No table ${table}`);
  const message: TableMessage = { id, text, table, at: now };
  control.transact(() => tableMessagesMap(control).set(id, { ...message }), LOCAL_ORIGIN);
  return message;
}

/** Facilitator command: takes one message back (it disappears from every screen). */
export function deleteTableMessage(control: Y.Doc, id: string): void {
  if (!control.share.has(CONTROL_ROOTS.tableMessages) || !tableMessagesMap(control).has(id)) return;
  control.transact(() => tableMessagesMap(control).delete(id), LOCAL_ORIGIN);
}

/** Facilitator command: clears every message (the ones sent meanwhile by another facilitator stay). */
export function clearTableMessages(control: Y.Doc): void {
  if (!control.share.has(CONTROL_ROOTS.tableMessages)) return;
  const map = tableMessagesMap(control);
  if (map.size === 0) return;
  control.transact(() => {
    for (const id of [...map.keys()]) map.delete(id);
  }, LOCAL_ORIGIN);
}

const StoredMessage = z.object({
  text: z.string().min(1).max(TABLE_MESSAGE_MAX),
  table: z.string().min(1).nullable(),
  at: z.number().finite().nonnegative(),
});

function parseMessage(id: string, value: unknown): TableMessage | null {
  const parsed = StoredMessage.safeParse(value);
  return parsed.success ? { id, ...parsed.data } : null;
}
