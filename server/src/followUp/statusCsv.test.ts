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

  it('refuses the whole file with each problem and its line', () => {
    const read = readStatusCsv(
      'titre;avancement\nTransport à la demande;En cours\nInconnue;En cours\nJumelle;En cours\nIsolation des écoles;fini\n',
      sheets,
    );
    expect(read.changes).toBeUndefined();
    expect(read.problems?.map((p) => p.line)).toEqual([3, 4, 5]);
    expect(readStatusCsv('fiche;etat\nx;y\n', sheets).problems?.[0]?.line).toBe(1);
  });
});
