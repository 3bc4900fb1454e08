/**
 * Spreadsheet formula injection (OWASP "CSV Injection"): a text cell that a spreadsheet would
 * read as a formula — `=HYPERLINK(…)`, `+33…`, `-1 médecin`, `@SUM(…)` — gets a leading `'`,
 * so Excel and LibreOffice show it as text and never evaluate it. One rule for the CSV and
 * the Excel writers, so both files say the same thing.
 *
 * Triggers, per OWASP: `=`, `+`, `-`, `@` first, or a tab or carriage return first. Also
 * after leading whitespace (some importers trim it before deciding what a cell is), and the
 * full-width `＝＋－＠` that East Asian input methods type and Excel also reads as formulas.
 * Only text goes through here: numbers (−40.5 as a number) are written as numbers.
 *
 * The price: a note that merely starts with a dash ("- point one") shows a leading `'` too.
 */
const FORMULA_START = /^(?:[\t\r]|\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/;

export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** `text`, prefixed with `'` when a spreadsheet would read it as a formula. */
export function neutralise(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}
