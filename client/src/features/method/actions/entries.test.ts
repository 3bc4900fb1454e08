import { describe, expect, it } from 'vitest';
import { attempt, commitEntry, financingLabelProblem, gapKind, hasError, milestoneProblems } from './entries';

const refuse = () => {
  throw new Error('refused');
};

describe('the entries of a sheet’s lists', () => {
  it('write an entry only when nothing is wrong with it, and say when its command refuses it', () => {
    let writes = 0;
    const write = () => {
      writes += 1;
    };
    expect(commitEntry({ date: 'sheet.error.date' }, write, {})).toEqual({
      errors: { date: 'sheet.error.date' },
      written: false,
    });
    expect(writes).toBe(0);
    expect(commitEntry({ label: undefined }, write, {})).toEqual({
      errors: { label: undefined },
      written: true,
    });
    expect(writes).toBe(1);
    expect(commitEntry({}, refuse, { amount: 'sheet.error.notNumber' })).toEqual({
      errors: { amount: 'sheet.error.notNumber' },
      written: false,
    });
  });

  it('tell a change that was refused', () => {
    expect(attempt(() => {})).toBe(true);
    expect(attempt(refuse)).toBe(false);
  });

  it('count a field without message as fine', () => {
    expect(hasError({})).toBe(false);
    expect(hasError({ label: undefined, amount: undefined })).toBe(false);
    expect(hasError({ label: undefined, amount: 'sheet.error.required' })).toBe(true);
  });

  it('ask a label of a financing line from an "other" source, and no longer than 200 characters', () => {
    expect(financingLabelProblem('own-funds', '')).toBeUndefined();
    expect(financingLabelProblem('other', '  ')).toBe('sheet.error.otherLabel');
    expect(financingLabelProblem('other', 'Mécénat')).toBeUndefined();
    expect(financingLabelProblem('own-funds', 'x'.repeat(201))).toBe('sheet.error.labelTooLong');
    expect(financingLabelProblem('own-funds', ` ${'x'.repeat(200)} `)).toBeUndefined();
  });

  it('ask a milestone a day and a title', () => {
    expect(milestoneProblems('2026-12-03', 'Lancement')).toEqual({});
    expect(milestoneProblems('', ' ')).toEqual({
      date: 'sheet.error.date',
      label: 'sheet.error.milestoneLabel',
    });
    expect(milestoneProblems('2026-13-40', 'x'.repeat(201))).toEqual({
      date: 'sheet.error.date',
      label: 'sheet.error.labelTooLong',
    });
  });

  it('place the financing against the budget', () => {
    expect(gapKind(null)).toBe('none');
    expect(gapKind(1200)).toBe('missing');
    expect(gapKind(-0.5)).toBe('over');
    expect(gapKind(0)).toBe('balanced');
  });
});
