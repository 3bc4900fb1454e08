import type { Theme } from '@atelier/shared';
import { type CSSProperties, memo, useContext } from 'react';
import { useT } from '../../i18n/locale';
import { presentNames } from '../../state/people';
import { usePresence } from '../../state/presenceStores';
import { boardStore } from '../../state/store';
import type { NoteActivity } from '../../state/types';
import { useView, viewStore } from '../../state/view';
import { Icon } from '../../ui/Icon';
import { IconButton } from '../../ui/IconButton';
import { NoteDragOverlay } from '../canvas/dnd';
import { useDragHandle } from '../canvas/dragHandle';
import { FAR_ZOOM, NOTE_HEIGHT, NOTE_WIDTH } from '../canvas/geometry';
import type { BoardCommands } from '../commands/useCommands';
import { noteColors, themeLabel } from './colors';
import { NoteEditor } from './NoteEditor';
import { ThemePicker } from './ThemePicker';
import { useNoteView } from './useNoteView';

interface Props {
  id: string;
  commands: BoardCommands;
}

/**
 * One sticky note. Subscribes to its own note only, so a change elsewhere on the board does
 * not re-render it. Its position is the committed one; while dragged, dnd-kit's transform
 * (screen pixels) is added, divided by the zoom since the note lives in board units.
 */
export const NoteCard = memo(function NoteCard({ id, commands }: Props) {
  const t = useT();
  const view = useNoteView(id);
  const {
    note,
    selected,
    editing,
    pickerOpen,
    themes,
    isMine,
    editable,
    changeable,
    listedName,
    filteredOut,
  } = view;
  const activity = usePresence((s) => s.activity[id]);
  // Select the author's name, not the lists of people: someone arriving re-renders no note.
  const authorId = note?.author ?? '';
  const presentName = usePresence((s) => presentNames(s.people)[authorId]);
  const author = listedName ?? presentName;
  // The whole card is the handle; while editing only dragging is off, not the note (no aria-disabled).
  const { handle, listeners, setNodeRef, transform, isDragging } = useDragHandle({
    id,
    disabled: !editable || editing,
    roleDescription: t('note.roleDescription'),
  });
  const farAway = useView((s) => s.viewport.zoom < FAR_ZOOM);
  // A context constant for the whole layer (no subscription): step 2 drags an overlay instead.
  const overlay = useContext(NoteDragOverlay);
  if (!note) return null;
  const compact = farAway && !selected && !editing && !isDragging;
  const theme = note.theme ? themes.find((candidate) => candidate.id === note.theme) : undefined;
  const colors = noteColors(theme);
  const moved = overlay ? null : transform;
  const zoom = moved ? viewStore.getState().viewport.zoom : 1;
  const x = note.x + (moved?.x ?? 0) / zoom;
  const y = note.y + (moved?.y ?? 0) / zoom;
  const authorName = author ?? t('note.unknownAuthor');
  const other = activity?.[0];
  const style = {
    width: NOTE_WIDTH,
    height: NOTE_HEIGHT,
    // 2D: painted into the board's layer, not a compositing layer per note (see .canvas__world::before).
    transform: `translate(${x}px, ${y}px)`,
    '--note-layer': note.layer,
    background: colors.background,
    '--note-accent': colors.accent,
    '--note-activity': other?.color,
  } as CSSProperties;
  const state = boardStore.getState;

  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter' && changeable) {
      event.preventDefault();
      state().startEditing(id);
      return;
    }
    listeners?.onKeyDown?.(event);
  };

  return (
    // biome-ignore lint/a11y/useSemanticElements: a draggable card, not a form group; "group" lets its buttons be reached inside it.
    <div
      ref={setNodeRef}
      {...handle}
      role="group"
      onKeyDown={onKeyDown}
      className={[
        'note',
        selected ? 'note--selected' : '',
        isDragging ? 'note--dragging' : '',
        editing ? 'note--editing' : '',
        other ? 'note--busy' : '',
        compact ? 'note--compact' : '',
        filteredOut && !selected && !editing ? 'note--filtered-out' : '',
        note.draft ? 'note--draft' : '',
      ].join(' ')}
      style={style}
      data-testid="note"
      data-note-id={id}
      data-draft={note.draft || undefined}
      data-theme={note.theme ?? ''}
      data-item-tables={note.table ?? ''}
      data-filtered-out={filteredOut || undefined}
      data-x={note.x}
      data-y={note.y}
      aria-label={
        note.text
          ? t('note.label', { author: authorName, text: note.text })
          : t('note.labelEmpty', { author: authorName })
      }
      onFocus={(event) => {
        if (event.target === event.currentTarget) state().select(id);
      }}
      onClick={() => state().select(id)}
      onDoubleClick={(event) => {
        event.stopPropagation();
        if (changeable) state().startEditing(id);
      }}
    >
      {compact ? null : (
        <>
          {note.draft && (
            <span className="note__draft" data-testid="note.draft">
              {t('note.draft')}
            </span>
          )}
          {editing ? (
            <NoteEditor id={id} commands={commands} onDone={() => state().stopEditing(id)} />
          ) : (
            <div
              className={note.text ? 'note__text' : 'note__text note__text--empty'}
              data-testid="note.text"
            >
              {note.text || (changeable ? t('note.placeholder') : '')}
            </div>
          )}
          <NoteDetails
            id={id}
            authorLabel={isMine ? `${authorName} (${t('note.you')})` : authorName}
            authorName={authorName}
            theme={theme}
            editable={changeable}
            pickerOpen={pickerOpen}
            themes={themes}
            current={note.theme}
            commands={commands}
            other={other}
          />
        </>
      )}
    </div>
  );
});

