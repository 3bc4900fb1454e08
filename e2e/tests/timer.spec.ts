import { readTimer, setTimer } from '@atelier/shared';
import { expect, type Page, test } from '@playwright/test';
import { createWorkshop, joinWorkshop } from '../fixtures/actors';
import { seedDoc } from '../fixtures/seed-board';

/** Seconds left on a page's timer (m:ss). */
async function secondsLeft(page: Page): Promise<number> {
  const text = (await page.getByTestId('timer.remaining').locator('.timer__time').textContent()) ?? '';
  const [minutes = 0, seconds = 0] = text.split(':').map(Number);
  return minutes * 60 + seconds;
}

test('the facilitator’s timer shows the same time left in every browser, and a frozen end stops participants’ input', async ({
  browser,
}) => {
  const facilitator = await createWorkshop(browser);
  const manon = await joinWorkshop(browser, facilitator.joinCode, { name: 'Manon Robert', group: 'staff' });
  const hugo = await joinWorkshop(browser, facilitator.joinCode, { name: 'Hugo Martin', group: 'resident' });
  // Participants see no timer until the facilitator sets one.
  await expect(manon.page.getByTestId('timer.remaining')).toHaveCount(0);

  await facilitator.page.getByTestId('timer.toggle').click();
  await facilitator.page.getByTestId('timer.preset.300').click();
  await facilitator.page.getByTestId('timer.startPause').click();
  for (const actor of [facilitator, manon, hugo]) {
    await expect(actor.page.getByTestId('timer.remaining')).toHaveAttribute('data-state', 'running');
  }
  // Read as close together as possible: the three browsers agree within a second.
  const left = await Promise.all([facilitator, manon, hugo].map((actor) => secondsLeft(actor.page)));
  expect(Math.max(...left) - Math.min(...left)).toBeLessThanOrEqual(1);
  expect(Math.min(...left)).toBeGreaterThan(4 * 60 + 50);

  // Pause: everyone sees the same frozen time.
  await facilitator.page.getByTestId('timer.startPause').click();
  await expect(manon.page.getByTestId('timer.remaining')).toHaveAttribute('data-state', 'paused');
  const paused = await secondsLeft(facilitator.page);
  await expect.poll(() => secondsLeft(hugo.page)).toBe(paused);

  // A 30-second timer that freezes input at the end; Manon's board turns read-only at zero.
  await facilitator.page.getByTestId('timer.freeze').check();
  await facilitator.page.getByTestId('timer.preset.30').click();
  await facilitator.page.getByTestId('timer.startPause').click();
  await expect(manon.page.getByTestId('timer.remaining')).toHaveAttribute('data-state', 'running');
  await expect(manon.page.getByTestId('board.readonly')).toHaveCount(0);
  const started = await secondsLeft(manon.page);
  // Each browser reads the time left from its own estimate of the server's clock (GET /api/time),
  // which may be off by a fraction of a second: another browser may show 0:31 for an instant.
  expect(started).toBeLessThanOrEqual(31);
  expect(started).toBeGreaterThan(5);
  // Rather than wait 30 s: the running timer, freeze included, brought to end in 2 s, the way
  // the server and every browser read it (its end time in the control document).
  await seedDoc(facilitator.page, 'control', (doc) => {
    const timer = readTimer(doc);
    if (!timer?.endsAt || !timer.freezeAtEnd) throw new Error('no running timer set to freeze');
    setTimer(doc, { ...timer, endsAt: Date.now() + 2000 });
  });
  await expect(manon.page.getByTestId('timer.remaining')).toHaveAttribute('data-state', 'ended');
  await expect(manon.page.getByTestId('board.readonly')).toHaveAttribute('data-reason', 'timeUp');
  await expect(facilitator.page.getByTestId('board.readonly')).toHaveCount(0);

  // One more minute: input resumes.
  await facilitator.page.getByTestId('timer.addMinute').click();
  await expect(manon.page.getByTestId('board.readonly')).toHaveCount(0);
  const id = await manon.board.addNote('Navette le samedi matin');
  await expect(facilitator.board.note(id)).toBeVisible();

  for (const actor of [facilitator, manon, hugo]) await actor.context.close();
});
