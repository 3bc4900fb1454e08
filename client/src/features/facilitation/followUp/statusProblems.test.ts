import { describe, expect, it } from 'vitest';
import { STATUS_FILE_MAX_BYTES, statusFileRefusal, statusProblem, statusProblems } from './statusProblems';

describe('statusProblem', () => {
  it('reads the line and words each problem the status CSV can have', () => {
    expect(
      statusProblem({
        path: 'line 1',
        message: 'The first line must name a column "id" (or "titre") and a column "avancement"',
      }),
    ).toMatchObject({ line: 1, key: 'followUp.import.problem.header', vars: {} });
    expect(
      statusProblem({ path: 'line 3', message: 'Several sheets are titled "Tiers-lieu": give their id' }),
    ).toMatchObject({ line: 3, key: 'followUp.import.problem.ambiguous', vars: { title: 'Tiers-lieu' } });
    expect(statusProblem({ path: 'line 4', message: 'No action sheet with id a_12' })).toMatchObject({
      line: 4,
      key: 'followUp.import.problem.noId',
      vars: { id: 'a_12' },
    });
    expect(statusProblem({ path: 'line 5', message: 'No action sheet titled "Navette"' })).toMatchObject({
      key: 'followUp.import.problem.noTitle',
      vars: { title: 'Navette' },
    });
    expect(
      statusProblem({
        path: 'line 6',
        message:
          '"presque" is not a status (à venir, en cours, réalisée, en pause, en retard, bloquée, abandonnée, or empty)',
      }),
    ).toMatchObject({ line: 6, key: 'followUp.import.problem.status', vars: { value: 'presque' } });
  });

  it('shows a sentence it does not know as the server wrote it', () => {
    expect(statusProblem({ path: '', message: 'Something new' })).toEqual({
      line: null,
      key: null,
      vars: {},
      message: 'Something new',
    });
  });
});

describe('statusProblems', () => {
  it('lists the problems in the file’s order', () => {
    const lines = statusProblems(
      [
        { path: 'line 12', message: 'No action sheet with id x' },
        { path: 'line 3', message: 'No action sheet with id y' },
      ],
      'refused',
    );
    expect(lines.map((l) => l.line)).toEqual([3, 12]);
  });

  it('falls back on the error’s message when the server listed no problem', () => {
    expect(statusProblems([], 'A status file is sent as text/csv')).toEqual([
      { line: null, key: null, vars: {}, message: 'A status file is sent as text/csv' },
    ]);
  });
});

describe('statusFileRefusal', () => {
  it('takes a CSV or a text file under 1 MB', () => {
    expect(statusFileRefusal({ name: 'avancements.csv', size: 2_000, type: '' })).toBeNull();
    expect(statusFileRefusal({ name: 'export', size: 2_000, type: 'text/csv' })).toBeNull();
    expect(statusFileRefusal({ name: 'AVANCEMENTS.TXT', size: 10, type: 'text/plain' })).toBeNull();
  });

  it('refuses a spreadsheet that is not CSV, and a file the server would refuse for its size', () => {
    expect(
      statusFileRefusal({
        name: 'avancements.xlsx',
        size: 2_000,
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      }),
    ).toBe('notCsv');
    expect(statusFileRefusal({ name: 'big.csv', size: STATUS_FILE_MAX_BYTES + 1, type: 'text/csv' })).toBe(
      'tooLarge',
    );
  });
});
