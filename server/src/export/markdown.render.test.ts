import { strategyReport } from '@atelier/shared';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { reportMarkdown } from './markdown';
import { HOSTILE, hostileDemoStrategy } from './markdown.fixture';

/** CommonMark with GFM's tables and strikethrough; raw HTML on, so that any tag let through shows as one. */
const md = new MarkdownIt({ html: true });

interface Rendered {
  /** Each paragraph's, list item's, heading's and table cell's text, line breaks as `\n`. */
  texts: string[];
  /** Whatever rendered as something other than text, emphasis and our line breaks. */
  markup: string[];
  strong: number;
  em: number;
}

function render(markdown: string): Rendered {
  const out: Rendered = { texts: [], markup: [], strong: 0, em: 0 };
  for (const token of md.parse(markdown, {})) {
    if (['html_block', 'code_block', 'fence', 'blockquote_open', 'ordered_list_open'].includes(token.type))
      out.markup.push(`${token.type}: ${token.content}`);
    if (token.type !== 'inline') continue;
    let text = '';
    for (const child of token.children ?? []) {
      if (child.type === 'text') text += child.content;
      else if (child.type === 'softbreak' || child.type === 'hardbreak') text += '\n';
      else if (child.type === 'html_inline' && child.content === '<br>') text += '\n';
      else if (child.type === 'strong_open') out.strong++;
      else if (child.type === 'em_open') out.em++;
      else if (child.type !== 'strong_close' && child.type !== 'em_close')
        out.markup.push(`${child.type}: ${child.content}`);
    }
    out.texts.push(text);
  }
  return out;
}

describe('the Markdown report, read by a CommonMark renderer', () => {
  const strategy = hostileDemoStrategy();
  const report = strategyReport(strategy, 'fr');
  const markdown = reportMarkdown(report);
  const rendered = render(markdown);
  const shows = (text: string) => rendered.texts.some((t) => t.includes(text));

  it('renders every note, issue, axis, sheet and partner as the text typed', () => {
    expect(strategy.notes).toHaveLength(320);
    for (const note of strategy.notes)
      expect(
        rendered.texts.some((t) => t.startsWith(`${note.text} — `)),
        note.text,
      ).toBe(true);
    for (const text of [
      ...strategy.issues.flatMap((i) => [i.title, i.description]),
      ...strategy.axes.flatMap((a) => [a.title, a.description]),
      ...strategy.actions.flatMap((a) => [a.title, a.description]),
      ...strategy.partners.map((p) => p.role),
    ])
      expect(shows(text), text).toBe(true);
    for (const text of HOSTILE) expect(shows(text), text).toBe(true);
  });

  it('renders no markup but the report’s own: no HTML, link, image, code, quote or list it did not write', () => {
    expect(rendered.markup).toEqual([]);
    const runs = report.blocks.flatMap((b) =>
      b.kind === 'paragraph' ? b.runs : b.kind === 'bullets' ? b.items.flatMap((i) => i.runs) : [],
    );
    const marked = [
      ...runs,
      ...report.titlePage.lines.flat(),
      { text: report.titlePage.subtitle, bold: true },
      { text: report.titlePage.madeWith, italic: true },
    ].filter((r) => r.text.trim() !== '');
    expect(rendered.strong).toBe(marked.filter((r) => r.bold).length);
    expect(rendered.em).toBe(marked.filter((r) => r.italic).length);
    const headings = report.blocks.filter((b) => b.kind === 'heading').length + 1;
    expect(md.parse(markdown, {}).filter((t) => t.type === 'heading_open')).toHaveLength(headings);
  });

  it('puts no backslash before a character that did not need one', () => {
    const needless: string[] = [];
    for (const line of markdown.split('\n')) {
      for (const m of line.matchAll(/\\(.?)/g)) {
        const c = m[1] as string;
        const before = line.slice(0, m.index);
        const after = line.slice(m.index + 2);
        const atBlockStart = /^\s*(?:[-*+] )?$/.test(before);
        const ok =
          c === '' || // a hard break
          !/[!-/:-@[-`{-~]/.test(c) || // a backslash as typed, before a letter: no escape
          '\\`*_[<&|~$'.includes(c) ||
          ('#>+-='.includes(c) && (atBlockStart || (c === '#' && /^#*\s*$/.test(after)))) ||
          ('.)'.includes(c) && (/^\s*(?:[-*+] )?\d+$/.test(before) || /www$/i.test(before))) ||
          (c === ':' && after.startsWith('//')) ||
          (c === '@' && /[\w.+-]$/.test(before));
        if (!ok) needless.push(`${before}»\\${c}«${after}`);
      }
    }
    expect(needless).toEqual([]);
    // What the issue saw everywhere: `centres\-bourgs`, `\(EPCI\)`.
    expect(markdown).toContain('centres-bourgs');
    expect(markdown).toMatch(/[^\\]\(EPCI\)/);
  });
});
