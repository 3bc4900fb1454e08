import { describe, expect, it } from 'vitest';
import { type Closable, ParticipantSockets } from './participant-sockets';

function socket(): Closable & { closes: [number, string][] } {
  const closes: [number, string][] = [];
  return { closes, close: (code, reason) => closes.push([code, reason]) };
}

describe('open sockets by participant', () => {
  it('closes every socket of one participant and none of the others', () => {
    const sockets = new ParticipantSockets();
    const [board, control, other] = [socket(), socket(), socket()];
    sockets.add('lea', board);
    sockets.add('lea', control);
    sockets.add('hugo', other);

    expect(sockets.disconnect('lea', 4410, 'removed')).toBe(2);
    expect(board.closes).toEqual([[4410, 'removed']]);
    expect(control.closes).toEqual([[4410, 'removed']]);
    expect(other.closes).toEqual([]);
  });

  it('forgets sockets once they are deleted', () => {
    const sockets = new ParticipantSockets();
    const board = socket();
    sockets.add('lea', board);
    sockets.delete('lea', board);
    expect(sockets.count('lea')).toBe(0);
    expect(sockets.disconnect('lea', 4410, 'removed')).toBe(0);
    expect(board.closes).toEqual([]);
  });
});
