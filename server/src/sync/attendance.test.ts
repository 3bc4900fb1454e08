import { describe, expect, it } from 'vitest';
import { Attendance } from './attendance';

describe('attendance', () => {
  it('counts participants’ sockets here, and asks the other nodes only when none is here', () => {
    const asked: string[] = [];
    let elsewhere = false;
    const attendance = new Attendance((workshopId) => {
      asked.push(workshopId);
      return elsewhere;
    });
    const leave = attendance.opened('w1');
    const again = attendance.opened('w1');
    expect(attendance.present('w1')).toBe(true);
    expect(asked).toEqual([]);
    leave();
    leave(); // closing twice counts once
    expect(attendance.present('w1')).toBe(true);
    again();
    expect(attendance.present('w1')).toBe(false);
    elsewhere = true;
    expect(attendance.present('w1')).toBe(true);
    expect(asked).toEqual(['w1', 'w1']);
  });
});
