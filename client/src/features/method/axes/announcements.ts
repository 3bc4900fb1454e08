import type { Announcements, ScreenReaderInstructions, UniqueIdentifier } from '@dnd-kit/core';
import type { Translator } from '../../../i18n/translate';
import { type AxesBoard, findIssue, zoneAxis } from './axesBoard';

/**
 * Step 3's screen-reader messages: which issue is held, which zone (the pool, an axis) it is
 * over, and where it landed. `board` reads the axes and issues at the time of the event.
 */
export function axesAccessibility(
  t: Translator,
  board: () => AxesBoard,
): { announcements: Announcements; screenReaderInstructions: ScreenReaderInstructions } {
  const issueTitle = (id: UniqueIdentifier) => findIssue(board(), String(id))?.title ?? '';
  const zoneName = (id: UniqueIdentifier) => {
    const axisId = zoneAxis(String(id));
    if (axisId === null) return t('axes.pool.title');
    const axis = board().axes.find((a) => a.id === axisId);
    return t('axes.menu.axis', { n: axis?.number ?? 0, title: axis?.title || t('axes.untitled') });
  };
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('axes.dnd.start', { title: issueTitle(active.id) }),
    onDragMove: () => undefined,
    onDragOver: ({ active, over }) =>
      over
        ? t('axes.dnd.over', { title: issueTitle(active.id), zone: zoneName(over.id) })
        : t('axes.dnd.nowhere', { title: issueTitle(active.id) }),
    onDragEnd: ({ active, over }) =>
      over
        ? t('axes.dnd.end', { title: issueTitle(active.id), zone: zoneName(over.id) })
        : t('axes.dnd.cancel', { title: issueTitle(active.id) }),
    onDragCancel: ({ active }) => t('axes.dnd.cancel', { title: issueTitle(active.id) }),
  };
  return { announcements, screenReaderInstructions: { draggable: t('axes.dnd.instructions') } };
}
