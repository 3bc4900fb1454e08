import { expect, test } from '@playwright/test';
import { createWorkshop, joinWorkshop } from '../fixtures/actors';
import { BoardPanel } from '../fixtures/board-panel';

test('each participant changes only their own notes until the facilitator opens them to all; a deleted note waits in the bin and comes back for everyone', async ({
  browser,
}) => {
  const facilitator = await createWorkshop(browser);
  const ana = await joinWorkshop(browser, facilitator.joinCode, { name: 'Ana Perrin', group: 'resident' });
  const bob = await joinWorkshop(browser, facilitator.joinCode, { name: 'Bob Leroy', group: 'business' });
  const id = await ana.board.addNote('Pas de bus le dimanche');
  await expect(bob.board.note(id).getByTestId('note.text')).toHaveText('Pas de bus le dimanche');

  // Each their own (the default): Bob may not delete, recolour or edit Ana's note…
  await bob.board.note(id).click();
  await expect(bob.board.note(id).getByTestId('note.delete')).toHaveCount(0);
  await expect(bob.board.note(id).getByTestId('note.theme')).toHaveCount(0);
  await bob.board.note(id).getByTestId('note.text').dblclick();
  await expect(bob.board.note(id).locator('textarea')).toHaveCount(0);
  await bob.board.note(id).click();
  await bob.page.keyboard.press('Delete');
  await expect(
    bob.page.getByTestId('toast').filter({ hasText: 'l’animateur·rice peut la supprimer.' }),
  ).toBeVisible();
  await expect(bob.board.note(id)).toBeVisible();
  // …but may move it: sorting together is the point.
  const before = await ana.board.position(id);
  await bob.board.dragNote(id, 200, 100);
  await expect.poll(async () => (await ana.board.position(id)).x).toBeGreaterThan(before.x + 100);
  // His own note is his to change.
  const own = await bob.board.addNote('Covoiturage domicile-travail');
  await expect(bob.board.note(own).getByTestId('note.delete')).toBeVisible();

  // The facilitator opens every note to everyone: Bob edits Ana's note.
  const panel = new BoardPanel(facilitator.page);
  await panel.open();
  await expect(panel.panel.getByTestId('boardPanel.editing.own')).toBeChecked();
  await panel.setNoteEditing('all');
  await bob.board.editNote(id, 'Pas de bus le dimanche ni le soir');
  await expect(ana.board.note(id).getByTestId('note.text')).toHaveText('Pas de bus le dimanche ni le soir');

  // Bob deletes it: gone for everyone, kept in the facilitator's bin with who and when.
  await bob.board.note(id).click();
  await bob.board.note(id).getByTestId('note.delete').click();
  await expect(ana.board.note(id)).toHaveCount(0);
  const item = panel.binItem(id);
  await expect(item.getByTestId('boardPanel.bin.text')).toHaveText('Pas de bus le dimanche ni le soir');
  await expect(item.getByTestId('boardPanel.bin.meta')).toHaveText(
    /De Ana Perrin · supprimée par Bob Leroy, (maintenant|il y a \d+ (seconde|minute)s?)/,
  );

  // Restored: back for everyone, with its id, text and place.
  await panel.restore(id);
  for (const actor of [ana, bob]) {
    await expect(actor.board.note(id).getByTestId('note.text')).toHaveText(
      'Pas de bus le dimanche ni le soir',
    );
  }
  expect((await ana.board.position(id)).x).toBeGreaterThan(before.x + 100);

  // Emptying the bin is for good, after a confirmation.
  await bob.board.note(own).click();
  await bob.board.note(own).getByTestId('note.delete').click();
  await expect(panel.binItem(own)).toBeVisible();
  await panel.emptyBin();
  await expect(ana.board.note(own)).toHaveCount(0);

  for (const actor of [facilitator, ana, bob]) await actor.context.close();
});
