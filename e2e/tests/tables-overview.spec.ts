import { expect, type Page, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from '../fixtures/a11y';
import { createWorkshop, joinWorkshop } from '../fixtures/actors';
import {
  addTables,
  overviewCard as card,
  overviewCount as count,
  seatPeople,
  tablesPanel,
} from '../fixtures/tables';

const person = (page: Page, table: string, name: string) =>
  card(page, table).locator(`[data-testid="overview.person"][data-name="${name}"]`);

test('tables overview: counts and who is active live, visiting a table read only, messages to one table or all', async ({
  browser,
}) => {
  const facilitator = await createWorkshop(browser);
  const alice = await joinWorkshop(browser, facilitator.joinCode, { name: 'Alice Élue', group: 'elected' });
  const bruno = await joinWorkshop(browser, facilitator.joinCode, { name: 'Bruno Habitant' });
  const chloe = await joinWorkshop(browser, facilitator.joinCode, { name: 'Chloé Agente', group: 'staff' });
  const page = facilitator.page;

  // Two tables: Alice and Bruno at the first, Chloé at the second.
  const [a, b] = await addTables(page, 2);
  if (!a || !b) throw new Error('two tables');
  await seatPeople(page, [
    ['Alice Élue', a],
    ['Bruno Habitant', a],
    ['Chloé Agente', b],
  ]);
  for (const [actor, table] of [
    [alice, a],
    [bruno, a],
    [chloe, b],
  ] as const)
    await expect(actor.page.getByTestId('tables.mine')).toHaveAttribute('data-table-id', table);

  // Before the round the overview already shows the tables and their people, but no visit yet.
  await page.getByTestId('overview.toggle').click();
  const overview = page.getByTestId('overview.panel');
  await expect(overview).toBeVisible();
  await expect(card(page, a).getByTestId('overview.person')).toHaveCount(2);
  await expect(card(page, b).getByTestId('overview.person')).toHaveCount(1);
  await expect(person(page, b, 'Chloé Agente')).not.toHaveAttribute('data-state', 'offline');
  await expect(card(page, a).getByTestId('overview.visit')).toBeDisabled();

  // The round, open tables; then the overview again.
  await page.getByTestId('tables.toggle').click();
  await tablesPanel(page).getByTestId('tables.start').click();
  await expect(alice.page.getByTestId('tables.banner')).toBeVisible();
  await page.getByTestId('overview.toggle').click();
  await expect(overview.getByTestId('overview.round')).toHaveAttribute('data-on', 'true');
  await expect(count(page, a, 'notes')).toHaveAttribute('data-count', '0');

  // Alice writes: her table's count goes up, not the other's, and she shows as active.
  const alicesNote = await alice.board.addNote('Pistes cyclables sécurisées');
  await expect(count(page, a, 'notes')).toHaveAttribute('data-count', '1');
  await expect(count(page, b, 'notes')).toHaveAttribute('data-count', '0');
  await expect(person(page, a, 'Alice Élue')).toHaveAttribute('data-state', 'active');
  await expect(card(page, a).getByTestId('overview.activeCount')).not.toHaveAttribute('data-count', '0');
  const chloesNote = await chloe.board.addNote('Horaires des bus');
  await expect(count(page, b, 'notes')).toHaveAttribute('data-count', '1');

  // Bruno leaves: offline.
  await bruno.context.close();
  await expect(person(page, a, 'Bruno Habitant')).toHaveAttribute('data-state', 'offline');

  // Visiting the first table: only its notes, read only, until "Quitter".
  await card(page, a).getByTestId('overview.visit').click();
  await expect(page.getByTestId('overview.visiting')).toHaveAttribute('data-table-id', a);
  await expect(facilitator.board.note(alicesNote)).toHaveCount(1);
  await expect(facilitator.board.note(chloesNote)).toHaveCount(0);
  await expect(page.getByTestId('board.add-note')).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, 'tables overview, visiting a table (facilitator)');
  await page.getByTestId('overview.leave').click();
  await expect(page.getByTestId('overview.visiting')).toHaveCount(0);
  await expect(facilitator.board.note(chloesNote)).toHaveCount(1);
  await expect(page.getByTestId('board.add-note')).toBeVisible();

  // A message to the first table: Alice sees it, Chloé does not.
  await card(page, a).getByTestId('overview.messageTo').click();
  await expect(overview.getByTestId('messages.text')).toBeFocused();
  await expect(overview.getByTestId('messages.to')).toHaveValue(a);
  await overview.getByTestId('messages.text').fill('Plus que 5 minutes : nommez vos enjeux.');
  await overview.getByTestId('messages.send').click();
  await expect(overview.getByTestId('messages.sent')).toHaveCount(1);
  const toAlice = alice.page.getByTestId('messages.banner');
  await expect(toAlice).toHaveCount(1);
  await expect(toAlice).toHaveAttribute('role', 'alert');
  await expect(toAlice.getByTestId('messages.bannerText')).toHaveText(
    'Plus que 5 minutes : nommez vos enjeux.',
  );

  // A message to all: both see it, each dismisses theirs.
  await overview.getByTestId('messages.to').selectOption('');
  await overview.getByTestId('messages.text').fill('Retour en plénière à 11 h.');
  await overview.getByTestId('messages.send').click();
  await expect(overview.getByTestId('messages.sent')).toHaveCount(2);
  await expect(alice.page.getByTestId('messages.banner')).toHaveCount(2);
  const chloesMessages = chloe.page.getByTestId('messages.banner');
  await expect(chloesMessages).toHaveCount(1);
  await expect(chloesMessages.getByTestId('messages.bannerText')).toHaveText('Retour en plénière à 11 h.');
  await expectNoSeriousA11yViolations(page, 'tables overview with messages sent (facilitator)');
  await expectNoSeriousA11yViolations(alice.page, 'messages from the facilitator (participant)');
  await chloesMessages.getByTestId('messages.dismiss').click();
  await expect(chloesMessages).toHaveCount(0);

  // Clearing takes them off every screen.
  await overview.getByTestId('messages.clear').click();
  await page.getByRole('dialog').getByRole('button', { name: 'Effacer tous les messages' }).click();
  await expect(overview.getByTestId('messages.sent')).toHaveCount(0);
  await expect(alice.page.getByTestId('messages.banner')).toHaveCount(0);

  for (const actor of [facilitator, alice, chloe]) await actor.context.close();
});
