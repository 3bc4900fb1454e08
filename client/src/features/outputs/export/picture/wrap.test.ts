import { describe, expect, it } from 'vitest';
import type { Measure } from './scene';
import { wrapText } from './wrap';

/** Every character 10 px wide: a line of 100 px holds 10. */
const measure: Measure = (text) => [...text].length * 10;
const font = { size: 19 };

describe('wrapText', () => {
  it('wraps at spaces and keeps the text’s own line breaks', () => {
    expect(wrapText('Pas de bus après 19 h', font, 100, 5, measure)).toEqual(['Pas de bus', 'après 19 h']);
    expect(wrapText('Zones\nblanches', font, 100, 5, measure)).toEqual(['Zones', 'blanches']);
    expect(wrapText('  a \n\n b  ', font, 100, 5, measure)).toEqual(['a', 'b']);
  });

  it('cuts a word longer than a line where it must', () => {
    expect(wrapText('intercommunalité', font, 100, 5, measure)).toEqual(['intercommu', 'nalité']);
  });

  it('ends the last line with … when text is left out, within the width', () => {
    const lines = wrapText('un deux trois quatre cinq six sept huit', font, 100, 2, measure);
    expect(lines).toEqual(['un deux', 'trois…']);
    for (const line of lines) expect(measure(line, font)).toBeLessThanOrEqual(100);
    expect(wrapText('abcdefghij klm', font, 100, 1, measure)).toEqual(['abcdefghi…']);
  });

  it('keeps accents and every character of a text that fits', () => {
    expect(wrapText('Économie', font, 100, 1, measure)).toEqual(['Économie']);
    expect(wrapText('', font, 100, 3, measure)).toEqual([]);
  });
});
