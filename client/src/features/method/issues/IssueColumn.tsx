import { type ClusterHead, ClusterTitle } from '@atelier/shared';
import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useT } from '../../../i18n/locale';
import { useBoard } from '../../../state/store';
import { FieldError, fieldErrorProps } from '../../../ui/FieldWithError';
import { TableSectionBlock, useTableSections } from '../../facilitation/tables/plenary/TableSections';
import { draggedNote, issueId, NEW_ISSUE_TARGET } from './dragTargets';
import { IssueCard } from './IssueCard';
import { shortText } from './NoteChip';
import type { NotesByIssue } from './sortedNotes';
import { titleFromNote } from './sortedNotes';
import type { IssueCommands } from './useIssueCommands';

/** The "new issue" form: open from the button (no note) or from a note dropped on the zone. */
export interface NewIssueDraft {
  noteId: string | null;
  /** Bumped each time the form is asked for, so it takes the focus again. */
  seq: number;
}

interface Props {
  issues: readonly ClusterHead[];
  notesByIssue: NotesByIssue;
  editable: boolean;
  commands: IssueCommands;
  draft: NewIssueDraft | null;
  onDraft: (draft: NewIssueDraft | null) => void;
  onCreate: (title: string, noteId: string | null) => void;
  onBack: (noteId: string) => void;
}

const NO_NOTES: readonly never[] = [];

/**
 * The "Enjeux" column: the issues in their ranking (sortable by their handle), then the
 * "new issue" zone where a dropped note becomes an issue (its title asked inline). Grouped
 * by table (back in plenary), one list per table, each issue keeping its rank in the whole
 * ranking; the ranking is one list, so it is changed only when the issues are not grouped.
 */
export function IssueColumn({
  issues,
  notesByIssue,
  editable,
  commands,
  draft,
  onDraft,
  onCreate,
  onBack,
}: Props) {
  const t = useT();
  const themes = useBoard((s) => s.themes);
  const sections = useTableSections(issues);
  // The drag ids in the order shown (grouped, the sections' order).
  const items = useMemo(
    () =>
      (sections ? sections.flatMap((section) => section.items) : issues).map((issue) => issueId(issue.id)),
    [issues, sections],
  );
  const ranks = useMemo(() => new Map(issues.map((issue, index) => [issue.id, index + 1])), [issues]);
  const headingId = useId();
  const card = (issue: ClusterHead) => (
    <IssueCard
      key={issue.id}
      issue={issue}
      rank={ranks.get(issue.id) ?? 0}
      notes={notesByIssue.get(issue.id) ?? NO_NOTES}
      themes={themes}
      editable={editable}
      rankable={sections === null}
      commands={commands}
      onBack={onBack}
    />
  );
  return (
    <section className="issues-column" aria-labelledby={headingId} data-testid="issues.column">
      <header className="issues-column__head">
        <h2 id={headingId}>{t('issues.column')}</h2>
        <span className="issues-column__count" data-testid="issues.total">
          {t.plural('issues.count', issues.length)}
        </span>
        {editable && (
          <button
            type="button"
            className="button button--primary issues-column__add"
            data-testid="issues.add"
            title={t('issues.addLabel')}
            onClick={() => onDraft({ noteId: null, seq: (draft?.seq ?? 0) + 1 })}
          >
            {t('issues.add')}
          </button>
        )}
      </header>
      <div className="issues-column__scroll">
        {editable && sections && (
          <p className="issues-column__hint hint" data-testid="issues.groupedHint">
            {t('tables.groupedNoRanking')}
          </p>
        )}
        {issues.length === 0 && (
          <p className="issues-column__empty">{t(editable ? 'issues.empty' : 'issues.emptyReadonly')}</p>
        )}
        <SortableContext items={items} strategy={verticalListSortingStrategy}>
          {sections ? (
            sections.map((section) => (
              <TableSectionBlock
                key={section.table ?? ''}
                table={section.table}
                count={section.items.length}
                countLabel={t.plural('issues.count', section.items.length)}
                className="issues-section"
              >
                {section.items.length > 0 && (
                  <ol className="issues-list" aria-label={t('issues.list')} data-testid="issues.list">
                    {section.items.map(card)}
                  </ol>
                )}
              </TableSectionBlock>
            ))
          ) : (
            <ol className="issues-list" aria-label={t('issues.list')} data-testid="issues.list">
              {issues.map(card)}
            </ol>
          )}
        </SortableContext>
        {editable && <NewIssueZone draft={draft} onDraft={onDraft} onCreate={onCreate} />}
      </div>
    </section>
  );
}

