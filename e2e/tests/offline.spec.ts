import { expect, test } from '@playwright/test';
import { createWorkshop, joinWorkshop } from '../fixtures/actors';

test('the connection indicator shows offline, and an edit made offline arrives after reconnection', async ({
  browser,
}) => {
  const facilitator = await createWorkshop(browser);
  const manon = await joinWorkshop(browser, facilitator.joinCode, { name: 'Manon Robert', group: 'staff' });
  const id = await manon.board.addNote('Éclairage public énergivore');
  await expect(facilitator.board.note(id)).toBeVisible();

  await manon.context.setOffline(true);
  await expect(manon.board.connection).toHaveAttribute('data-status', 'offline');

  await manon.board.editNote(id, 'Éclairage public énergivore la nuit');
  await expect(manon.page.getByTestId('connection.pending')).toBeVisible();
  // While Manon is offline the facilitator still sees the old text.
  await expect(facilitator.board.note(id).getByTestId('note.text')).toHaveText('Éclairage public énergivore');

  await manon.context.setOffline(false);
  await manon.board.expectConnected();
  await expect(facilitator.board.note(id).getByTestId('note.text')).toHaveText(
    'Éclairage public énergivore la nuit',
  );
  await expect(manon.page.getByTestId('connection.pending')).toBeHidden();

  for (const actor of [facilitator, manon]) await actor.context.close();
});
