import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../lib/paths';

/**
 * The Atelier server before the sync work of the benchmarks issue (frames sent one by one,
 * presence relayed per message through y-protocols' Awareness, sync step 2 encoded per
 * client): the "before" of docs/benchmarks.md. Override with BENCH_BASELINE_COMMIT.
 */
export const BASELINE_COMMIT = process.env.BENCH_BASELINE_COMMIT ?? '412796e';

/**
 * A detached git worktree of the baseline commit, made once per machine under the temp dir.
 * It borrows the checkout's node_modules (same dependencies at that commit, and
 * `@atelier/shared` resolves to this checkout's shared/, which that server uses unchanged).
 */
export function baselineRoot(): string {
  const root = path.join(tmpdir(), `atelier-baseline-${BASELINE_COMMIT}`);
  if (!existsSync(path.join(root, 'server/src/main.ts'))) {
    mkdirSync(path.dirname(root), { recursive: true });
    execFileSync('git', ['-C', REPO_ROOT, 'worktree', 'add', '--force', '--detach', root, BASELINE_COMMIT], {
      stdio: 'ignore',
    });
  }
  const modules = path.join(root, 'node_modules');
  if (!existsSync(modules)) symlinkSync(path.join(REPO_ROOT, 'node_modules'), modules, 'dir');
  return root;
}
