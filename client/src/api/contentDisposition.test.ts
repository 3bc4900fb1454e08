import { describe, expect, it } from 'vitest';
import { fileNameFromDisposition } from './contentDisposition';

describe('fileNameFromDisposition', () => {
  it('reads the quoted file name the export answers with', () => {
    expect(
      fileNameFromDisposition('attachment; filename="atelier-strategie-val-de-loue-2026-12-03.xlsx"'),
    ).toBe('atelier-strategie-val-de-loue-2026-12-03.xlsx');
  });

  it('reads an unquoted name, and prefers the UTF-8 form when both are given', () => {
    expect(fileNameFromDisposition('attachment; filename=plan.md')).toBe('plan.md');
    expect(
      fileNameFromDisposition(`attachment; filename="strategie.docx"; filename*=UTF-8''strat%C3%A9gie.docx`),
    ).toBe('stratégie.docx');
  });

  it('keeps only a bare, safe name', () => {
    expect(fileNameFromDisposition('attachment; filename="../../etc/passwd"')).toBe('passwd');
    expect(fileNameFromDisposition('attachment; filename="a:b?.csv"')).toBe('a_b_.csv');
  });

  it('says so when the header names no file', () => {
    expect(fileNameFromDisposition(null)).toBeNull();
    expect(fileNameFromDisposition('attachment')).toBeNull();
    expect(fileNameFromDisposition('attachment; filename=".."')).toBeNull();
  });
});
