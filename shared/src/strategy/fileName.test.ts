import { describe, expect, it } from 'vitest';
import { exportFileName } from './fileName';

describe('exportFileName', () => {
  const at = new Date(Date.UTC(2026, 11, 3, 16, 30));

  it('says the workshop and the day, with nothing a file system refuses', () => {
    expect(exportFileName('Stratégie d’innovation — Val de Loue / 2027', at, 'xlsx')).toBe(
      'atelier-strategie-d-innovation-val-de-loue-2027-2026-12-03.xlsx',
    );
  });

  it('keeps names short, cut between words, and never empty', () => {
    expect(
      exportFileName(
        "Stratégie d'innovation territoriale — Communauté d'agglomération du Val de Loue",
        at,
        'docx',
      ),
    ).toBe('atelier-strategie-d-innovation-territoriale-communaute-d-2026-12-03.docx');
    expect(exportFileName('x'.repeat(300), at, 'md')).toBe(`atelier-${'x'.repeat(60)}-2026-12-03.md`);
    expect(exportFileName('«»', at, 'json')).toBe('atelier-atelier-2026-12-03.json');
  });
});
