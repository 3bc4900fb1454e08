import type { RequestProblem } from '../../../api/http';

/**
 * A refused status CSV, line by line, in the person's language. The server names each problem's
 * line (`path: "line 3"`) and says it in English (server/src/followUp/statusCsv.ts): the known
 * sentences are given a key of ours, any other is shown as the server wrote it.
 */

export type StatusProblemKey =
  | 'followUp.import.problem.header'
  | 'followUp.import.problem.ambiguous'
  | 'followUp.import.problem.noId'
  | 'followUp.import.problem.noTitle'
  | 'followUp.import.problem.status';

export interface StatusProblemLine {
  /** The file's line (1 is the header), `null` when the server named none. */
  line: number | null;
  /** Our sentence for it, or `null`: then `message`, the server's. */
  key: StatusProblemKey | null;
  vars: Record<string, string>;
  message: string;
}

const KNOWN: readonly [RegExp, StatusProblemKey, readonly string[]][] = [
  [/^The first line must name a column/, 'followUp.import.problem.header', []],
  [/^Several sheets are titled "(.*)": give their id$/s, 'followUp.import.problem.ambiguous', ['title']],
  [/^No action sheet with id (.*)$/s, 'followUp.import.problem.noId', ['id']],
  [/^No action sheet titled "(.*)"$/s, 'followUp.import.problem.noTitle', ['title']],
  [/^"(.*)" is not a status\b/s, 'followUp.import.problem.status', ['value']],
];

/** One problem of the server's list, with its line and our wording. */
export function statusProblem(problem: RequestProblem): StatusProblemLine {
  const line = /^line (\d+)$/.exec(problem.path);
  for (const [pattern, key, names] of KNOWN) {
    const match = pattern.exec(problem.message);
    if (!match) continue;
    const vars = Object.fromEntries(names.map((name, i) => [name, match[i + 1] ?? '']));
    return { line: line ? Number(line[1]) : null, key, vars, message: problem.message };
  }
  return { line: line ? Number(line[1]) : null, key: null, vars: {}, message: problem.message };
}

/** Every problem in the file's order; the error's own message when the server listed none. */
export function statusProblems(problems: readonly RequestProblem[], message: string): StatusProblemLine[] {
  if (problems.length === 0) return [{ line: null, key: null, vars: {}, message }];
  return problems.map(statusProblem).sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/** The server refuses a status file over 1 MB (413): a larger one is not even read. */
export const STATUS_FILE_MAX_BYTES = 1024 * 1024;

/** Why a chosen file is not sent, or `null`: a spreadsheet's CSV (or plain text) under 1 MB. */
export function statusFileRefusal(file: {
  name: string;
  size: number;
  type: string;
}): 'notCsv' | 'tooLarge' | null {
  const text = /\.(csv|txt)$/i.test(file.name) || /^text\/(csv|plain)\b/i.test(file.type);
  if (!text) return 'notCsv';
  return file.size > STATUS_FILE_MAX_BYTES ? 'tooLarge' : null;
}
