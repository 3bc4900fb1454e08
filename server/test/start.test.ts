/**
 * What `npm start` runs after its builds: the server compiled to server/dist, with node alone
 * (no TypeScript loader). Compiled when out of date, like `npm start` does.
 */
import { spawn } from 'node:child_process';
import { roomName } from '@atelier/shared';
import { buildServer, serverBuildIsStale, serverEntry } from '@atelier/testing';
import { afterAll, expect, it } from 'vitest';
import {
  api,
  cleanup,
  connectDoc,
  createWorkshop,
  importWorkshopWithNotes,
  makeTempDir,
  REPO_ROOT,
  withTimeout,
} from './harness';

afterAll(cleanup);

it('the compiled server starts with node alone, answers, and stops on SIGTERM within 5 s', async () => {
  if (serverBuildIsStale()) buildServer();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: await makeTempDir(),
    LOG_LEVEL: 'info',
  };
  for (const key of Object.keys(env)) if (key.startsWith('VITEST') || key === 'NODE_OPTIONS') delete env[key];
  delete env.PUBLIC_URL;
  const child = spawn(process.execPath, [serverEntry], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    let output = '';
    const url = await withTimeout(
      new Promise<string>((resolve) => {
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString('utf8');
          const match = /"url":"(http:\/\/[^"]+)"[^\n]*"msg":"listening"/.exec(output);
          if (match?.[1]) resolve(match[1]);
        });
      }),
      'the compiled server to listen',
      20_000,
    );
    expect((await api(url, 'GET', '/healthz')).status).toBe(200);
    const workshop = await createWorkshop(url);
    expect(workshop.links.participant).toBe(`${url}/join/${workshop.joinCode}`);
    // Imports are read by server/dist/thread.js, a worker thread of the compiled server.
    const strategy = await api(url, 'GET', `/api/workshops/${workshop.id}/export?format=json`, {
      token: workshop.facilitatorToken,
    });
    expect(
      (await api(url, 'POST', '/api/workshops/import', { body: { strategy: strategy.body } })).status,
    ).toBe(201);
    expect(output).toMatch(/"threadId":[1-9]\d*[^\n]*"msg":"import read"/);
    // A big board's document lives on a thread of its own, server/dist/doc-worker.js.
    const big = await importWorkshopWithNotes(url, 2_000);
    const wsUrl = `${url.replace(/^http/, 'ws')}/sync`;
    const board = await connectDoc(wsUrl, roomName(big.id, 'board'), big.facilitatorToken);
    expect(board.doc.getMap('notes').size).toBeGreaterThanOrEqual(2_000);
    board.destroy();
    expect(output).toMatch(/"msg":"room opened on a thread of its own"/);
    expect((await api(url, 'GET', '/api/share-origins')).body).toEqual({
      origins: [],
      source: 'none',
      reason: 'loopback-host',
    });

    child.kill('SIGTERM');
    expect(await withTimeout(exited, 'the compiled server to exit after SIGTERM', 5000)).toBe(0);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}, 60_000); // the compile, when out of date, takes seconds on a loaded machine
