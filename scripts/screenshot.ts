/**
 * `npm run screenshot -- --url http://127.0.0.1:8787`: seeds the whole demo workshop on a
 * running server, opens it as the facilitator and two participants in Debian's Chromium,
 * moves their pointers, and writes docs/screenshots/board.png (the README's picture), then
 * one picture per step of the method (docs/screenshots/step-N-<step>.png), taken from a
 * participant's screen as the facilitator moves the room, and a dot vote on the issues
 * (docs/screenshots/votes-ballot.png, votes-results.png), and the facilitator's export panel
 * (docs/screenshots/export-panel.png), its board panel with a deleted note in the bin
 * (docs/screenshots/board-panel.png) and a participant's phone (docs/screenshots/phone.png).
 * Then two more rooms of the same fixture, at 1280 × 800: a table round seen in the facilitator's
 * "Vue des tables" (docs/screenshots/tables-overview.png, screenshots/tables.ts) and a strategy's
 * "Ce qui a changé" between two sessions (docs/screenshots/strategy-changes.png,
 * screenshots/changes.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { JoinResponse, WorkshopPreview } from '@atelier/shared';
import { chromiumLaunchOptions, repoRoot } from '@atelier/testing';
import { chromium, type Page } from '@playwright/test';
import { api, tokenOf } from './demo-room';
import { shootStrategyChanges } from './screenshots/changes';
import { shootTablesOverview } from './screenshots/tables';

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

/** The "room moved" toast would hide part of the view. */
async function dismissToasts(page: Page): Promise<void> {
  for (const toast of await page.getByTestId('toast').all()) await toast.getByRole('button').click();
}

