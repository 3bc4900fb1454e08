import type { Report, ReportBlock, ReportBullet, ReportRun } from '@atelier/shared';
import { escapeMarkdown } from './markdownEscape';

/**
 * The report as GitHub-flavoured Markdown. Everything in the report model is text, never
 * markup, so every text goes through `escapeMarkdown`: a note reading `<script>`,
 * `[link](javascript:…)`, `**bold**` or `# title` shows those characters, nothing more, and
 * one reading `centres-bourgs (EPCI)` is written as typed.
 */

/**
 * A run, its emphasis marks hugging the text (`** a**` would not be bold: spaces go outside).
 * `blockStart`: the run opens its paragraph or list item, where `# `, `> ` or `1. ` are markup.
 */
function run({ text, bold, italic }: ReportRun, lineBreak: string, blockStart: boolean): string {
  const marks = `${bold ? '**' : ''}${italic ? '*' : ''}`;
  const [, before = '', core = '', after = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(text) ?? [];
  const literal = (part: string, start: boolean) => escapeMarkdown(part, { lineBreak, blockStart: start });
  if (marks === '' || core === '') return literal(text, blockStart);
  return `${literal(before, blockStart)}${marks}${literal(core, false)}${[...marks].reverse().join('')}${literal(after, false)}`;
}

const HARD_BREAK = '\\\n';

/**
 * A paragraph's runs: without the first line's indentation (four spaces would make it code)
 * nor a hard break at its very end (Markdown would show the backslash).
 */
const runs = (items: ReportRun[], lineBreak: string) =>
  items
    .map((r, i) => run(r, lineBreak, i === 0))
    .join('')
    .replace(/^[ \t]+/, '')
    .replace(/(?:\\\n *)+$/, '');

function bullet(item: ReportBullet): string {
  const indent = '  '.repeat(item.level);
  return `${indent}- ${runs(item.runs, `${HARD_BREAK}${indent}  `)}`;
}

const cell = (text: string) =>
  text === '' ? ' ' : escapeMarkdown(text, { place: 'cell', lineBreak: '<br>' });

function block(b: ReportBlock): string {
  switch (b.kind) {
    case 'heading':
      // The document's title is the only level-1 heading.
      return `${'#'.repeat(b.level + 1)} ${escapeMarkdown(b.text, { place: 'heading' })}`;
    case 'paragraph':
      return runs(b.runs, HARD_BREAK);
    case 'bullets':
      return b.items.map(bullet).join('\n');
    case 'table': {
      const line = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
      const rule = `| ${b.header.map((_, i) => (b.align[i] === 'right' ? '---:' : '---')).join(' | ')} |`;
      return [line(b.header), rule, ...b.rows.map(line)].join('\n');
    }
  }
}

export function reportMarkdown(report: Report): string {
  const { titlePage } = report;
  const parts = [
    `# ${escapeMarkdown(titlePage.title, { place: 'heading' })}`,
    run({ text: titlePage.subtitle, bold: true }, HARD_BREAK, true),
    ...titlePage.lines.map((line) => runs(line, HARD_BREAK)),
    run({ text: titlePage.madeWith, italic: true }, HARD_BREAK, true),
    '---',
    ...report.blocks.map(block),
  ];
  return `${parts.join('\n\n')}\n`;
}
