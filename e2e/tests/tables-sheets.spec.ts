import { expect, type Page, test } from '@playwright/test';
import { type Actor, createWorkshop, joinWorkshop } from '../fixtures/actors';
import { seedPlan, setRoomStep } from '../fixtures/seed-plan';

const card = (page: Page, title: string) => page.getByTestId('sheet.card').filter({ hasText: title });
const editor = (page: Page) => page.getByTestId('sheet.editor');
const field = (page: Page, name: string) => editor(page).getByTestId(`sheet.text.${name}`);

test('tables: the facilitator gives action sheets to tables; in a closed round each table sees and writes its own; the plenary shows every sheet with its table', async ({
  browser,
}) => {
  const facilitator = await createWorkshop(browser);
  const alice = await joinWorkshop(browser, facilitator.joinCode, { name: 'Alice', group: 'elected' });
  const bruno = await joinWorkshop(browser, facilitator.joinCode, { name: 'Bruno', group: 'resident' });
  const chloe = await joinWorkshop(browser, facilitator.joinCode, { name: 'Chloé', group: 'business' });
  const page = facilitator.page;

  // Two tables: Alice and Bruno at the first, Chloé at the second.
  await page.getByTestId('tables.toggle').click();
  const panel = page.getByTestId('tables.panel');
  await panel.getByTestId('tables.add').click();
  await panel.getByTestId('tables.add').click();
  await expect(panel.getByTestId('tables.table')).toHaveCount(2);
  const [first, second] = await panel
    .getByTestId('tables.table')
    .evaluateAll((tables) => tables.map((t) => t.getAttribute('data-table-id') ?? ''));
  if (!first || !second) throw new Error('two tables');
  for (const [name, table] of [
    ['Alice', first],
    ['Bruno', first],
    ['Chloé', second],
  ] as const)
    await panel
      .getByTestId('tables.person')
      .filter({ hasText: name })
      .getByTestId('tables.move')
      .selectOption(table);
  await expect(chloe.page.getByTestId('tables.mine')).toHaveAttribute('data-table-id', second);
  await page.getByTestId('tables.toggle').click();

  // Two axes of two sheets each, and the room in step 4.
  await seedPlan(page, {
    axes: [
      { title: 'Mobilités', sheets: [{ title: 'Vélobus' }, { title: 'Covoiturage' }] },
      { title: 'Habitat', sheets: [{ title: 'Habitat partagé' }, { title: 'Rénovation' }] },
    ],
  });
  await setRoomStep(page, 'actions');
  for (const actor of [facilitator, alice, chloe])
    await expect(actor.page.getByTestId('sheet.card')).toHaveCount(4);

  // One sheet given with its card's select; participants see its table's chip.
  await card(page, 'Vélobus').getByTestId('give.sheet').selectOption(second);
  await expect(
    card(alice.page, 'Vélobus').locator('[data-testid="give.sheet-chip"] .table-chip'),
  ).toHaveAttribute('data-table-id', second);
  // Then all of them dealt out: the first axis's sheets to the first table, the second's to the second.
  await page.getByTestId('give.deal-sheets').click();
  for (const [title, table] of [
    ['Vélobus', first],
    ['Covoiturage', first],
    ['Habitat partagé', second],
    ['Rénovation', second],
  ] as const)
    await expect(card(page, title).getByTestId('give.sheet')).toHaveValue(table);

  // A closed round in step 4.
  await page.getByTestId('tables.toggle').click();
  await panel.getByTestId('tables.closed').check();
  await panel.getByTestId('tables.start').click();
  await page.getByTestId('tables.toggle').click();
  for (const actor of [alice, bruno, chloe])
    await expect(actor.page.getByTestId('tables.banner')).toBeVisible();
  await expect(alice.page.getByTestId('sheet.card')).toHaveCount(2);
  await expect(card(alice.page, 'Vélobus')).toBeVisible();
  await expect(card(alice.page, 'Covoiturage')).toBeVisible();
  await expect(chloe.page.getByTestId('sheet.card')).toHaveCount(2);
  await expect(card(chloe.page, 'Habitat partagé')).toBeVisible();

  // Alice writes in her table's sheet; Bruno, at her table, sees it as she types.
  await card(alice.page, 'Vélobus').getByTestId('sheet.open').click();
  await card(bruno.page, 'Vélobus').getByTestId('sheet.open').click();
  await field(alice.page, 'objectives').click();
  await field(alice.page, 'objectives').pressSequentially('Accompagner les écoliers à vélo');
  await expect(field(bruno.page, 'objectives')).toHaveValue('Accompagner les écoliers à vélo');
  await expect(editor(alice.page).getByText('Lecture seule')).toHaveCount(0);
  await alice.page.getByTestId('sheet.close').click();

  // A new sheet of Alice's is her table's: Bruno sees it, Chloé does not.
  await alice.page.getByTestId('sheet.group').first().getByTestId('sheet.new').click();
  await alice.page.getByTestId('sheet.new-title').fill('Abris vélos');
  await alice.page.getByTestId('sheet.new-title').press('Enter');
  await expect(field(alice.page, 'title')).toHaveValue('Abris vélos');
  await expect(card(bruno.page, 'Abris vélos')).toBeVisible();
  await expect(card(page, 'Abris vélos').getByTestId('give.sheet')).toHaveValue(first);
  await expect(chloe.page.getByTestId('sheet.card')).toHaveCount(2);
  await expect(card(chloe.page, 'Abris vélos')).toHaveCount(0);

  // Back to the plenary: everyone sees the five sheets, each with its table's chip.
  await page.getByTestId('tables.endBar').click();
  for (const actor of [alice, bruno, chloe] as Actor[]) {
    await expect(actor.page.getByTestId('tables.banner')).toHaveCount(0);
    await expect(actor.page.getByTestId('sheet.card')).toHaveCount(5);
    await expect(actor.page.getByTestId('give.sheet-chip')).toHaveCount(5);
  }
  await expect(card(chloe.page, 'Abris vélos').locator('.table-chip')).toHaveAttribute(
    'data-table-id',
    first,
  );
  await expect(card(chloe.page, 'Rénovation').locator('.table-chip')).toHaveAttribute(
    'data-table-id',
    second,
  );

  for (const actor of [facilitator, alice, bruno, chloe]) await actor.context.close();
});
