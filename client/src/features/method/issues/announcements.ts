import type { ClusterHead } from '@atelier/shared';
import type { Announcements, Over, ScreenReaderInstructions, UniqueIdentifier } from '@dnd-kit/core';
import type { Translator } from '../../../i18n/translate';
import { boardStore } from '../../../state/store';
import { parseDragId } from './dragTargets';

/** The start of a note's text, to tell a screen-reader user which note they hold. */
function noteName(noteId: string): string {
  const text = boardStore.getState().notes[noteId]?.text.trim() ?? '';
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/**
 * Step 2's screen-reader messages: which note or issue is held, what it is over (each jump
 * of the arrow keys), and where it landed ("Contribution « … » placée dans l'enjeu « … »").
 * `issues` reads the ranked issues at the time of the event.
 */
export function issuesAccessibility(
  t: Translator,
  issues: () => readonly ClusterHead[],
): { announcements: Announcements; screenReaderInstructions: ScreenReaderInstructions } {
  const titleOf = (clusterId: string) => issues().find((issue) => issue.id === clusterId)?.title ?? '';
  const rankOf = (clusterId: string) => issues().findIndex((issue) => issue.id === clusterId) + 1;

  /** What the held note is over, in words. */
  const place = (over: Over | null): string => {
    if (!over) return t('issues.dnd.overNothing');
    const target = parseDragId(over.id);
    switch (target.kind) {
      case 'issue':
        return t('issues.dnd.overIssue', {
          title: titleOf(target.clusterId),
          rank: rankOf(target.clusterId),
        });
      case 'chip': {
        const cluster = boardStore.getState().notes[target.noteId]?.cluster ?? '';
        return t('issues.dnd.overChip', { text: noteName(target.noteId), title: titleOf(cluster) });
      }
      case 'new':
        return t('issues.dnd.overNew');
      case 'board':
        return t('issues.dnd.overBoard');
      case 'note':
        return t('issues.dnd.overNothing');
    }
  };

  const held = (id: UniqueIdentifier) => parseDragId(id);
  /** Where the held thing was picked up: the first "over" just says that, and would drown the pick-up message. */
  let atOrigin = false;
  const isOrigin = (active: UniqueIdentifier, over: Over | null): boolean => {
    const item = held(active);
    const target = over ? parseDragId(over.id) : null;
    if (item.kind === 'note') return target?.kind === 'board';
    if (item.kind === 'chip') {
      const cluster = boardStore.getState().notes[item.noteId]?.cluster;
      return target?.kind === 'issue' && target.clusterId === cluster;
    }
    return target?.kind === 'issue' && item.kind === 'issue' && target.clusterId === item.clusterId;
  };

  return {
    screenReaderInstructions: { draggable: t('issues.dnd.instructions') },
    announcements: {
      onDragStart({ active }) {
        atOrigin = true;
        const item = held(active.id);
        if (item.kind === 'issue') {
          return t('issues.dnd.pickIssue', {
            title: titleOf(item.clusterId),
            rank: rankOf(item.clusterId),
            count: issues().length,
          });
        }
        if (item.kind === 'note' || item.kind === 'chip')
          return t('issues.dnd.pickNote', { text: noteName(item.noteId) });
        return undefined;
      },
      onDragMove: () => undefined,
      onDragOver({ active, over }) {
        const first = atOrigin;
        atOrigin = false;
        if (first && isOrigin(active.id, over)) return undefined;
        const item = held(active.id);
        if (item.kind === 'issue') {
          const target = over ? parseDragId(over.id) : null;
          return target?.kind === 'issue'
            ? t('issues.dnd.overRank', { rank: rankOf(target.clusterId), count: issues().length })
            : undefined;
        }
        return place(over);
      },
      onDragEnd({ active, over }) {
        const item = held(active.id);
        const target = over ? parseDragId(over.id) : null;
        if (item.kind === 'issue') {
          const rank = target?.kind === 'issue' ? rankOf(target.clusterId) : rankOf(item.clusterId);
          return t('issues.dnd.ranked', { title: titleOf(item.clusterId), rank, count: issues().length });
        }
        if (item.kind !== 'note' && item.kind !== 'chip') return undefined;
        const text = noteName(item.noteId);
        switch (target?.kind) {
          case 'issue':
            return t('issues.dnd.placed', { text, title: titleOf(target.clusterId) });
          case 'chip': {
            const cluster = boardStore.getState().notes[target.noteId]?.cluster ?? '';
            return t('issues.dnd.placed', { text, title: titleOf(cluster) });
          }
          case 'new':
            return t('issues.dnd.toNew', { text });
          case 'board':
            return t(item.kind === 'chip' ? 'issues.dnd.toBoard' : 'issues.dnd.onBoard', { text });
          default:
            return t('issues.dnd.nowhere', { text });
        }
      },
      onDragCancel({ active }) {
        const item = held(active.id);
        if (item.kind === 'issue') return t('issues.dnd.cancelIssue', { title: titleOf(item.clusterId) });
        if (item.kind === 'note' || item.kind === 'chip')
          return t('issues.dnd.cancelNote', { text: noteName(item.noteId) });
        return undefined;
      },
    },
  };
}
