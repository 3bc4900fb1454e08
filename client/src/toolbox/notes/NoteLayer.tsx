import { DndContext, type DragEndEvent, type DragStartEvent } from '@dnd-kit/core';
import { memo, useMemo, useState } from 'react';
import { useT } from '../../i18n/locale';
import { boardStore } from '../../state/store';
import { useConnection } from '../../state/useConnection';
import { viewStore } from '../../state/view';
import { dndAccessibility, NoteDragOverlay, useBoardSensors } from '../canvas/dnd';
import type { BoardCommands } from '../commands/useCommands';
import { NoteCard } from './NoteCard';
import { useVisibleNoteGroups } from './useVisibleNotes';

/**
 * Step 2: the drag context is the step's, spanning the board and the issues column; the
 * layer draws the notes not sorted into an issue and keeps the dragged one mounted.
 */
export interface SharedNoteDrag {
  /** The board note being dragged, or `null`. */
  activeId: string | null;
  /** Issues whose notes are not drawn on the board (a stable set: it is a selector input). */
  hiddenClusters: ReadonlySet<string>;
}

interface Props {
  commands: BoardCommands;
  /** Given in step 2: the parent's DndContext is used instead of the layer's own. */
  shared?: SharedNoteDrag | undefined;
}

/** The notes in view, in the layer's own drag context (step 1) or in the step's (step 2). */
export const NoteLayer = memo(function NoteLayer({ commands, shared }: Props) {
  return shared ? (
    <SharedNoteLayer commands={commands} shared={shared} />
  ) : (
    <OwnNoteLayer commands={commands} />
  );
});

function SharedNoteLayer({ commands, shared }: { commands: BoardCommands; shared: SharedNoteDrag }) {
  const groups = useVisibleNoteGroups(shared.activeId, shared.hiddenClusters);
  return (
    <NoteDragOverlay.Provider value={true}>
      <div className="notes">
        {groups.map((ids, group) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: groups are fixed slots (a hash of the note id), never re-ordered.
          <NoteGroup key={group} ids={ids} commands={commands} />
        ))}
      </div>
    </NoteDragOverlay.Provider>
  );
}

/**
 * The notes in view, inside dnd-kit's context. During a drag the position stays local
 * (dnd-kit's transform); the drop commits it with one `moveNote`, the delta divided by
 * the zoom because the notes live in board units.
 */
function OwnNoteLayer({ commands }: { commands: BoardCommands }) {
  const t = useT();
  const connection = useConnection();
  const [activeId, setActiveId] = useState<string | null>(null);
  const groups = useVisibleNoteGroups(activeId);
  const sensors = useBoardSensors();
  const accessibility = useMemo(() => dndAccessibility(t), [t]);

  const onDragStart = ({ active, activatorEvent }: DragStartEvent) => {
    const id = String(active.id);
    // The dragged note captures the pointer: Chrome then targets each move at it instead of
    // hit-testing a thousand notes (a third of a drag frame's style and layout time).
    if (activatorEvent instanceof PointerEvent && activatorEvent.target instanceof Element) {
      activatorEvent.target.closest('.note')?.setPointerCapture(activatorEvent.pointerId);
    }
    setActiveId(id);
    const state = boardStore.getState();
    state.select(id);
    state.openPicker(null);
    // A private draft's id is not told to the board room.
    if (!state.notes[id]?.draft) connection.setPresence({ dragging: id });
  };
  const onDragEnd = ({ active, delta }: DragEndEvent) => {
    const id = String(active.id);
    const { notes } = boardStore.getState();
    const { viewport } = viewStore.getState();
    const note = notes[id];
    if (note && (delta.x !== 0 || delta.y !== 0)) {
      commands.move(id, { x: note.x + delta.x / viewport.zoom, y: note.y + delta.y / viewport.zoom });
    }
    setActiveId(null);
    connection.setPresence({ dragging: null });
  };
  const onDragCancel = () => {
    setActiveId(null);
    connection.setPresence({ dragging: null });
  };

  return (
    <DndContext
      sensors={sensors}
      accessibility={accessibility}
      autoScroll={false}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={onDragCancel}
    >
      <div className="notes">
        {groups.map((ids, group) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: groups are fixed slots (a hash of the note id), never re-ordered.
          <NoteGroup key={group} ids={ids} commands={commands} />
        ))}
      </div>
    </DndContext>
  );
}

/** One group of drawn notes (see NOTE_GROUPS): re-renders only when its own ids change. */
const NoteGroup = memo(function NoteGroup({
  ids,
  commands,
}: {
  ids: readonly string[];
  commands: BoardCommands;
}) {
  return ids.map((id) => <NoteCard key={id} id={id} commands={commands} />);
});
