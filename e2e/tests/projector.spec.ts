import { expect, test } from '@playwright/test';
import { createWorkshop, joinWorkshop } from '../fixtures/actors';

test('the projector view shows the board and the timer in large type, without editing chrome, until Escape', async ({
  browser,
}) => {
  const facilitator = await createWorkshop(browser);
  const manon = await joinWorkshop(browser, facilitator.joinCode, { name: 'Manon Robert', group: 'staff' });
  const id = await manon.board.addNote('Navette électrique entre les hameaux');
  const f = facilitator.page;
  await expect(facilitator.board.note(id)).toBeVisible();
  await f.getByTestId('timer.toggle').click();
  await f.getByTestId('timer.preset.300').click();
  await f.keyboard.press('Escape');

  await f.getByTestId('projector.open').click();
  await expect(f.getByTestId('board')).toHaveAttribute('data-projector', 'true');
  await expect(f.getByTestId('board.add-note')).toBeHidden();
  await expect(f.getByTestId('share.toggle')).toBeHidden();
  await expect(f.getByTestId('timer.remaining')).toBeVisible();
  await expect(facilitator.board.note(id)).toContainText('Navette électrique');
  // Nothing is editable from the room's screen: a double click opens no editor.
  await facilitator.board.note(id).dblclick();
  await expect(facilitator.board.note(id).locator('textarea')).toHaveCount(0);
  // The room still sees live changes.
  const second = await manon.board.addNote('Covoiturage domicile-travail');
  await expect(facilitator.board.note(second)).toBeVisible();

  await f.keyboard.press('Escape');
  await expect(f.getByTestId('board')).toHaveAttribute('data-projector', 'false');
  await expect(f.getByTestId('board.add-note')).toBeVisible();

  for (const actor of [facilitator, manon]) await actor.context.close();
});
