/**
 * Text made literal in GitHub-flavoured Markdown, with a backslash only where a character
 * would otherwise change how the text renders at the place it stands: `centres-bourgs`,
 * `(EPCI)` and `19.30` stay as typed, while `*a*`, `[x](…)`, `<script>`, `&amp;`, `# titre`
 * at a line's start or `http://…` are kept from being emphasis, a link, HTML, an entity, a
 * heading or an autolink.
 */

/** Where the text goes: a paragraph or list item (block starts matter), a table cell, a heading. */
export type MarkdownPlace = 'block' | 'cell' | 'heading';

export interface EscapeOptions {
  place?: MarkdownPlace;
  /** What a line break becomes: `<br>` in a cell, a hard break in a paragraph, a space in a heading. */
  lineBreak?: string;
  /** Whether the text's first line starts a block (a paragraph's or list item's first run). */
  blockStart?: boolean;
}

const WHITESPACE = /\s/u;
/** CommonMark 0.31's punctuation: Unicode P and S categories. */
const PUNCTUATION = /[\p{P}\p{S}]/u;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;

/** What sits next to a delimiter run; the text's own edges count as punctuation (marks or markup may touch them). */
type Side = 'space' | 'punct' | 'other';
const side = (c: string | undefined): Side =>
  c === undefined || PUNCTUATION.test(c) ? 'punct' : WHITESPACE.test(c) ? 'space' : 'other';

/**
 * Whether a run of `*`, `_` or `~` between `before` and `after` could open or close emphasis
 * (or GFM's strikethrough), by CommonMark's flanking rules.
 */
function emphasisCapable(mark: string, before: Side, after: Side): boolean {
  const left = after !== 'space' && (after !== 'punct' || before !== 'other');
  const right = before !== 'space' && (before !== 'punct' || after !== 'other');
  if (mark !== '_') return left || right;
  // `_` inside a word (snake_case, l_avenir) opens and closes nothing.
  return (left && (!right || before === 'punct')) || (right && (!left || after === 'punct'));
}

/** An entity a Markdown reader would decode (`&amp;`, `&#38;`, `&#x26;`). */
const ENTITY = /^&(?:#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z][A-Za-z\d]{1,31});/;
/** GFM extended autolinks: a scheme's `://`, `www.` at a word's start, an e-mail address's `@`. */
const URL_COLON = /(?<=[A-Za-z])(?=:\/\/)/g;
const WWW_DOT = /(?<=(?:^|[\s*_~(])www)(?=\.)/gi;
const EMAIL_AT = /(?<=[A-Za-z\d._+-])(?=@[A-Za-z\d_-]+(?:\.[A-Za-z\d_-]+)+)/g;

/** Positions (in `line`) of characters that make markup wherever they stand. */
function inlineMarkup(line: string, place: MarkdownPlace): Set<number> {
  const at = new Set<number>();
  const dollars = (line.match(/\$/g) ?? []).length;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    const next = line[i + 1];
    if (c === '\\') {
      // Literal before a letter; an escape (or, at the end, a hard break) before punctuation.
      if (next === undefined || ASCII_PUNCTUATION.test(next)) at.add(i);
    } else if (c === '`' || c === '[') {
      at.add(i);
    } else if (c === '*' || c === '_' || c === '~') {
      let end = i;
      while (line[end + 1] === c) end++;
      if (emphasisCapable(c, side(line[i - 1]), side(line[end + 1])))
        for (let j = i; j <= end; j++) at.add(j);
      i = end;
    } else if (c === '<') {
      // `a < b` is text; `<b>`, `</x>`, `<!--`, `<http://…>` would be HTML or an autolink.
      if (next !== undefined && !WHITESPACE.test(next)) at.add(i);
    } else if (c === '&') {
      if (ENTITY.test(line.slice(i))) at.add(i);
    } else if (c === '|') {
      if (place === 'cell') at.add(i);
    } else if (c === '$') {
      // GitHub reads `$…$` as maths.
      if (dollars > 1) at.add(i);
    }
  }
  for (const pattern of [URL_COLON, WWW_DOT, EMAIL_AT]) {
    for (const m of line.matchAll(pattern)) at.add(m.index);
  }
  return at;
}

/**
 * The position of what would make the line a block of its own (a heading, quote, list, code
 * fence, thematic break, setext underline or table delimiter row) at a block's start, or
 * `-1`. `continuation`: the line continues a paragraph, which only some blocks can interrupt.
 */
function blockMarkup(line: string, continuation: boolean): number {
  const m = /^ {0,3}/.exec(line) as RegExpExecArray;
  const i = m[0].length;
  const rest = line.slice(i);
  // A setext underline (`===`, `---`) only underlines a paragraph's line; a table's delimiter row needs a header row.
  if (/^(?:=+|-+)[ \t]*$/.test(rest)) return continuation ? i : rest[0] === '-' && rest.length >= 3 ? i : -1;
  if (
    continuation &&
    rest.includes('|') &&
    /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/.test(rest)
  )
    return i;
  if (/^(?:[-*_][ \t]*){3,}$/.test(rest)) return i;
  if (/^#{1,6}(?:[ \t]|$)/.test(rest)) return i;
  if (rest.startsWith('>')) return i;
  // An empty list item cannot interrupt a paragraph.
  if (/^[-+*](?:[ \t]|$)/.test(rest)) return continuation && /^.[ \t]*$/.test(rest) ? -1 : i;
  const ordered = /^(\d{1,9})[.)](?:[ \t]|$)/.exec(rest);
  if (ordered) {
    const interrupts = !continuation || (ordered[1] === '1' && !/^\d+[.)][ \t]*$/.test(rest));
    return interrupts ? i + (ordered[1] as string).length : -1;
  }
  return -1;
}

/** A heading's closing sequence (`Titre #`): its first `#`, which Markdown would drop. */
function closingHashes(line: string): number {
  const m = /(?:^|[ \t])(#+)[ \t]*$/.exec(line);
  return m ? m.index + m[0].indexOf('#') : -1;
}

export function escapeMarkdown(
  text: string,
  { place = 'block', lineBreak = ' ', blockStart = true }: EscapeOptions = {},
): string {
  return text
    .split(/\r\n?|\n/)
    .map((line, index) => {
      const at = inlineMarkup(line, place);
      if (place === 'block' && (index > 0 || blockStart)) {
        // A block's first line is written without its indentation (see markdown.ts).
        const lead = index === 0 ? (/^[ \t]*/.exec(line) as RegExpExecArray)[0].length : 0;
        const block = blockMarkup(line.slice(lead), index > 0);
        if (block >= 0) at.add(lead + block);
      }
      if (place === 'heading') {
        const hashes = closingHashes(line);
        if (hashes >= 0) at.add(hashes);
      }
      let out = '';
      for (let i = 0; i < line.length; i++) out += at.has(i) ? `\\${line[i]}` : line[i];
      return out;
    })
    .join(lineBreak);
}
