import { describe, expect, it } from 'vitest';
import { parseCsv, progressOf, readStatusCsv } from './statusCsv';

const sheets = [
  { id: 's-tad', title: 'Transport à la demande' },
  { id: 's-eco', title: 'Isolation des écoles' },
  { id: 's-twin', title: 'Jumelle' },
  { id: 's-twin-2', title: 'jumelle' },
];

describe('the status CSV', () => {
  it('reads French Excel’s and plain CSV, quotes included', () => {
    expect(parseCsv('\uFEFFid;avancement\r\ns-tad;"En cours"\r\n')).toEqual([
      ['id', 'avancement'],
      ['s-tad', 'En cours'],
    ]);
    expect(parseCsv('titre,avancement\n"Transport, à la demande","Réalisée"\n\n')).toEqual([
      ['titre', 'avancement'],
      ['Transport, à la demande', 'Réalisée'],
    ]);
  });

  it('knows the statuses in words, accents and case aside, and empty to clear', () => {
    expect(progressOf('À venir')).toBe('planned');
    expect(progressOf('  en  COURS ')).toBe('in-progress');
    expect(progressOf('Réalisé')).toBe('done');
    expect(progressOf('blocked')).toBe('blocked');
    expect(progressOf('')).toBeNull();
    expect(progressOf('Non renseigné')).toBeNull();
    expect(progressOf('fini')).toBeUndefined();
  });

  it('finds each sheet by id or title and asks for every change', () => {
    const read = readStatusCsv(
      'id;titre;avancement\ns-tad;;En cours\n;isolation des ÉCOLES;Réalisée\n',
      sheets,
    );
    expect(read.changes).toEqual(
      new Map([
        ['s-tad', 'in-progress'],
        ['s-eco', 'done'],
      ]),
    );
  });

  it('refuses the whole file with each problem: its code, line, column and cell, and its English sentence', () => {
    const read = readStatusCsv(
      'titre;avancement\nTransport à la demande;En cours\nInconnue;En cours\nJumelle;En cours\nIsolation des écoles; fini \n',
      sheets,
    );
    expect(read.changes).toBeUndefined();
    expect(read.problems).toEqual([
      {
        code: 'unknown_sheet_title',
        params: { line: 3, column: 'titre', value: 'Inconnue' },
        message: 'No action sheet titled "Inconnue"',
      },
      {
        code: 'ambiguous_title',
        params: { line: 4, column: 'titre', value: 'Jumelle' },
        message: 'Several sheets are titled "Jumelle": give their id',
      },
      {
        code: 'unknown_status',
        params: { line: 5, column: 'avancement', value: ' fini ' },
        message:
          '" fini " is not a status (à venir, en cours, réalisée, en pause, en retard, bloquée, abandonnée, or empty)',
      },
    ]);
    expect(readStatusCsv('Identifiant;Statut\ns-nope;En cours\n', sheets).problems).toEqual([
      {
        code: 'unknown_sheet_id',
        params: { line: 2, column: 'Identifiant', value: 's-nope' },
        message: 'No action sheet with id s-nope',
      },
    ]);
    // A row naming no sheet, with only an id column or with both empty.
    const unnamed = {
      code: 'missing_sheet',
      params: { line: 2 },
      message: 'This line names no sheet: give its id or its title',
    };
    expect(readStatusCsv('id;avancement\n;En cours\n', sheets).problems).toEqual([unnamed]);
    expect(readStatusCsv('id;titre;avancement\n ; ;En cours\n', sheets).problems).toEqual([unnamed]);
    expect(readStatusCsv('fiche;etat\nx;y\n', sheets).problems).toEqual([
      {
        code: 'missing_columns',
        params: { line: 1 },
        message: 'The first line must name a column "id" (or "titre") and a column "avancement"',
      },
    ]);
  });
});
