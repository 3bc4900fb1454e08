import { describe, expect, it } from 'vitest';
import { draftsRoomName, parseRoomName, roomName, roomRefName } from './protocol';

describe('room names', () => {
  it('round-trips board and control rooms', () => {
    expect(parseRoomName(roomName('w1', 'board'))).toEqual({ workshopId: 'w1', kind: 'board' });
    expect(parseRoomName(roomName('w1', 'control'))).toEqual({ workshopId: 'w1', kind: 'control' });
  });

  it("round-trips a participant's drafts room", () => {
    const ref = parseRoomName(draftsRoomName('w1', 'p1'));
    expect(ref).toEqual({ workshopId: 'w1', kind: 'drafts', owner: 'p1' });
    expect(ref && roomRefName(ref)).toBe('w1/drafts/p1');
  });

  it.each([
    '',
    'w1/other',
    'w1/control/x',
    '../etc',
    'w 1',
    'w1/drafts',
    'w1/drafts/',
    'w1/drafts/a b',
    'w1/drafts/p1/x',
  ])('rejects %j', (name) => {
    expect(parseRoomName(name)).toBeNull();
  });
});
