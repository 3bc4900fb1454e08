import { describe, expect, it } from 'vitest';
import { makeTranslator } from '../../../i18n/translate';
import {
  problemText,
  STATUS_FILE_MAX_BYTES,
  statusFileRefusal,
  statusProblem,
  statusProblems,
} from './statusProblems';

const fr = makeTranslator('fr');
const en = makeTranslator('en');
/** The sentence one reads (French typography's no-break spaces read as spaces). */
const read = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

/** A problem as the server lists it: its code and parameters, and an English sentence we never show. */
const coded = (code: string, params: Record<string, string | number>) => ({
  path: `line ${params.line}`,
  message: 'English, for API users',
  code,
  params,
});

describe('statusProblem', () => {
  it('says each problem of the status CSV in the person’s language, from its code, with its line', () => {
    const said = (problem: ReturnType<typeof coded>) => {
      const line = statusProblem(problem);
      return [line.line, read(problemText(fr, line))];
    };
    expect(said(coded('missing_columns', { line: 1 }))).toEqual([
      1,
      'La première ligne doit nommer une colonne « id » (ou « titre ») et une colonne « avancement ».',
    ]);
    expect(said(coded('missing_sheet', { line: 2 }))).toEqual([
      2,
      'Cette ligne ne désigne aucune fiche : indiquez son id ou son titre.',
    ]);
    expect(said(coded('ambiguous_title', { line: 3, column: 'titre', value: 'Tiers-lieu' }))).toEqual([
      3,
      'Plusieurs fiches s’intitulent « Tiers-lieu » : indiquez leur id.',
    ]);
    expect(said(coded('unknown_sheet_id', { line: 4, column: 'id', value: 'a_12' }))).toEqual([
      4,
      'Aucune fiche action n’a l’id « a_12 ».',
    ]);
    expect(said(coded('unknown_sheet_title', { line: 5, column: 'Titre', value: 'Navette' }))).toEqual([
      5,
      'Aucune fiche action ne s’intitule « Navette ».',
    ]);
    expect(said(coded('unknown_status', { line: 6, column: 'avancement', value: 'presque' }))).toEqual([
      6,
      '« presque » n’est pas un avancement connu ; laissez la case vide pour l’effacer.',
    ]);
    const english = statusProblem(coded('unknown_status', { line: 6, column: 'progress', value: 'nearly' }));
    expect(problemText(en, english)).toBe(
      '“nearly” is not a known progress; leave the cell empty to clear it.',
    );
  });

  it('shows a problem without a code it knows as the server wrote it, with the line it names', () => {
    expect(problemText(fr, statusProblem({ path: '', message: 'Something new' }))).toBe('Something new');
    const newer = statusProblem({ ...coded('unknown_delimiter', { line: 7 }), message: 'A newer problem' });
    expect(newer).toMatchObject({ line: 7, key: null });
    expect(problemText(fr, newer)).toBe('A newer problem');
    // A known code whose parameters are not as expected is not worded with missing words.
    expect(problemText(fr, statusProblem(coded('unknown_status', { line: 2 })))).toBe(
      'English, for API users',
    );
  });
});

describe('statusProblems', () => {
  it('lists the problems in the file’s order', () => {
    const lines = statusProblems(
      [
        coded('unknown_sheet_id', { line: 12, column: 'id', value: 'x' }),
        coded('unknown_sheet_id', { line: 3, column: 'id', value: 'y' }),
      ],
      'refused',
    );
    expect(lines.map((l) => [l.line, read(problemText(fr, l))])).toEqual([
      [3, 'Aucune fiche action n’a l’id « y ».'],
      [12, 'Aucune fiche action n’a l’id « x ».'],
    ]);
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
