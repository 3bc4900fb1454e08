import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const BENCH_ROOT = path.join(REPO_ROOT, 'bench');
export const RESULTS_DIR = path.join(BENCH_ROOT, 'results');

/**
 * Directory of an installed package, looked up where npm workspaces put it (bench's own
 * node_modules first, then the hoisted root). Not `require.resolve`: some packages do not
 * export their package.json.
 */
export function packageDir(name: string): string {
  for (const base of [BENCH_ROOT, REPO_ROOT]) {
    const dir = path.join(base, 'node_modules', name);
    if (existsSync(path.join(dir, 'package.json'))) return dir;
  }
  throw new Error(`Package ${name} is not installed (npm ci at the repository root)`);
}

/** `version` field of an installed package's package.json. */
export function packageVersion(name: string): string {
  const json = JSON.parse(readFileSync(path.join(packageDir(name), 'package.json'), 'utf8')) as {
    version: string;
  };
  return json.version;
}
