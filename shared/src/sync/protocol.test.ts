import { describe, expect, it } from 'vitest';
import { parseRoomName, roomName } from './protocol';

describe('room names', () => {
  it('round-trips board and control rooms', () => {
    expect(parseRoomName(roomName('w1', 'board'))).toEqual({ workshopId: 'w1', kind: 'board' });
    expect(parseRoomName(roomName('w1', 'control'))).toEqual({ workshopId: 'w1', kind: 'control' });
  });

  it.each(['', 'w1/other', 'w1/control/x', '../etc', 'w 1'])('rejects %j', (name) => {
    expect(parseRoomName(name)).toBeNull();
  });
});
