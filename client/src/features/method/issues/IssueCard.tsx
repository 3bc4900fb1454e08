import { ClusterDescription, type ClusterHead, ClusterTitle, type Theme } from '@atelier/shared';
import { useSortable } from '@dnd-kit/sortable';
import { type CSSProperties, memo, useState } from 'react';
import { useT } from '../../../i18n/locale';
import { tablesAttribute } from '../../../state/tableFilter';
import type { BoardNote } from '../../../state/types';
import { dragHandleProps } from '../../../toolbox/canvas/dragHandle';
import { noteColors, themeLabel } from '../../../toolbox/notes/colors';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { TableProvenance } from '../../facilitation/tables/plenary/TableProvenance';
import { draggedNote, type IssueDropData, issueId } from './dragTargets';
import { IssueMenu } from './IssueMenu';
import { IssueTextField } from './IssueTextField';
import { NoteChip } from './NoteChip';
import { themeCounts } from './sortedNotes';
import type { IssueCommands } from './useIssueCommands';

interface Props {
  issue: ClusterHead;
  /** 1 for the first. */
  rank: number;
  notes: readonly BoardNote[];
  themes: readonly Theme[];
  editable: boolean;
  /** Whether its handle moves it in the ranking (not while the list is grouped by table). */
  rankable: boolean;
  commands: IssueCommands;
  /** Puts a chip's note back on the board (beside where it was). */
  onBack: (noteId: string) => void;
}

const validTitle = (value: string) => ClusterTitle.safeParse(value).success;
const validDescription = (value: string) => ClusterDescription.safeParse(value).success;

/** The fields that change what a card shows: a new object with the same values re-renders nothing. */
function sameIssue(a: ClusterHead, b: ClusterHead): boolean {
  return (
    a.id === b.id &&
    a.title === b.title &&
    a.description === b.description &&
    a.order === b.order &&
    a.table === b.table &&
    a.fromTables.join(' ') === b.fromTables.join(' ')
  );
}

/**
 * One issue of the ranked list: its rank and handle (sortable), its title and description
 * edited in place by everyone at once, the themes of its notes, and its notes as chips. A
 * note dropped on the card goes to its end; on a chip, before that chip.
 */
