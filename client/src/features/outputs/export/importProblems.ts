import type { RequestProblem } from '../../../api/http';

/** How many problems an import's error lists before "and N more". */
export const SHOWN_PROBLEMS = 10;

/** One line of the list: where in the file (empty: the file as a whole), and what is wrong. */
export interface ProblemLine {
  path: string;
  message: string;
}

/**
 * The first problems the server found in an imported file, each with its place in the file
 * (the server's path, without the `strategy.` of the request body around the file), and how
 * many more there are. With no list (a refusal that names no field), the message alone.
 */
export function importProblems(
  problems: readonly RequestProblem[],
  message: string,
  max = SHOWN_PROBLEMS,
): { shown: ProblemLine[]; more: number } {
  const all = problems.length > 0 ? problems : [{ path: '', message }];
  return {
    shown: all.slice(0, max).map((problem) => ({
      path: problem.path.replace(/^strategy(?:[./]|$)/, ''),
      message: problem.message,
    })),
    more: Math.max(0, all.length - max),
  };
}
