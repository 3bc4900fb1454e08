import { describe, expect, it } from 'vitest';
import { importProblems } from './importProblems';

describe('importProblems', () => {
  it('lists each problem with its place in the file, not in the request around it', () => {
    expect(
      importProblems(
        [
          { path: 'strategy.notes.0.text', message: 'Too long' },
          { path: 'strategy', message: 'Required' },
          { path: 'facilitatorName', message: 'Too long' },
        ],
        'Invalid strategy',
      ),
    ).toEqual({
      shown: [
        { path: 'notes.0.text', message: 'Too long' },
        { path: '', message: 'Required' },
        { path: 'facilitatorName', message: 'Too long' },
      ],
      more: 0,
      foreign: true,
    });
  });

  it('shows the first ten and counts the rest', () => {
    const problems = Array.from({ length: 23 }, (_, i) => ({ path: `notes.${i}.id`, message: 'Duplicate' }));
    const { shown, more } = importProblems(problems, 'Invalid strategy');
    expect(shown).toHaveLength(10);
    expect(shown[9]?.path).toBe('notes.9.id');
    expect(more).toBe(13);
  });

  it('tells a file that is not an Atelier export of this version from a damaged one', () => {
    const foreign = (path: string) => importProblems([{ path, message: 'Invalid input' }], 'Invalid').foreign;
    expect(foreign('strategy.schemaVersion')).toBe(true);
    expect(foreign('strategy')).toBe(true);
    expect(foreign('strategy.notes.3.text')).toBe(false);
    expect(foreign('strategy.workshop.schemaVersion')).toBe(false);
  });

  it('falls back to the message when the server names no field', () => {
    expect(importProblems([], 'The body is not valid JSON')).toEqual({
      shown: [{ path: '', message: 'The body is not valid JSON' }],
      more: 0,
      foreign: false,
    });
  });
});
