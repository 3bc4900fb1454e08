import { expect, test } from '@playwright/test';
import { createWorkshop, joinWorkshop } from '../fixtures/actors';

test('the facilitator locks the board: participants read only until it is unlocked, the facilitator still writes', async ({
  browser,
}) => {
  const facilitator = await createWorkshop(browser);
  const manon = await joinWorkshop(browser, facilitator.joinCode, { name: 'Manon Robert', group: 'staff' });
  const before = await manon.board.addNote('Maison France Services itinérante');
  await expect(facilitator.board.note(before)).toBeVisible();

  await facilitator.page.getByTestId('board.lock').click();
  await expect(facilitator.page.getByTestId('board.lock')).toHaveAttribute('aria-pressed', 'true');
  await expect(manon.page.getByTestId('board.readonly')).toHaveAttribute('data-reason', 'locked');
  await expect(manon.page.getByTestId('board.add-note')).toHaveCount(0);
  // The facilitator is not locked out.
  const facilitatorNote = await facilitator.board.addNote('Synthèse de l’animation');
  await expect(manon.board.note(facilitatorNote)).toBeVisible();

  await facilitator.page.getByTestId('board.lock').click();
  await expect(manon.page.getByTestId('board.readonly')).toHaveCount(0);
  const after = await manon.board.addNote('Permanences numériques le samedi');
  await expect(facilitator.board.note(after)).toBeVisible();

  for (const actor of [facilitator, manon]) await actor.context.close();
});
