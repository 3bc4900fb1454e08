import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumLaunchOptions } from '@atelier/testing';
import { defineConfig } from '@playwright/test';

// Fails first, with how to install it, when Debian's Chromium is missing.
const launchOptions = chromiumLaunchOptions();

/** A free port, chosen once by the runner and inherited by its workers through the environment. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

process.env.E2E_PORT ??= String(await freePort());
process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'atelier-e2e-'));
const port = Number(process.env.E2E_PORT);
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  testDir: './tests',
  outputDir: '../test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: true,
  retries: process.env.CI ? 1 : 0,
  // The journeys are CPU-bound on a 2-core machine (4 workers doubled each test's time): two
  // workers, fed test by test (every test makes its own workshop) so that neither idles at the end.
  workers: 2,
  fullyParallel: true,
  reporter: 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // DOM snapshots of every action, without the screencast frames: those cost ~30 % more time
    // in every test, failing or not (the failure's screenshot is still taken, below).
    trace: { mode: 'retain-on-failure', screenshots: false },
    screenshot: 'only-on-failure',
    launchOptions,
  },
  webServer: {
    command: 'node --import tsx server/src/main.ts',
    cwd: repoRoot,
    url: `http://127.0.0.1:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: process.env.E2E_DATA_DIR,
      ROOM_GRACE_MS: '1000',
      LOG_LEVEL: 'warn',
      // Every test creates its workshop from 127.0.0.1: far more than one address creates for real.
      HTTP_LIMIT_CREATE: 'off',
    },
  },
});
