import { StatusProblem } from '@atelier/shared';
import type { RequestProblem } from '../../../api/http';
import type { Translator } from '../../../i18n/translate';

/**
 * A refused status CSV, line by line, in the person's language. The server gives each problem a
 * stable `code` and its `params` (shared `StatusProblem`, server/src/followUp/statusCsv.ts), which
 * we word; a problem without a code we know (a newer server's) is shown as the server wrote it.
 */

export type StatusProblemKey =
  | 'followUp.import.problem.header'
  | 'followUp.import.problem.noSheet'
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

/** Our sentence for each code, with the words it takes from the problem's parameters. */
function wording(problem: StatusProblem): { key: StatusProblemKey; vars: Record<string, string> } {
  switch (problem.code) {
    case 'missing_columns':
      return { key: 'followUp.import.problem.header', vars: {} };
    case 'missing_sheet':
      return { key: 'followUp.import.problem.noSheet', vars: {} };
    case 'ambiguous_title':
      return { key: 'followUp.import.problem.ambiguous', vars: { title: problem.params.value } };
    case 'unknown_sheet_id':
      return { key: 'followUp.import.problem.noId', vars: { id: problem.params.value } };
    case 'unknown_sheet_title':
      return { key: 'followUp.import.problem.noTitle', vars: { title: problem.params.value } };
    case 'unknown_status':
      return { key: 'followUp.import.problem.status', vars: { value: problem.params.value } };
  }
}

/** One problem of the server's list, with its line and our wording. */
export function statusProblem(problem: RequestProblem): StatusProblemLine {
  const coded = StatusProblem.safeParse(problem);
  if (coded.success)
    return { line: coded.data.params.line, ...wording(coded.data), message: problem.message };
  const line = /^line (\d+)$/.exec(problem.path);
  return { line: line ? Number(line[1]) : null, key: null, vars: {}, message: problem.message };
}

/** Every problem in the file's order; the error's own message when the server listed none. */
export function statusProblems(problems: readonly RequestProblem[], message: string): StatusProblemLine[] {
  if (problems.length === 0) return [{ line: null, key: null, vars: {}, message }];
  return problems.map(statusProblem).sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/** What the person reads for a problem: our sentence, or the server's. */
export function problemText(t: Translator, problem: StatusProblemLine): string {
  return problem.key ? t(problem.key, problem.vars) : problem.message;
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
