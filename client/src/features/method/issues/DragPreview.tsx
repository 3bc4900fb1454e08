import type { ClusterHead } from '@atelier/shared';
import type { UniqueIdentifier } from '@dnd-kit/core';
import type { CSSProperties } from 'react';
import { useT } from '../../../i18n/locale';
import { useBoard } from '../../../state/store';
import { noteColors } from '../../../toolbox/notes/colors';
import { parseDragId } from './dragTargets';
import type { NotesByIssue } from './sortedNotes';

/** What follows the pointer: the note (as a card or a chip, at the size it was picked up) or the issue. */
export function DragPreview({
  id,
  issues,
  notesByIssue,
}: {
  id: UniqueIdentifier;
  issues: readonly ClusterHead[];
  notesByIssue: NotesByIssue;
}) {
  const t = useT();
  const item = parseDragId(id);
  const themes = useBoard((s) => s.themes);
  const noteId = item.kind === 'note' || item.kind === 'chip' ? item.noteId : null;
  const note = useBoard((s) => (noteId ? s.notes[noteId] : undefined));
  if (item.kind === 'issue') {
    const index = issues.findIndex((issue) => issue.id === item.clusterId);
    const issue = issues[index];
    if (!issue) return null;
    return (
      <div className="issue issue--overlay" data-testid="issues.drag-preview">
        <div className="issue__head">
          <span className="issue__rank">{index + 1}</span>
          <span className="issue__title">{issue.title || t('issues.untitled')}</span>
        </div>
        <span className="issue__count">
          {t.plural('issues.notes', notesByIssue.get(issue.id)?.length ?? 0)}
        </span>
      </div>
    );
  }
  if (!note) return null;
  const colors = noteColors(themes.find((theme) => theme.id === note.theme));
  return (
    <div
      className={item.kind === 'chip' ? 'issues-drag-note issues-drag-note--chip' : 'issues-drag-note'}
      style={{ '--chip-accent': colors.accent, '--chip-background': colors.background } as CSSProperties}
      data-testid="issues.drag-preview"
    >
      {note.text.trim() || t('issues.chipEmpty')}
    </div>
  );
}