interface DetailsProps {
  id: string;
  authorLabel: string;
  authorName: string;
  theme: Theme | undefined;
  editable: boolean;
  pickerOpen: boolean;
  themes: readonly Theme[];
  current: string | null;
  commands: BoardCommands;
  other: NoteActivity | undefined;
}

/** Author, theme chip, actions, theme menu and "X is typing": everything but the text. Memoised: a move re-renders the card, not this. */
const NoteDetails = memo(function NoteDetails({
  id,
  authorLabel,
  authorName,
  theme,
  editable,
  pickerOpen,
  themes,
  current,
  commands,
  other,
}: DetailsProps) {
  const t = useT();
  const state = boardStore.getState;
  return (
    <>
      <div className="note__footer">
        <span className="note__author" data-testid="note.author" title={authorName}>
          {authorLabel}
        </span>
        {theme && (
          <span className="note__theme-chip" data-testid="note.theme-label">
            {themeLabel(theme, t.locale)}
          </span>
        )}
      </div>
      {editable && (
        <div className="note__actions">
          <IconButton
            testId="note.theme"
            label={theme ? t('note.themeCurrent', { theme: themeLabel(theme, t.locale) }) : t('note.theme')}
            aria-haspopup="menu"
            aria-expanded={pickerOpen}
            onClick={(event) => {
              event.stopPropagation();
              state().select(id);
              state().openPicker(pickerOpen ? null : id);
            }}
          >
            <span className="swatch" aria-hidden="true" />
          </IconButton>
          <IconButton
            testId="note.delete"
            label={t('note.delete')}
            onClick={(event) => {
              event.stopPropagation();
              commands.remove(id);
            }}
          >
            <Icon name="close" size={16} />
          </IconButton>
        </div>
      )}
      {pickerOpen && editable && (
        <ThemePicker
          themes={themes}
          current={current}
          onPick={(picked) => {
            commands.setTheme(id, picked);
            state().openPicker(null);
          }}
          onClose={() => state().openPicker(null)}
        />
      )}
      {other && (
        <div className="note__activity" style={{ background: other.color }}>
          {t(other.kind === 'editing' ? 'note.editingBy' : 'note.draggingBy', { name: other.name })}
        </div>
      )}
    </>
  );
});
