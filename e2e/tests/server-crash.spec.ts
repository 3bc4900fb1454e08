import { expect, test } from '@playwright/test';
import { createWorkshop, joinWorkshop } from '../fixtures/actors';
import { OwnServer } from '../fixtures/own-server';

test('after a server crash (kill -9) and restart, nothing is lost and edits made meanwhile arrive', async ({
  browser,
}) => {
  const server = new OwnServer();
  await server.start();
  try {
    const facilitator = await createWorkshop(browser, { baseURL: server.url });
    const lucas = await joinWorkshop(browser, facilitator.joinCode, {
      name: 'Lucas Laurent',
      group: 'staff',
      baseURL: server.url,
    });
    const id = await lucas.board.addNote('Parking relais saturé');
    await expect(facilitator.board.note(id).getByTestId('note.text')).toHaveText('Parking relais saturé');

    await server.kill();
    for (const actor of [facilitator, lucas]) {
      await expect(actor.board.connection).toHaveAttribute('data-status', 'connecting');
    }
    // Lucas keeps working while the server is down: his edit waits, and says so.
    await lucas.board.editNote(id, 'Parking relais saturé dès 8 h');
    await expect(lucas.page.getByTestId('connection.pending')).toBeVisible();

    await server.start();
    for (const actor of [facilitator, lucas]) await actor.board.expectConnected();
    await expect(facilitator.board.note(id).getByTestId('note.text')).toHaveText(
      'Parking relais saturé dès 8 h',
    );
    await expect(lucas.page.getByTestId('connection.pending')).toBeHidden();

    // A newcomer after the crash sees the board as everyone else does.
    const zoe = await joinWorkshop(browser, facilitator.joinCode, {
      name: 'Zoé David',
      group: 'staff',
      baseURL: server.url,
    });
    await expect(zoe.board.note(id).getByTestId('note.text')).toHaveText('Parking relais saturé dès 8 h');

    for (const actor of [facilitator, lucas, zoe]) await actor.context.close();
  } finally {
    await server.kill();
  }
});
