import { readdirSync, readFileSync } from 'node:fs';

/** A thread's nice value: field 19 of its stat, counted after the command's closing parenthesis (Linux). */
export function threadNice(tid: string): number {
  const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
}

/** The ids of this process's threads (Linux): those `started` after `before` was taken are new. */
export function threadIds(): Set<string> {
  return new Set(readdirSync('/proc/self/task'));
}
