import { expect, type Page, test } from '@playwright/test';
import { createWorkshop, joinWorkshop } from '../fixtures/actors';

const zoomOf = async (page: Page) => Number(await page.getByTestId('board.canvas').getAttribute('data-zoom'));
/**
 * How far a follower's zoom is from the leader's, relatively: the follower fits the leader's
 * view into their own board, a little shorter than the leader's (the banner sits above it).
 */
const gap = async (follower: Page, zoom: number) => Math.abs((await zoomOf(follower)) / zoom - 1);

test('"follow me": a participant’s view follows the facilitator’s until they move freely, and again on demand', async ({
  browser,
}) => {
  const facilitator = await createWorkshop(browser);
  const manon = await joinWorkshop(browser, facilitator.joinCode, { name: 'Manon Robert', group: 'staff' });
  await manon.board.addNote('Tiers-lieu dans l’ancienne gare');
  const f = facilitator.page;
  const m = manon.page;
  // Same screen width on both sides: the share panel closed.
  if ((await f.getByTestId('share.toggle').getAttribute('aria-pressed')) === 'true')
    await f.getByTestId('share.toggle').click();

  await f.getByTestId('follow.toggle').click();
  await expect(m.getByTestId('follow.banner')).toContainText('Camille');
  for (let i = 0; i < 3; i++) await f.getByTestId('board.zoom-out').click();
  const leaderZoom = await zoomOf(f);
  await expect.poll(() => gap(m, leaderZoom)).toBeLessThan(0.06);
  const followed = await zoomOf(m);

  // Manon moves freely: the facilitator's next zoom leaves her view alone.
  await m.getByTestId('follow.detach').click();
  await f.getByTestId('board.zoom-in').click();
  await expect.poll(() => zoomOf(f)).toBeGreaterThan(leaderZoom);
  await expect(m.getByTestId('follow.banner')).toHaveAttribute('data-detached', 'true');
  expect(await zoomOf(m)).toBe(followed);

  // Following again catches up with the facilitator's view.
  await m.getByTestId('follow.again').click();
  const zoomedIn = await zoomOf(f);
  await expect.poll(() => gap(m, zoomedIn)).toBeLessThan(0.06);

  // The facilitator frees everyone.
  await f.getByTestId('follow.toggle').click();
  await expect(m.getByTestId('follow.banner')).toHaveCount(0);

  for (const actor of [facilitator, manon]) await actor.context.close();
});

test('"follow me" in the action plan: the sheet the facilitator opens opens for the room, and closes with theirs', async ({
  browser,
}) => {
  const facilitator = await createWorkshop(browser);
  const manon = await joinWorkshop(browser, facilitator.joinCode, { name: 'Manon Robert', group: 'staff' });
  const f = facilitator.page;
  const m = manon.page;
  await f.getByTestId('step.actions').click();
  await expect(m.getByTestId('board.main')).toHaveAttribute('data-step', 'actions');
  // A sheet without an axis, written before "follow me" starts.
  await f.getByTestId('sheet.group').last().getByTestId('sheet.new').click();
  await f.getByTestId('sheet.new-title').fill('Maison France Services itinérante');
  await f.getByTestId('sheet.new-title').press('Enter');
  await expect(f.getByTestId('sheet.editor')).toBeVisible();
  await expect(m.getByTestId('sheet.editor')).toHaveCount(0);

  await f.getByTestId('follow.toggle').click();
  await expect(m.getByTestId('sheet.editor')).toBeVisible();
  await expect(m.getByTestId('sheet.editor').getByTestId('sheet.text.title')).toHaveValue(
    'Maison France Services itinérante',
  );
  await f.getByTestId('sheet.close').click();
  await expect(f.getByTestId('sheet.editor')).toHaveCount(0);
  await expect(m.getByTestId('sheet.editor')).toHaveCount(0);

  // Moving freely: the facilitator's next sheet stays on their screen only.
  await m.getByTestId('follow.detach').click();
  await f.getByTestId('sheet.card').getByTestId('sheet.open').click();
  await expect(f.getByTestId('sheet.editor')).toBeVisible();
  await expect(m.getByTestId('sheet.editor')).toHaveCount(0);
  await m.getByTestId('follow.again').click();
  await expect(m.getByTestId('sheet.editor')).toBeVisible();

  for (const actor of [facilitator, manon]) await actor.context.close();
});
