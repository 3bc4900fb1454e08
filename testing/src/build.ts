import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const builtIndex = join(repoRoot, 'client/dist/index.html');
const builtServer = join(repoRoot, 'server/dist/main.js');
/** What `npm start` runs: the compiled server, with node alone. */
export const serverEntry = builtServer;
const clientSources = [
  'client/src',
  'client/index.html',
  'client/public',
  'shared/src',
  'vite.config.ts',
  'testing/src/precompress.ts',
  'package-lock.json',
];
const serverSources = ['server/src', 'shared/src', 'scripts/server-build.config.ts', 'package-lock.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function isStale(built: string, sources: readonly string[]): boolean {
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return sources.some((source) => newestMtime(join(repoRoot, source)) > builtAt);
}

/** Whether client/dist is missing or older than any file it is built from. */
export const clientBuildIsStale = () => isStale(builtIndex, clientSources);
/** Whether server/dist is missing or older than any file it is compiled from. */
export const serverBuildIsStale = () => isStale(builtServer, serverSources);

/**
 * Runs `vite build` in a child process: the build's memory (hundreds of MB) goes away with it
 * instead of staying in whichever process asked for it.
 */
function viteBuild(args: string[]): void {
  const result = spawnSync(
    process.execPath,
    [join(repoRoot, 'node_modules/vite/bin/vite.js'), 'build', ...args],
    {
      cwd: repoRoot,
      stdio: 'inherit',
    },
  );
  if (result.status !== 0)
    throw new Error(`vite build ${args.join(' ')} failed (exit code ${result.status})`);
}

/** client/dist, with .br and .gz copies of its text files. */
export function buildClient(): void {
  viteBuild(['--logLevel', 'warn']);
}

/** server/dist/main.js: the server compiled to JavaScript. */
export function buildServer(): void {
  viteBuild(['-c', 'scripts/server-build.config.ts']);
}