function NewIssueZone({
  draft,
  onDraft,
  onCreate,
}: {
  draft: NewIssueDraft | null;
  onDraft: (draft: NewIssueDraft | null) => void;
  onCreate: (title: string, noteId: string | null) => void;
}) {
  const t = useT();
  const { setNodeRef, isOver, active } = useDroppable({ id: NEW_ISSUE_TARGET, disabled: draft !== null });
  const noteOver = isOver && active !== null && draggedNote(active.id) !== null;
  return (
    <div
      ref={setNodeRef}
      className={['issues-new', noteOver ? 'issues-new--over' : '', draft ? 'issues-new--form' : ''].join(
        ' ',
      )}
      data-testid="issues.new-zone"
    >
      {draft ? (
        <NewIssueForm key={draft.seq} draft={draft} onCancel={() => onDraft(null)} onCreate={onCreate} />
      ) : (
        <>
          <span className="issues-new__title">{t('issues.newZone')}</span>
          <span className="issues-new__hint">{t('issues.newZoneHint')}</span>
        </>
      )}
    </div>
  );
}

function NewIssueForm({
  draft,
  onCancel,
  onCreate,
}: {
  draft: NewIssueDraft;
  onCancel: () => void;
  onCreate: (title: string, noteId: string | null) => void;
}) {
  const t = useT();
  const noteText = useBoard((s) => (draft.noteId ? (s.notes[draft.noteId]?.text ?? '') : ''));
  const [title, setTitle] = useState(() => titleFromNote(noteText));
  const [error, setError] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const errorId = useId();
  useEffect(() => {
    const input = inputRef.current;
    if (!input) return;
    input.scrollIntoView({ block: 'nearest' });
    input.focus();
    input.select();
  }, []);
  return (
    <form
      className="issues-new__form"
      data-testid="issues.new-form"
      onSubmit={(event) => {
        event.preventDefault();
        const parsed = ClusterTitle.safeParse(title);
        setError(!parsed.success);
        if (parsed.success) onCreate(parsed.data, draft.noteId);
      }}
    >
      <label htmlFor={inputId} className="issues-new__label">
        {t('issues.newTitle')}
      </label>
      {draft.noteId && noteText.trim() !== '' && (
        <p className="issues-new__from">{t('issues.newFrom', { text: shortText(noteText, 80) })}</p>
      )}
      <input
        ref={inputRef}
        id={inputId}
        className="input"
        value={title}
        maxLength={120}
        placeholder={t('issues.newPlaceholder')}
        {...fieldErrorProps(errorId, error)}
        data-testid="issues.new-title"
        onChange={(event) => {
          setTitle(event.target.value);
          if (error) setError(!ClusterTitle.safeParse(event.target.value).success);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            onCancel();
          }
        }}
      />
      <FieldError id={errorId} error={error && t('issues.invalidTitle')} className="issue__error" />
      <div className="issues-new__actions">
        <button type="button" className="button" onClick={onCancel} data-testid="issues.new-cancel">
          {t('issues.cancel')}
        </button>
        <button type="submit" className="button button--primary" data-testid="issues.new-create">
          {t('issues.create')}
        </button>
      </div>
    </form>
  );
}
