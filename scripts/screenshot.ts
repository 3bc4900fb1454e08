/**
 * `npm run screenshot -- --url http://127.0.0.1:8787`: seeds a demo workshop on a running
 * server, opens it as the facilitator and two participants in Debian's Chromium, moves
 * their pointers, and writes docs/screenshots/board.png (the README's picture).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/chromium';
import { repoRoot } from './client-build';

const { values } = parseArgs({ options: { url: { type: 'string', default: 'http://127.0.0.1:8787' } } });
const base = values.url.replace(/\/+$/, '');

const seeded = execFileSync(
  process.execPath,
  ['--import', 'tsx', 'scripts/seed-demo.ts', '--url', base, '--notes', '40'],
  {
    cwd: repoRoot,
    encoding: 'utf8',
  },
);
const facilitatorLink = /Facilitator: (\S+)/.exec(seeded)?.[1];
const code = /Join code: (\S+)/.exec(seeded)?.[1];
if (!facilitatorLink || !code) throw new Error(`seeding failed:\n${seeded}`);

const browser = await chromium.launch(chromiumLaunchOptions());

async function open(url: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

async function joinAs(name: string, group: string): Promise<Page> {
  const page = await open(`${base}/join/${code}`);
  await page.getByTestId('join.name').fill(name);
  await page.getByTestId('join.group').selectOption(group);
  await page.getByTestId('join.submit').click();
  await page.getByTestId('board.canvas').waitFor();
  return page;
}

const facilitator = await open(facilitatorLink);
await facilitator.getByTestId('board.canvas').waitFor();
const lea = await joinAs('Léa Muller', 'elected');
const hugo = await joinAs('Hugo Martinez', 'resident');
await lea.mouse.move(520, 420);
await hugo.mouse.move(900, 300);
await lea.mouse.move(540, 430, { steps: 5 });
await hugo.mouse.move(880, 320, { steps: 5 });
await facilitator.getByTestId('presence.count').filter({ hasText: '3' }).waitFor();
// Closer than "fit all", so the notes can be read in the picture.
for (let i = 0; i < 3; i++) await facilitator.getByTestId('board.zoom-in').click();
await facilitator.locator('[data-testid="cursor"]').nth(1).waitFor();

const out = join(repoRoot, 'docs/screenshots');
mkdirSync(out, { recursive: true });
await facilitator.screenshot({ path: join(out, 'board.png') });
await browser.close();
process.stdout.write(`Wrote ${join(out, 'board.png')}\n`);
