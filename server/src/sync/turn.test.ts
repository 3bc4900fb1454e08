import { describe, expect, it } from 'vitest';
import { TurnFlusher } from './turn';

describe('TurnFlusher', () => {
  it('commits every room before writing any socket, once per turn, at the end of the turn', async () => {
    const flusher = new TurnFlusher();
    const events: string[] = [];
    const socket = { flush: () => events.push('write') };
    const room = {
      commit: () => {
        events.push('commit');
        // Committing queues broadcasts; they leave in the same pass.
        flusher.send(socket);
      },
    };
    flusher.send(socket);
    flusher.commit(room);
    flusher.commit(room);
    expect(events).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(events).toEqual(['commit', 'write']);
  });
});
