import { expect, test } from '@playwright/test';
import { createWorkshop, joinWorkshop } from '../fixtures/actors';

test('an observer follows the board live but cannot change it', async ({ browser }) => {
  const facilitator = await createWorkshop(browser);
  const observer = await joinWorkshop(browser, facilitator.joinCode, {
    name: 'Comité de pilotage',
    group: 'partner',
    observer: true,
  });
  await expect(observer.page.getByTestId('board.readonly')).toBeVisible();
  await expect(observer.page.getByTestId('board.add-note')).toHaveCount(0);

  const id = await facilitator.board.addNote('Tiers-lieu numérique à Ornans');
  await expect(observer.board.note(id).getByTestId('note.text')).toHaveText('Tiers-lieu numérique à Ornans');

  // Double-clicking the board adds nothing for an observer.
  await observer.board.canvas.dblclick({ position: { x: 600, y: 500 } });
  await expect(observer.board.notes).toHaveCount(1);
  await expect(facilitator.board.notes).toHaveCount(1);

  for (const actor of [facilitator, observer]) await actor.context.close();
});

test('a join code that does not exist is refused with a clear message', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto('/join/ZZZZZZ');
  await expect(page.getByTestId('join.error')).toBeVisible();
  await context.close();
});
