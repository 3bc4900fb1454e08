import type { RequestProblem } from '../../../api/http';

/** How many problems an import's error lists before "and N more". */
export const SHOWN_PROBLEMS = 10;

/** One line of the list: where in the file (empty: the file as a whole), and what is wrong. */
export interface ProblemLine {
  path: string;
  message: string;
}

/** Where the server's path points in the file: without the `strategy.` of the request body around it. */
const inFile = (path: string) => path.replace(/^strategy(?:[./]|$)/, '');

/**
 * The first problems the server found in an imported file, each with its place in the file, and
 * how many more there are. With no list (a refusal that names no field), the message alone.
 * `foreign`: the file as a whole, or its `schemaVersion`, is wrong — not an Atelier export of
 * this version (another JSON file, or one from another version), which the person is told in
 * words before the technical list.
 */
export function importProblems(
  problems: readonly RequestProblem[],
  message: string,
  max = SHOWN_PROBLEMS,
): { shown: ProblemLine[]; more: number; foreign: boolean } {
  const all = problems.length > 0 ? problems : [{ path: '', message }];
  return {
    shown: all.slice(0, max).map((problem) => ({ path: inFile(problem.path), message: problem.message })),
    more: Math.max(0, all.length - max),
    foreign: problems.some((problem) => ['', 'schemaVersion'].includes(inFile(problem.path))),
  };
}