// The steps, as Léa sees them when the facilitator moves the room.
async function shoot(step: string, number: number, prepare?: () => Promise<void>): Promise<void> {
  await facilitator.getByTestId(`step.${step}`).click();
  await lea.locator(`[data-testid="board.main"][data-step="${step}"]`).waitFor();
  await prepare?.();
  await dismissToasts(lea);
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

// A secret dot vote on the issues: Léa's ballot, then the results everyone sees at the reveal.
const workshopId = /\/w\/([^#?]+)/.exec(facilitatorLink)?.[1] ?? '';
const facilitatorToken = tokenOf(facilitatorLink);
await facilitator.getByTestId('step.issues').click();
await lea.locator('[data-testid="board.main"][data-step="issues"]').waitFor();
const round = await api<{ id: string; targets: { id: string }[] }>(
  base,
  'POST',
  `/workshops/${workshopId}/rounds`,
  {
    token: facilitatorToken,
    body: {
      title: 'Quels enjeux prioriser ?',
      targetKind: 'issues',
      targets: 'all',
      mode: 'dots',
      dots: { budget: 5, cap: 2 },
    },
  },
);
await api(base, 'POST', `/workshops/${workshopId}/rounds/${round.id}/open`, { token: facilitatorToken });
// Joining acknowledges the privacy notice the join page shows.
const { privacy } = await api(base, 'GET', `/join/${code}`, { schema: WorkshopPreview });
// Others of the room vote from their laptops (through the API here), three or more per group.
const GROUPS = [
  'elected',
  'elected',
  'elected',
  'resident',
  'resident',
  'resident',
  'resident',
  'staff',
  'staff',
  'staff',
  'association',
];
for (const [i, group] of GROUPS.entries()) {
  const voter = await api(base, 'POST', '/join', {
    body: { code, name: `Votant ${i + 1}`, group, noticeVersion: privacy.version },
    schema: JoinResponse,
  });
  const pick = (k: number) => round.targets[(i * 3 + k * 5) % round.targets.length]?.id ?? '';
  const dots: Record<string, number> = { [pick(0)]: 2 };
  dots[pick(1)] = Math.min(2, (dots[pick(1)] ?? 0) + 2);
  await api(base, 'PUT', `/workshops/${workshopId}/rounds/${round.id}/ballots/${voter.participantId}`, {
    token: voter.token,
    body: { requestId: crypto.randomUUID(), dots },
  });
}
/** The person's ballot is read from the server before their first dot. */
const ballotRead = (page: Page, left: number) =>
  page.locator(`[data-testid="votes.remaining"][data-remaining="${left}"]`).waitFor();
await lea.getByTestId('votes.banner-go').click();
await ballotRead(lea, 5);
await lea.getByTestId('votes.add').first().click();
await lea.getByTestId('votes.add').first().click();
await lea.getByTestId('votes.add').nth(2).click();
await ballotRead(lea, 2);
await dismissToasts(lea);
const ballotPicture = join(out, 'votes-ballot.png');
await lea.screenshot({ path: ballotPicture });
await hugo.getByTestId('votes.banner-go').click();
await ballotRead(hugo, 5);
await hugo.getByTestId('votes.add').nth(1).click();
await ballotRead(hugo, 4);
await facilitator.getByTestId('votes.toggle').click();
await facilitator.getByTestId('votes.action-reveal').click();
await facilitator.getByTestId('votes.close').click();
await lea.getByTestId('votes.results').waitFor();
const resultsPicture = join(out, 'votes-results.png');
await lea.screenshot({ path: resultsPicture });
written.push(ballotPicture, resultsPicture);

// The facilitator's export panel: what the export holds, then the downloads.
await facilitator.getByTestId('votes.results-close').click();
await facilitator.getByTestId('step.assessment').click();
await facilitator.getByTestId('export.toggle').click();
await facilitator.getByTestId('export.counts').waitFor();
await dismissToasts(facilitator);
// Off the button, and past its colour transition.
await facilitator.mouse.move(600, 500);
await facilitator.waitForFunction(
  `document.querySelector('[data-testid="export.toggle"]').getAnimations().length === 0`,
);
const exportPicture = join(out, 'export-panel.png');
await facilitator.screenshot({ path: exportPicture });
written.push(exportPicture);

// The facilitator's board panel: who may change a note, and the bin with a note Léa deleted.
await facilitator.getByTestId('export.toggle').click();
const leasNote = lea.getByTestId('note').filter({ hasText: 'Navette le dimanche' });
await lea.getByTestId('votes.results-close').click();
await lea.locator('[data-testid="board.main"][data-step="assessment"]').waitFor();
await lea.getByTestId('board.add-note').click();
await lea.keyboard.type('Navette le dimanche vers la gare');
await lea.keyboard.press('Escape');
await leasNote.click();
await leasNote.getByTestId('note.delete').click();
await facilitator.getByTestId('boardPanel.toggle').click();
await facilitator.getByTestId('boardPanel.bin.item').waitFor();
await dismissToasts(facilitator);
await facilitator.mouse.move(600, 500);
await facilitator.waitForFunction(
  `document.querySelector('[data-testid="boardPanel.toggle"]').getAnimations().length === 0`,
);
const boardPanelPicture = join(out, 'board-panel.png');
await facilitator.screenshot({ path: boardPanelPicture });
written.push(boardPanelPicture);

// A participant on a phone, as the QR code brings them: the room's step at 390 × 844.
const phoneContext = await browser.newContext({
  locale: 'fr-FR',
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
});
const phone = await phoneContext.newPage();
await phone.goto(`${base}/join/${code}`);
await phone.getByTestId('join.name').fill('Inès Petit');
await phone.getByTestId('join.group').selectOption('business');
await phone.getByTestId('join.submit').tap();
await facilitator.getByTestId('step.axes').click();
await phone.locator('[data-testid="board.main"][data-step="axes"]').waitFor();
await dismissToasts(phone);
const phonePicture = join(out, 'phone.png');
await phone.screenshot({ path: phonePicture });
written.push(phonePicture);

// The tables overview and a strategy's changes, each in a room of its own.
written.push(await shootTablesOverview(base, browser, out));
written.push(await shootStrategyChanges(base, browser, out));

await browser.close();
process.stdout.write(`Wrote ${written.join('\n      ')}\n`);
