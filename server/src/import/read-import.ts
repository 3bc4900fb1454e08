import { ImportWorkshopBody, Strategy, StrategyFile } from '@atelier/shared';
import { planSeed, planSessions, type SeedPlan } from './seed-plan';

/** A problem zod found, as it crosses threads: the path of the field and what is wrong. */
export interface ImportIssue {
  path: (string | number)[];
  message: string;
}

/**
 * What a strategy file's bytes hold: the import body and its strategy, or why not; with the
 * plan of each workshop to create (`plans`: one, or one per session of a strategy's file).
 */
export type ImportRead =
  | { ok: true; strategy: Strategy; file?: never; facilitatorName: string | undefined; plans: SeedPlan[] }
  /** A strategy's file (`kind: "strategy"`): its sessions, each with its outcome. */
  | { ok: true; file: StrategyFile; strategy?: never; facilitatorName: string | undefined; plans: SeedPlan[] }
  | { ok: false; problem: 'json' }
  | { ok: false; problem: 'body' | 'strategy'; issues: ImportIssue[] };

const plainIssues = (issues: readonly { path: readonly PropertyKey[]; message: string }[]): ImportIssue[] =>
  issues.map((issue) => ({
    path: issue.path.map((part) => (typeof part === 'number' ? part : String(part))),
    message: issue.message,
  }));

/**
 * Reads an import request's body: JSON, then the import body's schema, then the strategy's: a
 * workshop's file, or a strategy's (`kind: "strategy"`, any other `kind` refused).
 * Then plans the workshops to create (`planSeed`): their ids and documents.
 * The costly part of an import (up to 20 MiB): it runs in a worker thread (workers/pool.ts).
 */
export function readImport(bytes: Uint8Array): ImportRead {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return { ok: false, problem: 'json' };
  }
  const body = ImportWorkshopBody.safeParse(json);
  if (!body.success) return { ok: false, problem: 'body', issues: plainIssues(body.error.issues) };
  const { strategy: content } = body.data;
  if (typeof content === 'object' && content !== null && 'kind' in content) {
    const file = StrategyFile.safeParse(content);
    if (!file.success) return { ok: false, problem: 'strategy', issues: plainIssues(file.error.issues) };
    return {
      ok: true,
      file: file.data,
      facilitatorName: body.data.facilitatorName,
      plans: planSessions(file.data),
    };
  }
  const strategy = Strategy.safeParse(content);
  if (!strategy.success)
    return { ok: false, problem: 'strategy', issues: plainIssues(strategy.error.issues) };
  return {
    ok: true,
    strategy: strategy.data,
    facilitatorName: body.data.facilitatorName,
    plans: [planSeed(strategy.data)],
  };
}
