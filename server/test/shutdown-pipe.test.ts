/**
 * `npm start | tee log`, then Ctrl-C: the reader of the server's output is gone before the
 * server writes its last lines. The server must still stop, within 5 s, whatever the signal.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { cleanup, makeTempDir, REPO_ROOT, withTimeout } from './harness';

afterAll(cleanup);

const STOP_WITHIN_MS = 5000;
const started = new Set<ChildProcess>();

afterEach(() => {
  for (const child of started)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  started.clear();
});

function track(child: ChildProcess): ChildProcess {
  started.add(child);
  return child;
}

/** Starts the server with its stdout going to `stdout` (a pipe); its stderr is kept for messages. */
async function spawnServer(stdout: 'pipe' | Readable | NodeJS.WritableStream) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: await makeTempDir(),
    LOG_LEVEL: 'info',
  };
  for (const key of Object.keys(env)) if (key.startsWith('VITEST')) delete env[key];
  delete env.PUBLIC_URL;
  return track(
    spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', stdout as 'pipe', 'pipe'],
    }),
  );
}

/** Resolves once `output` carried the server's "listening" line. */
function listening(output: Readable): Promise<void> {
  return withTimeout(
    new Promise<void>((resolve) => {
      let seen = '';
      output.on('data', (chunk: Buffer) => {
        seen += chunk.toString('utf8');
        if (seen.includes('"msg":"listening"')) resolve();
      });
    }),
    'the server to log "listening"',
    20_000,
  );
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve({ code: child.exitCode, signal: child.signalCode });
    } else child.once('exit', (code, signal) => resolve({ code, signal }));
  });
}

/** Sends `signal` and measures how long the server takes to exit (fails past 5 s). */
async function stopAndTime(server: ChildProcess, signal: NodeJS.Signals) {
  let stderr = '';
  server.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const sent = Date.now();
  server.kill(signal);
  const end = await withTimeout(
    exited(server),
    `the server to exit after ${signal} with its reader gone. stderr:\n${stderr}`,
    STOP_WITHIN_MS,
  );
  return { ...end, ms: Date.now() - sent, stderr };
}

describe.each(['SIGINT', 'SIGTERM'] as const)('%s with the output’s reader gone', (signal) => {
  it('stops within 5 s when the pipe it writes to is destroyed', async () => {
    const server = await spawnServer('pipe');
    if (!server.stdout) throw new Error('no stdout pipe');
    await listening(server.stdout);
    server.stdout.destroy();

    const end = await stopAndTime(server, signal);
    expect(end.ms).toBeLessThan(STOP_WITHIN_MS);
    expect(end.code, end.stderr).toBe(0);
  });

  it('stops within 5 s when the process reading its output (like tee) is killed', async () => {
    // `server | reader`: the reader copies what it reads to us, like tee to the terminal.
    const reader = track(
      spawn(process.execPath, ['-e', 'process.stdin.pipe(process.stdout)'], {
        stdio: ['pipe', 'pipe', 'inherit'],
      }),
    );
    if (!reader.stdin || !reader.stdout) throw new Error('no reader pipes');
    const server = await spawnServer(reader.stdin);
    // Only the server and the reader hold the pipe's ends now.
    reader.stdin.destroy();
    await listening(reader.stdout);
    reader.kill('SIGKILL');
    await exited(reader);

    const end = await stopAndTime(server, signal);
    expect(end.ms).toBeLessThan(STOP_WITHIN_MS);
    expect(end.code, end.stderr).toBe(0);
  });
});
