import { ACTION_TEXT_FIELDS, type ActionTextField, PresenceUser, SheetPresence } from '@atelier/shared';
import type { PresenceStores } from './presenceStores';
import type {
  NoteActivity,
  PresenceView,
  RemoteCursor,
  RemotePeer,
  RemoteSheetCaret,
  SheetActivity,
  ViewArea,
} from './types';

/**
 * Reads other tabs' awareness states. The server stamps `user` on a client's first state
 * and in the snapshot a newcomer gets, then relays later states without it (it is most of
 * their bytes); `knownUsers` keeps the last one seen per client id. Entries with no
 * server-vouched user at all are skipped: we never show a name the server did not give.
 */
export function parsePeers(
  states: ReadonlyMap<number, unknown>,
  selfClientId: number,
  knownUsers: Map<number, PresenceUser> = new Map(),
): RemotePeer[] {
  const peers: RemotePeer[] = [];
  for (const [clientId, raw] of states) {
    if (clientId === selfClientId || typeof raw !== 'object' || raw === null) continue;
    const state = raw as Record<string, unknown>;
    const stamped = state.user === undefined ? null : PresenceUser.safeParse(state.user);
    if (stamped?.success) knownUsers.set(clientId, stamped.data);
    const user = stamped === null ? knownUsers.get(clientId) : stamped.success ? stamped.data : undefined;
    if (!user) continue;
    const sheet =
      state.sheet === undefined || state.sheet === null ? null : SheetPresence.safeParse(state.sheet);
    peers.push({
      clientId,
      user,
      cursor: readPoint(state.cursor),
      editing: typeof state.editing === 'string' ? state.editing : null,
      dragging: typeof state.dragging === 'string' ? state.dragging : null,
      view: readArea(state.view),
      ...(sheet?.success ? { sheet: sheet.data } : {}),
    });
  }
  return peers;
}

/** The derived presence view: distinct people (yourself first), cursors, and who works on which note. */
export function derivePresence(peers: readonly RemotePeer[], self: PresenceUser | null): PresenceView {
  const people = new Map<string, PresenceUser>();
  if (self) people.set(self.participantId, self);
  const others = [...peers].sort((a, b) => a.user.name.localeCompare(b.user.name) || a.clientId - b.clientId);
  for (const peer of others) {
    if (!people.has(peer.user.participantId)) people.set(peer.user.participantId, peer.user);
  }
  const cursors: RemoteCursor[] = [];
  const activity: Record<string, NoteActivity[]> = {};
  const views: Record<string, ViewArea> = {};
  const sheets: Record<string, SheetActivity[]> = {};
  const carets: RemoteSheetCaret[] = [];
  for (const peer of peers) {
    const { name, color, participantId } = peer.user;
    if (peer.view) views[participantId] = peer.view;
    if (peer.sheet) {
      const { id, field, anchor, head } = peer.sheet;
      // One entry per person: a second tab counts only when it is in a field and the first is not.
      const list = sheets[id] ?? [];
      const same = list.findIndex((entry) => entry.participantId === participantId);
      if (same === -1) list.push({ participantId, name, color, field });
      else if (list[same]?.field === null) list[same] = { participantId, name, color, field };
      sheets[id] = list;
      if (field !== null && isTextField(field) && anchor !== null && head !== null)
        carets.push({ clientId: peer.clientId, participantId, name, color, sheet: id, field, anchor, head });
    }
    if (peer.cursor) cursors.push({ clientId: peer.clientId, participantId, name, color, ...peer.cursor });
    const add = (noteId: string, kind: NoteActivity['kind']) => {
      const list = activity[noteId] ?? [];
      list.push({ participantId, name, color, kind });
      activity[noteId] = list;
    };
    if (peer.editing) add(peer.editing, 'editing');
    if (peer.dragging && peer.dragging !== peer.editing) add(peer.dragging, 'dragging');
  }
  for (const list of Object.values(sheets)) list.sort((a, b) => a.name.localeCompare(b.name));
  return { people: [...people.values()], cursors, activity, views, sheets, carets };
}

function isTextField(field: string): field is ActionTextField {
  return (ACTION_TEXT_FIELDS as readonly string[]).includes(field);
}

/**
 * Writes a presence view into the store, keeping the previous objects wherever nothing
 * changed: cursors move 20 times a second, avatars and note outlines must not re-render.
 */
export function applyPresence(stores: PresenceStores, next: PresenceView): void {
  const prev = stores.presence.getState();
  const people = sameJson(prev.people, next.people) ? prev.people : next.people;
  const activity: Record<string, readonly NoteActivity[]> = {};
  let activityChanged = Object.keys(prev.activity).length !== Object.keys(next.activity).length;
  for (const [id, list] of Object.entries(next.activity)) {
    const before = prev.activity[id];
    if (before && sameJson(before, list)) activity[id] = before;
    else {
      activity[id] = list;
      activityChanged = true;
    }
  }
  // Per sheet too: a card re-renders only when its own people change.
  const sheets: Record<string, readonly SheetActivity[]> = {};
  let sheetsChanged = Object.keys(prev.sheets).length !== Object.keys(next.sheets).length;
  for (const [id, list] of Object.entries(next.sheets)) {
    const before = prev.sheets[id];
    if (before && sameJson(before, list)) sheets[id] = before;
    else {
      sheets[id] = list;
      sheetsChanged = true;
    }
  }
  if (people !== prev.people || activityChanged || sheetsChanged) {
    stores.presence.setState({
      people,
      activity: activityChanged ? activity : prev.activity,
      sheets: sheetsChanged ? sheets : prev.sheets,
    });
  }
  // Views change with the leader's every pan, like cursors: they live in the cursors' store.
  const moving = stores.cursors.getState();
  const cursors = sameJson(moving.cursors, next.cursors) ? moving.cursors : next.cursors;
  const views = sameJson(moving.views, next.views) ? moving.views : next.views;
  const carets = sameJson(moving.carets, next.carets) ? moving.carets : next.carets;
  if (cursors !== moving.cursors || views !== moving.views || carets !== moving.carets)
    stores.cursors.setState({ cursors, views, carets });
}

function readArea(value: unknown): ViewArea | null {
  const point = readPoint(value);
  if (!point) return null;
  const { width, height } = value as Record<string, unknown>;
  return typeof width === 'number' && width > 0 && typeof height === 'number' && height > 0
    ? { ...point, width, height }
    : null;
}

function readPoint(value: unknown): { x: number; y: number } | null {
  if (typeof value !== 'object' || value === null) return null;
  const { x, y } = value as Record<string, unknown>;
  return typeof x === 'number' && Number.isFinite(x) && typeof y === 'number' && Number.isFinite(y)
    ? { x, y }
    : null;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
