import type * as Y from 'yjs';
import { CONTROL_ROOTS, PRIVATE_ROOTS } from '../doc/layout';
import { SERVER_ORIGIN } from '../doc/origins';
import { rootMapChanges } from '../doc/updateEntries';
import { PublicRound } from './round';

/** The control document's vote rounds, by id (server-written; see layout.ts). */
export function votesMap(control: Y.Doc): Y.Map<unknown> {
  return control.getMap(CONTROL_ROOTS.votes);
}

/** Parsed rounds by stored object: a round is parsed once per publication, not per read. */
const parsedRounds = new WeakMap<object, PublicRound | null>();

function parseRound(value: unknown): PublicRound | null {
  if (typeof value !== 'object' || value === null) return null;
  let round = parsedRounds.get(value);
  if (round === undefined) {
    const parsed = PublicRound.safeParse(value);
    round = parsed.success ? parsed.data : null;
    parsedRounds.set(value, round);
  }
  return round;
}

/** Every published round, oldest first (a malformed entry is skipped). */
export function readRounds(control: Y.Doc): PublicRound[] {
  const rounds: PublicRound[] = [];
  for (const value of votesMap(control).values()) {
    const round = parseRound(value);
    if (round) rounds.push(round);
  }
  return rounds.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

export function readRound(control: Y.Doc, roundId: string): PublicRound | null {
  return parseRound(votesMap(control).get(roundId));
}

/**
 * Whether a (V1) update would change the control document's `votes` root (a round added,
 * replaced or deleted): the server refuses such a write from anyone but itself.
 */
export function updateTouchesVotes(control: Y.Doc, update: Uint8Array): boolean {
  const { entries, deletesEntry } = rootMapChanges(control, update, CONTROL_ROOTS.votes);
  return entries.length > 0 || deletesEntry;
}

/** Server: publishes a round's public face (replacing the previous one) in one transaction. */
export function publishRound(control: Y.Doc, round: PublicRound): void {
  const value = PublicRound.parse(round);
  control.transact(() => votesMap(control).set(value.id, value), SERVER_ORIGIN);
}

/** Server: takes a discarded round off the control document. */
export function unpublishRound(control: Y.Doc, roundId: string): void {
  control.transact(() => votesMap(control).delete(roundId), SERVER_ORIGIN);
}

/** A participant's private document's reminders: round id → epoch ms of the last nudge. */
export function remindersMap(privateDoc: Y.Doc): Y.Map<unknown> {
  return privateDoc.getMap(PRIVATE_ROOTS.reminders);
}

/** Server: the facilitator nudged this person about a round. */
export function addReminder(privateDoc: Y.Doc, roundId: string, at: number): void {
  privateDoc.transact(() => remindersMap(privateDoc).set(roundId, at), SERVER_ORIGIN);
}

export function readReminders(privateDoc: Y.Doc): Record<string, number> {
  const reminders: Record<string, number> = {};
  for (const [roundId, at] of remindersMap(privateDoc)) {
    if (typeof at === 'number' && Number.isFinite(at)) reminders[roundId] = at;
  }
  return reminders;
}
