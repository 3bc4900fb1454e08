import type { Font, Measure } from './scene';

const ELLIPSIS = '…';

/** Cuts a word too long for a line into pieces that fit. */
function splitWord(word: string, fits: (s: string) => boolean): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const char of word) {
    if (piece !== '' && !fits(piece + char)) {
      pieces.push(piece);
      piece = '';
    }
    piece += char;
  }
  pieces.push(piece);
  return pieces;
}

/** `line` shortened until it and an ellipsis fit. */
function withEllipsis(line: string, fits: (s: string) => boolean): string {
  let cut = line.trimEnd();
  while (cut !== '' && !fits(cut + ELLIPSIS)) cut = cut.slice(0, -1).trimEnd();
  return cut + ELLIPSIS;
}

/**
 * A text's lines within `maxWidth`: its own line breaks kept (blank lines dropped), words
 * wrapped (a word longer than a line cut where it must), at most `maxLines`, the last one
 * ending in "…" when text was left out.
 */
export function wrapText(
  text: string,
  font: Font,
  maxWidth: number,
  maxLines: number,
  measure: Measure,
): string[] {
  if (maxLines <= 0) return [];
  const fits = (s: string) => measure(s, font) <= maxWidth;
  const lines: string[] = [];
  for (const paragraph of text.split(/\r\n?|\n/)) {
    const words = paragraph.split(/\s+/).filter((w) => w !== '');
    if (words.length === 0) continue;
    let line = '';
    for (const word of words) {
      for (const piece of fits(word) ? [word] : splitWord(word, fits)) {
        const candidate = line === '' ? piece : `${line} ${piece}`;
        if (line === '' || fits(candidate)) line = candidate;
        else {
          lines.push(line);
          line = piece;
        }
      }
      if (lines.length > maxLines) break;
    }
    lines.push(line);
    if (lines.length > maxLines) break;
  }
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = withEllipsis(kept[maxLines - 1] as string, fits);
  return kept;
}
