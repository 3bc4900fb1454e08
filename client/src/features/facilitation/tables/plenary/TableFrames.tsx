import { FRAME_LABEL_SPACE, tableRegions } from '@atelier/shared';
import { type CSSProperties, memo, useMemo } from 'react';
import { useBoard, useTableSpace } from '../../../../state/store';

/**
 * Step 1 in plenary: a frame of its colour around each table's notes (their bounding box, so it
 * follows them as they move) with the table's name above it. Notes made in plenary have none.
 * Drawn under the notes; it takes no pointer events, so the board pans and takes new notes through it.
 */
export const TableFrames = memo(function TableFrames() {
  const plenary = useTableSpace().kind === 'plenary';
  const tables = useBoard((s) => s.tables.tables);
  const notes = useBoard((s) => s.notes);
  const frames = useMemo(() => {
    if (!plenary || tables.length === 0) return [];
    const placed = Object.values(notes).filter((note) => !note.draft);
    return tableRegions(
      placed,
      tables.map((table) => table.id),
    ).flatMap(({ table, region, count }) => {
      const found = tables.find((t) => t.id === table);
      return found ? [{ table: found, region, count }] : [];
    });
  }, [plenary, tables, notes]);
  if (frames.length === 0) return null;
  return (
    <div className="table-frames" aria-hidden="true">
      {frames.map(({ table, region, count }) => (
        <div
          key={table.id}
          className="table-frame"
          data-testid="tables.frame"
          data-table-id={table.id}
          data-item-tables={table.id}
          data-count={count}
          style={
            {
              left: region.x,
              top: region.y,
              width: region.width,
              height: region.height,
              '--table-color': table.color,
              '--label-space': `${FRAME_LABEL_SPACE}px`,
            } as CSSProperties
          }
        >
          <span className="table-frame__label">{table.name}</span>
        </div>
      ))}
    </div>
  );
});
