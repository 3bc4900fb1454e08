import { describe, expect, it } from 'vitest';
import { sessionDay } from './sessionDay';

describe('a session’s day', () => {
  it('reads as people write it, the same calendar day in every time zone', () => {
    expect(sessionDay('2026-12-03', 'fr')).toBe('3 déc. 2026');
    expect(sessionDay('2027-01-14', 'en')).toBe('Jan 14, 2027');
  });

  it('shows anything else as it came', () => {
    expect(sessionDay('soon', 'fr')).toBe('soon');
  });
});
