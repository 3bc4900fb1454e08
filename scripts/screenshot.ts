/**
 * `npm run screenshot -- --url http://127.0.0.1:8787`: seeds the whole demo workshop on a
 * running server, opens it as the facilitator and two participants in Debian's Chromium,
 * moves their pointers, and writes docs/screenshots/board.png (the README's picture), then
 * one picture per step of the method (docs/screenshots/step-N-<step>.png), taken from a
 * participant's screen as the facilitator moves the room.
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
  ['--import', 'tsx', 'scripts/seed-demo.ts', '--url', base, '--full'],
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
/** Closer than "fit all", so that the notes can be read in the picture. */
async function zoomToRead(page: Page): Promise<void> {
  const zoom = async () => Number(await page.getByTestId('board.canvas').getAttribute('data-zoom'));
  while ((await zoom()) < 0.6) await page.getByTestId('board.zoom-in').click();
}
await zoomToRead(facilitator);
await facilitator.locator('[data-testid="cursor"]').nth(1).waitFor();

const out = join(repoRoot, 'docs/screenshots');
mkdirSync(out, { recursive: true });
await facilitator.screenshot({ path: join(out, 'board.png') });
const written = [join(out, 'board.png')];

// The steps, as Léa sees them when the facilitator moves the room.
async function shoot(step: string, number: number, prepare?: () => Promise<void>): Promise<void> {
  await facilitator.getByTestId(`step.${step}`).click();
  await lea.locator(`[data-testid="board.main"][data-step="${step}"]`).waitFor();
  await prepare?.();
  // The "room moved" toast would hide part of the view.
  for (const toast of await lea.getByTestId('toast').all()) await toast.getByRole('button').click();
  const path = join(out, `step-${number}-${step}.png`);
  await lea.screenshot({ path });
  written.push(path);
}
await zoomToRead(lea);
await shoot('assessment', 1);
await shoot('issues', 2, () => zoomToRead(lea));
await shoot('axes', 3);
await shoot('actions', 4, async () => {
  // Léa and Hugo write in the same sheet: each sees the other's caret and field.
  await lea.getByTestId('sheet.card').first().getByTestId('sheet.open').click();
  await hugo.getByTestId('sheet.card').first().getByTestId('sheet.open').click();
  await hugo.getByTestId('sheet.text.objectives').click();
  await hugo.keyboard.press('ControlOrMeta+End');
  await hugo.keyboard.type(' Ouvrir les données en open data.');
  await lea.getByTestId('sheet.text.targetPublic').click();
  await lea.locator('[data-testid="sheet.caret"]').first().waitFor();
});
await lea.getByTestId('sheet.close').click();
await shoot('partnerships', 5, async () => {
  await lea.getByTestId('plan.sheet').first().click();
});
await shoot('monitoring', 6, async () => {
  await lea.getByTestId('plan.tab.overview').click();
});
await browser.close();
process.stdout.write(`Wrote ${written.join('\n      ')}\n`);
