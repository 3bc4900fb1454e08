import { ACTION_PROGRESSES, type ActionProgress, foldText, type Strategy } from '@atelier/shared';

/**
 * A status CSV (issue 20 §4): after the workshop, the facilitator updates where each action
 * stands from a spreadsheet — a column naming the sheet (`id`, or `titre` / `title`) and a column
 * `avancement` (or `progress`) in French or English words, or the codes. `;` or `,` between
 * fields, quotes as RFC 4180, a UTF-8 byte-order mark ignored. Every row is checked first: one bad
 * row and nothing changes.
 */

/** The words a status cell may hold, folded (lowercase, no accents), by progress; empty: not set. */
const WORDS: Record<ActionProgress, readonly string[]> = {
  planned: ['a venir', 'planned', 'prevue', 'prevu'],
  'in-progress': ['en cours', 'in progress'],
  done: ['realisee', 'realise', 'terminee', 'termine', 'done'],
  paused: ['en pause', 'paused'],
  late: ['en retard', 'late'],
  blocked: ['bloquee', 'bloque', 'blocked'],
  abandoned: ['abandonnee', 'abandonne', 'abandoned'],
};
const CLEAR = ['', 'non renseigne', 'not set'];

const fold = (text: string) => foldText(text).replace(/\s+/g, ' ').trim();

/** A status cell's progress, `null` to clear it, `undefined` when it is no known word. */
export function progressOf(cell: string): ActionProgress | null | undefined {
  const word = fold(cell);
  if (CLEAR.includes(word)) return null;
  for (const progress of ACTION_PROGRESSES)
    if (progress === word || WORDS[progress].includes(word)) return progress;
  return undefined;
}

/** The rows of a CSV text (RFC 4180 quoting), `;` or `,` as the header line uses. */
export function parseCsv(text: string): string[][] {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const separator = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === separator) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((cell) => cell.trim() !== ''));
}

export interface StatusProblem {
  /** The file's line (1 is the header). */
  line: number;
  message: string;
}

/** The changes a status CSV asks for, by sheet id, or every problem found (then nothing applies). */
export function readStatusCsv(
  text: string,
  sheets: readonly Pick<Strategy['actions'][number], 'id' | 'title'>[],
):
  | { changes: Map<string, ActionProgress | null>; problems?: never }
  | { problems: StatusProblem[]; changes?: never } {
  const [header = [], ...rows] = parseCsv(text);
  const column = (...names: string[]) => header.findIndex((h) => names.includes(fold(h)));
  const idColumn = column('id', 'identifiant', 'fiche (identifiant)');
  const titleColumn = column('titre', 'title', 'intitule', "titre de l'action");
  const statusColumn = column('avancement', 'progress', 'statut', 'status');
  if ((idColumn < 0 && titleColumn < 0) || statusColumn < 0)
    return {
      problems: [
        {
          line: 1,
          message: 'The first line must name a column "id" (or "titre") and a column "avancement"',
        },
      ],
    };
  const byId = new Map(sheets.map((s) => [s.id, s]));
  const byTitle = new Map<string, string[]>();
  for (const s of sheets) byTitle.set(fold(s.title), [...(byTitle.get(fold(s.title)) ?? []), s.id]);
  const changes = new Map<string, ActionProgress | null>();
  const problems: StatusProblem[] = [];
  rows.forEach((row, i) => {
    const line = i + 2;
    const id = idColumn >= 0 ? (row[idColumn] ?? '').trim() : '';
    const title = titleColumn >= 0 ? (row[titleColumn] ?? '').trim() : '';
    let sheet: string | undefined;
    if (id !== '') sheet = byId.get(id)?.id;
    else {
      const found = byTitle.get(fold(title)) ?? [];
      if (found.length > 1) {
        problems.push({ line, message: `Several sheets are titled "${title}": give their id` });
        return;
      }
      sheet = found[0];
    }
    if (sheet === undefined) {
      problems.push({
        line,
        message: `No action sheet ${id !== '' ? `with id ${id}` : `titled "${title}"`}`,
      });
      return;
    }
    const progress = progressOf(row[statusColumn] ?? '');
    if (progress === undefined) {
      problems.push({
        line,
        message: `"${row[statusColumn]}" is not a status (à venir, en cours, réalisée, en pause, en retard, bloquée, abandonnée, or empty)`,
      });
      return;
    }
    changes.set(sheet, progress);
  });
  return problems.length > 0 ? { problems } : { changes };
}
