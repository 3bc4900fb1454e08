import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const builtIndex = join(repoRoot, 'client/dist/index.html');
const sources = [
  'client/src',
  'client/index.html',
  'client/public',
  'shared/src',
  'vite.config.ts',
  'package-lock.json',
];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Whether client/dist is missing or older than any file it is built from. */
export function clientBuildIsStale(): boolean {
  if (!existsSync(builtIndex)) return true;
  const built = statSync(builtIndex).mtimeMs;
  return sources.some((source) => newestMtime(join(repoRoot, source)) > built);
}

export async function buildClient(): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: join(repoRoot, 'vite.config.ts'), logLevel: 'warn' });
}
