import {
  ACTION_PROGRESSES,
  type ActionProgress,
  type StatusProblem as CodedProblem,
  foldText,
  type Strategy,
} from '@atelier/shared';

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

/** A problem of the file: its stable code and parameters (shared, worded by clients), and its English sentence. */
export type StatusProblem = CodedProblem & { message: string };

/** A cell's place and text, as a problem's parameters give them. */
type Cell = { line: number; column: string; value: string };

const STATUS_WORDS = 'à venir, en cours, réalisée, en pause, en retard, bloquée, abandonnée, or empty';

/** Each problem with its English sentence, which API users read (the codes are for clients). */
const problem = {
  missingColumns: (): StatusProblem => ({
    code: 'missing_columns',
    params: { line: 1 },
    message: 'The first line must name a column "id" (or "titre") and a column "avancement"',
  }),
  missingSheet: (line: number): StatusProblem => ({
    code: 'missing_sheet',
    params: { line },
    message: 'This line names no sheet: give its id or its title',
  }),
  ambiguousTitle: (params: Cell): StatusProblem => ({
    code: 'ambiguous_title',
    params,
    message: `Several sheets are titled "${params.value}": give their id`,
  }),
  unknownSheetId: (params: Cell): StatusProblem => ({
    code: 'unknown_sheet_id',
    params,
    message: `No action sheet with id ${params.value}`,
  }),
  unknownSheetTitle: (params: Cell): StatusProblem => ({
    code: 'unknown_sheet_title',
    params,
    message: `No action sheet titled "${params.value}"`,
  }),
  unknownStatus: (params: Cell): StatusProblem => ({
    code: 'unknown_status',
    params,
    message: `"${params.value}" is not a status (${STATUS_WORDS})`,
  }),
};

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
  if ((idColumn < 0 && titleColumn < 0) || statusColumn < 0) return { problems: [problem.missingColumns()] };
  const byId = new Map(sheets.map((s) => [s.id, s]));
  const byTitle = new Map<string, string[]>();
  for (const s of sheets) byTitle.set(fold(s.title), [...(byTitle.get(fold(s.title)) ?? []), s.id]);
  const changes = new Map<string, ActionProgress | null>();
  const problems: StatusProblem[] = [];
  for (const [i, row] of rows.entries()) {
    const line = i + 2;
    const cell = (column: number, value = (row[column] ?? '').trim()): Cell => ({
      line,
      column: (header[column] ?? '').trim(),
      value,
    });
    // By id when the row gives one, else by title.
    const id = idColumn >= 0 ? cell(idColumn) : undefined;
    const title = titleColumn >= 0 ? cell(titleColumn) : undefined;
    let sheet: string | undefined;
    if (id?.value) {
      sheet = byId.get(id.value)?.id;
      if (sheet === undefined) problems.push(problem.unknownSheetId(id));
    } else if (title?.value) {
      const found = byTitle.get(fold(title.value)) ?? [];
      if (found.length === 1) sheet = found[0];
      else
        problems.push(found.length === 0 ? problem.unknownSheetTitle(title) : problem.ambiguousTitle(title));
    } else problems.push(problem.missingSheet(line));
    if (sheet === undefined) continue;
    const status = row[statusColumn] ?? '';
    const progress = progressOf(status);
    if (progress === undefined) {
      // The cell as written, spaces and all: what the spreadsheet shows.
      problems.push(problem.unknownStatus(cell(statusColumn, status)));
      continue;
    }
    changes.set(sheet, progress);
  }
  return problems.length > 0 ? { problems } : { changes };
}
