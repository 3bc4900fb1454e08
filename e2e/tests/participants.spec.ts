import { expect, test } from '@playwright/test';
import { createWorkshop, joinWorkshop } from '../fixtures/actors';
import { ParticipantsPanel } from '../fixtures/participants-panel';

test('the facilitator sees who is here with their group and notes, removes one person and promotes another', async ({
  browser,
}) => {
  const facilitator = await createWorkshop(browser);
  const lea = await joinWorkshop(browser, facilitator.joinCode, { name: 'Léa Muller', group: 'elected' });
  const hugo = await joinWorkshop(browser, facilitator.joinCode, {
    name: 'Hugo Martinez',
    group: 'resident',
  });
  await lea.board.addNote('Pas de piste cyclable vers la gare');
  await lea.board.addNote('Centre-bourg peu commerçant');
  await hugo.board.addNote('Fibre absente des hameaux');

  // Participants have no such panel.
  await expect(lea.page.getByTestId('participants.toggle')).toHaveCount(0);

  const panel = new ParticipantsPanel(facilitator.page);
  await panel.open();
  await expect(facilitator.page.getByTestId('share.panel')).toHaveCount(0);
  await expect(panel.row('Camille')).toHaveAttribute('data-role', 'facilitator');
  for (const [name, group, notes] of [
    ['Léa Muller', 'Élu·e', '2 contributions'],
    ['Hugo Martinez', 'Habitant·e', '1 contribution'],
  ] as const) {
    const row = panel.row(name);
    await expect(row).toHaveAttribute('data-role', 'participant');
    await expect(row).toHaveAttribute('data-here', 'true');
    await expect(row.getByTestId('participants.group')).toHaveText(group);
    await expect(row.getByTestId('participants.notes')).toHaveText(notes);
  }
  // Nobody removes themselves: the facilitator's own row offers nothing.
  await expect(panel.row('Camille').getByTestId('participants.remove')).toHaveCount(0);

  // Removing Léa closes her board at once, with a message saying why; her notes stay.
  await panel.remove('Léa Muller');
  await expect(lea.page.getByTestId('connection.closed')).toHaveAttribute('data-code', '4410');
  await expect(lea.page.getByRole('heading', { name: 'Vous avez été retiré·e de l’atelier' })).toBeVisible();
  await expect(panel.row('Léa Muller').getByTestId('participants.role')).toHaveText('Retiré·e');
  await expect(panel.row('Léa Muller')).toHaveAttribute('data-here', 'false');
  await expect(panel.row('Léa Muller').getByTestId('participants.remove')).toHaveCount(0);
  await expect(facilitator.board.notes).toHaveCount(3);
  await expect(hugo.board.notes).toHaveCount(3);

  // Promoting Hugo gives him the facilitator's controls without a reload.
  await expect(hugo.page.getByTestId('share.toggle')).toHaveCount(0);
  await panel.promote('Hugo Martinez');
  await expect(panel.row('Hugo Martinez')).toHaveAttribute('data-role', 'coFacilitator');
  await expect(panel.row('Hugo Martinez').getByTestId('participants.role')).toHaveText('Co-animateur·rice');
  await expect(hugo.page.getByTestId('header.you')).toHaveAttribute('data-role', 'facilitator');
  await expect(hugo.page.getByTestId('share.toggle')).toBeVisible();
  await expect(hugo.page.getByTestId('participants.toggle')).toBeVisible();
  await hugo.board.expectConnected();

  for (const actor of [facilitator, lea, hugo]) await actor.context.close();
});
