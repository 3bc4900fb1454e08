import { useCursors } from '../../state/presenceStores';
import { useBoard, useTableSpace } from '../../state/store';
import { personInSpace } from '../../state/tableSpace';
import { useView } from '../../state/view';

/**
 * The other people's pointers, drawn in board coordinates inside the zoomed world and
 * scaled back so arrow and name keep their size at any zoom.
 */
export function Cursors() {
  const space = useTableSpace();
  const seats = useBoard((s) => s.tables.seats);
  const me = useBoard((s) => s.me?.participantId);
  // During a table round, only the people of the table shown.
  const cursors = useCursors().filter((c) => personInSpace(space, seats, c.participantId, me));
  const zoom = useView((s) => s.viewport.zoom);
  return (
    <div className="cursors" aria-hidden="true">
      {cursors.map((cursor) => (
        <div
          key={cursor.clientId}
          className="cursor"
          data-testid="cursor"
          data-name={cursor.name}
          style={{
            transform: `translate(${cursor.x}px, ${cursor.y}px) scale(${1 / zoom})`,
            color: cursor.color,
          }}
        >
          <svg width="18" height="22" viewBox="0 0 18 22" aria-hidden="true">
            <path
              d="M1 1 L1 17 L5.5 13 L8.5 20.5 L11.5 19.2 L8.6 12 L15 12 Z"
              fill="currentColor"
              stroke="#fff"
              strokeWidth="1.5"
            />
          </svg>
          <span className="cursor__label" style={{ background: cursor.color }}>
            {cursor.name}
          </span>
        </div>
      ))}
    </div>
  );
}
