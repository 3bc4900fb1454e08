import { describe, expect, it } from 'vitest';
import { neutralise } from './neutralise';

describe('neutralise', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","clic")'],
    ['+33 6 12 34 56 78'],
    ['-1 médecin par an'],
    ['@SUM(A1:A3)'],
    ['\tvaleur'],
    ['\rvaleur'],
    ['  =1+1'],
    ['\n-2'],
    ['＝1+1'],
  ])('prefixes %j with a quote so it stays text', (text) => {
    expect(neutralise(text)).toBe(`'${text}`);
  });

  it.each([
    ['Pas de bus après 19 h'],
    ['Cafés ; commerces "fermés" le lundi'],
    ['1 = 1'],
    ['a-b'],
    ['contact@example.org'],
    [''],
    ['   '],
    ["'déjà cité"],
  ])('leaves %j as it is', (text) => {
    expect(neutralise(text)).toBe(text);
  });
});
