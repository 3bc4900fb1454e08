import { expect, test } from '@playwright/test';
import { type Actor, createWorkshop, joinWorkshop } from '../fixtures/actors';

test('tables: an automatic split mixes the groups, each table works in its own space, and the plenary brings everything back', async ({
  browser,
}) => {
  const facilitator = await createWorkshop(browser);
  const people: Record<string, Actor> = {};
  for (const [name, group] of [
    ['Alice Élue', 'elected'],
    ['Bruno Élu', 'elected'],
    ['Chloé Habitante', 'resident'],
    ['David Habitant', 'resident'],
  ] as const)
    people[name] = await joinWorkshop(browser, facilitator.joinCode, { name, group });

  // Setting up: two tables, then the automatic split.
  const page = facilitator.page;
  await page.getByTestId('tables.toggle').click();
  const panel = page.getByTestId('tables.panel');
  await expect(panel).toBeVisible();
  await panel.getByTestId('tables.add').click();
  await panel.getByTestId('tables.add').click();
  await expect(panel.getByTestId('tables.table')).toHaveCount(2);
  await panel.getByTestId('tables.name').first().fill('Rivière');
  await panel.getByTestId('tables.name').first().press('Enter');
  await expect(panel.getByTestId('tables.unseated').getByTestId('tables.person')).toHaveCount(4);
  await panel.getByTestId('tables.balance').click();
  await expect(panel.getByTestId('tables.unseated').getByTestId('tables.person')).toHaveCount(0);
  const tableIds: string[] = [];
  for (const table of await panel.getByTestId('tables.table').all()) {
    // Each table: two people, one of each group.
    await expect(table.getByTestId('tables.person')).toHaveCount(2);
    const groups = await table
      .getByTestId('tables.person')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-group')).sort());
    expect(groups).toEqual(['elected', 'resident']);
    tableIds.push((await table.getAttribute('data-table-id')) ?? '');
  }
  // Who sits where, read off the panel.
  const seatOf: Record<string, string> = {};
  for (const row of await panel.getByTestId('tables.person').all()) {
    const name = (await row.getAttribute('data-name')) ?? '';
    seatOf[name] = (await row.getByTestId('tables.move').inputValue()) ?? '';
  }
  // Everyone sees their own table in the header.
  for (const [name, actor] of Object.entries(people))
    await expect(actor.page.getByTestId('tables.mine')).toHaveAttribute('data-table-id', seatOf[name] ?? '');

  // The round on step 1, closed tables: each one writes a note only their table sees.
  await panel.getByTestId('tables.closed').check();
  await panel.getByTestId('tables.start').click();
  for (const actor of Object.values(people))
    await expect(actor.page.getByTestId('tables.banner')).toBeVisible();
  const noteOf: Record<string, string> = {};
  for (const [name, actor] of Object.entries(people))
    noteOf[name] = await actor.board.addNote(`Idée de ${name}`);
  for (const [viewer, actor] of Object.entries(people)) {
    for (const [author, id] of Object.entries(noteOf)) {
      await expect(actor.board.note(id)).toHaveCount(seatOf[viewer] === seatOf[author] ? 1 : 0);
    }
  }
  // The facilitator sees every table's notes.
  for (const id of Object.values(noteOf)) await expect(facilitator.board.note(id)).toHaveCount(1);

  // Back to the plenary: everyone sees all four.
  await page.getByTestId('tables.endBar').click();
  for (const actor of Object.values(people)) {
    await expect(actor.page.getByTestId('tables.banner')).toHaveCount(0);
    for (const id of Object.values(noteOf)) await expect(actor.board.note(id)).toHaveCount(1);
  }
  expect(new Set(Object.values(seatOf))).toEqual(new Set(tableIds));

  // The keyboard's way to move someone: the select beside their name.
  const other = tableIds.find((id) => id !== seatOf['Alice Élue']) ?? '';
  await panel
    .getByTestId('tables.person')
    .filter({ hasText: 'Alice Élue' })
    .getByTestId('tables.move')
    .selectOption(other);
  const alice = people['Alice Élue'];
  if (!alice) throw new Error('Alice joined');
  await expect(alice.page.getByTestId('tables.mine')).toHaveAttribute('data-table-id', other);

  for (const actor of [facilitator, ...Object.values(people)]) await actor.context.close();
});