export const IssueCard = memo(
  function IssueCard({ issue, rank, notes, themes, editable, rankable, commands, onBack }: Props) {
    const t = useT();
    const data: IssueDropData = { rank: rank - 1 };
    // Not rankable, it still takes notes dropped on it.
    const sortable = useSortable({
      id: issueId(issue.id),
      data,
      disabled: { draggable: !editable || !rankable, droppable: !editable },
    });
    const { setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = sortable;
    const noteOver = sortable.isOver && sortable.active !== null && draggedNote(sortable.active.id) !== null;
    const [dissolving, setDissolving] = useState(false);
    const title = issue.title || t('issues.untitled');
    const counts = themeCounts(notes, themes);
    const style: CSSProperties = {
      transform: transform
        ? `translate3d(${Math.round(transform.x)}px, ${Math.round(transform.y)}px, 0)`
        : undefined,
      transition,
    };
    const handle = dragHandleProps(sortable);

    return (
      <li
        ref={setNodeRef}
        style={style}
        className={['issue', isDragging ? 'issue--dragging' : '', noteOver ? 'issue--over' : ''].join(' ')}
        data-testid="issues.issue"
        data-issue-id={issue.id}
        data-rank={rank}
        data-title={issue.title}
        data-count={notes.length}
        data-item-tables={tablesAttribute(issue)}
        aria-label={`${t('issues.rank', { n: rank })} — ${title}`}
      >
        <div className="issue__head">
          {editable && rankable && (
            <button
              type="button"
              ref={setActivatorNodeRef}
              {...handle}
              className="issue__handle"
              aria-label={t('issues.handle', { title })}
              title={t('issues.handle', { title })}
              data-testid="issues.handle"
            >
              <svg width="14" height="20" viewBox="0 0 14 20" aria-hidden="true" focusable="false">
                {[4, 10, 16].map((y) =>
                  [4, 10].map((x) => <circle key={`${x}-${y}`} cx={x} cy={y} r="1.8" fill="currentColor" />),
                )}
              </svg>
            </button>
          )}
          <span className="issue__rank" data-testid="issues.rank">
            <span className="visually-hidden">{t('issues.rank', { n: rank })}</span>
            <span aria-hidden="true">{rank}</span>
          </span>
          <div className="issue__title-wrap">
            {editable ? (
              <IssueTextField
                clusterId={issue.id}
                field="title"
                className="issue__title issue__title--field"
                label={t('issues.title')}
                maxLength={120}
                testId="issues.title"
                valid={validTitle}
                write={(value) => commands.rename(issue.id, value)}
                invalidText={t('issues.invalidTitle')}
              />
            ) : (
              <h3 className="issue__title" data-testid="issues.title">
                {title}
              </h3>
            )}
          </div>
          {editable && (
            <IssueMenu
              issue={issue}
              onMerge={(from) => {
                try {
                  commands.merge(from.id, issue.id);
                  return null;
                } catch (error) {
                  return error instanceof Error && /too long/.test(error.message)
                    ? t('issues.mergeTooLong')
                    : t('issues.failed');
                }
              }}
              onDissolve={() => setDissolving(true)}
            />
          )}
        </div>
        {editable ? (
          <IssueTextField
            clusterId={issue.id}
            field="description"
            multiline
            className="issue__description issue__description--field"
            label={t('issues.description')}
            placeholder={t('issues.descriptionPlaceholder')}
            maxLength={2000}
            testId="issues.description"
            valid={validDescription}
            write={(value) => commands.describe(issue.id, value)}
            invalidText={t('issues.invalidDescription')}
          />
        ) : (
          issue.description.trim() !== '' && (
            <p className="issue__description" data-testid="issues.description">
              {issue.description}
            </p>
          )
        )}
        <div className="issue__meta">
          <span className="issue__count" data-testid="issues.count">
            {t.plural('issues.notes', notes.length)}
          </span>
          <TableProvenance item={issue} />
          {counts.length > 0 && (
            <ul className="issue__themes" aria-label={t('issues.themes')}>
              {counts.map(({ theme, count }) => {
                const label = theme ? themeLabel(theme, t.locale) : t('issues.noTheme');
                return (
                  <li
                    key={theme?.id ?? ''}
                    className="issue__theme"
                    style={{ '--theme-accent': noteColors(theme ?? undefined).accent } as CSSProperties}
                    title={t('issues.themeCount', { theme: label, n: count })}
                  >
                    <span className="issue__theme-dot" aria-hidden="true" />
                    <span className="issue__theme-label">{label}</span>
                    <span className="issue__theme-count">{count}</span>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
        {notes.length > 0 ? (
          <ul className="issue__notes" aria-label={t('issues.notesOf', { title })}>
            {notes.map((note) => (
              <NoteChip
                key={note.id}
                note={note}
                theme={note.theme ? themes.find((theme) => theme.id === note.theme) : undefined}
                editable={editable}
                onBack={onBack}
              />
            ))}
          </ul>
        ) : (
          editable && <p className="issue__drop-hint">{t('issues.dropHere')}</p>
        )}
        {dissolving && (
          <ConfirmDialog
            testId="issues.dissolve-confirm"
            title={t('issues.dissolveTitle', { title })}
            text={t.plural('issues.dissolveText', notes.length)}
            confirmLabel={t('issues.dissolveConfirm')}
            cancelLabel={t('issues.cancel')}
            onCancel={() => setDissolving(false)}
            onConfirm={() => {
              setDissolving(false);
              commands.dissolve(issue.id);
            }}
          />
        )}
      </li>
    );
  },
  (prev, next) =>
    sameIssue(prev.issue, next.issue) &&
    prev.rank === next.rank &&
    prev.notes === next.notes &&
    prev.themes === next.themes &&
    prev.editable === next.editable &&
    prev.rankable === next.rankable &&
    prev.commands === next.commands &&
    prev.onBack === next.onBack,
);
