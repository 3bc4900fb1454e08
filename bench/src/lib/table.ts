import type { Column, ResultRow } from './scenario';

/** A plain-text table (fixed-width, right-aligned numbers) for stdout. */
export function formatTable(rows: readonly ResultRow[], columns: readonly Column[]): string {
  const header = ['', ...columns.map((c) => c.label)];
  const body = rows.map((row) => [row.key, ...columns.map((c) => formatCell(row[c.key], c.digits ?? 1))]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((line) => (line[i] ?? '').length)));
  const render = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ');
  return [render(header), render(widths.map((w) => '-'.repeat(w))), ...body.map(render)].join('\n');
}

function formatCell(value: unknown, digits: number): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return String(value);
    return Math.abs(value) >= 1e6 ? value.toExponential(2) : value.toFixed(digits);
  }
  return String(value);
}

/** Every numeric metric of the rows, as default columns. */
export function numericColumns(rows: readonly ResultRow[]): Column[] {
  const keys = new Set<string>();
  for (const row of rows) {
    for (const [key, value] of Object.entries(row)) if (typeof value === 'number') keys.add(key);
  }
  return [...keys].map((key) => ({ key, label: key }));
}
