import type { Theme } from '@atelier/shared';
import { useRef } from 'react';
import { type BoardState, useBoard } from '../../../state/store';
import type { BoardNote } from '../../../state/types';

/** Each issue's notes, in their order inside it (issue id → notes). */
export type NotesByIssue = ReadonlyMap<string, readonly BoardNote[]>;

const EMPTY: NotesByIssue = new Map();

function byOrder(a: BoardNote, b: BoardNote): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** What an issue shows of its notes (chips): a note moved on the board changes none of it. */
function sameChip(a: BoardNote, b: BoardNote): boolean {
  return (
    a === b ||
    (a.id === b.id &&
      a.text === b.text &&
      a.theme === b.theme &&
      a.author === b.author &&
      a.order === b.order)
  );
}

function sameNotes(a: readonly BoardNote[], b: readonly BoardNote[]): boolean {
  return a.length === b.length && a.every((note, i) => sameChip(note, b[i] as BoardNote));
}

/**
 * The notes sorted into an issue, grouped by issue, reusing `prev`'s arrays (and `prev`
 * itself) where nothing an issue shows changed: a note moving on the board, hundreds of times
 * a second in a busy room, re-renders no issue, even when it is a sorted note moved by someone
 * still on step 1 (the arrays then keep its older position: read positions from the store).
 * Private drafts are never in an issue.
 */
export function groupSortedNotes(
  notes: Readonly<Record<string, BoardNote>>,
  prev: NotesByIssue,
): NotesByIssue {
  const fresh = new Map<string, BoardNote[]>();
  for (const note of Object.values(notes)) {
    if (note.cluster === null || note.draft) continue;
    const list = fresh.get(note.cluster);
    if (list) list.push(note);
    else fresh.set(note.cluster, [note]);
  }
  let changed = fresh.size !== prev.size;
  const next = new Map<string, readonly BoardNote[]>();
  for (const [cluster, list] of fresh) {
    list.sort(byOrder);
    const old = prev.get(cluster);
    if (old && sameNotes(old, list)) next.set(cluster, old);
    else {
      next.set(cluster, list);
      changed = true;
    }
  }
  return changed ? next : prev;
}

/** The notes of every issue, from the board store (see `groupSortedNotes`). */
export function useNotesByIssue(): NotesByIssue {
  const cache = useRef<{ notes: BoardState['notes'] | null; value: NotesByIssue }>({
    notes: null,
    value: EMPTY,
  });
  return useBoard((s) => {
    const last = cache.current;
    if (last.notes === s.notes) return last.value;
    cache.current = { notes: s.notes, value: groupSortedNotes(s.notes, last.value) };
    return cache.current.value;
  });
}

export interface ThemeCount {
  /** Theme id, or `null` for the notes without an active theme. */
  theme: Theme | null;
  count: number;
}

/** How many of an issue's notes carry each theme, the most frequent first (ties in the themes' order), untagged last. */
export function themeCounts(notes: readonly BoardNote[], themes: readonly Theme[]): ThemeCount[] {
  const counts = new Map<string | null, number>();
  for (const note of notes) {
    const key = note.theme !== null && themes.some((theme) => theme.id === note.theme) ? note.theme : null;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const out: ThemeCount[] = [];
  themes.forEach((theme) => {
    const count = counts.get(theme.id);
    if (count) out.push({ theme, count });
  });
  out.sort((a, b) => b.count - a.count);
  const untagged = counts.get(null);
  if (untagged) out.push({ theme: null, count: untagged });
  return out;
}

/**
 * A title for an issue made from a note: its first line, spaces collapsed, cut at a word
 * before `max` characters (the person edits it before creating the issue).
 */
export function titleFromNote(text: string, max = 60): string {
  const line = (text.split('\n').find((part) => part.trim() !== '') ?? '').replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return (space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '');
}
