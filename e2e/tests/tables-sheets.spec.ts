import { createCluster } from '@atelier/shared';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { type Actor, createWorkshop, joinWorkshop } from '../fixtures/actors';
import { seedBoard } from '../fixtures/seed-board';
import { seedPlan, setRoomStep } from '../fixtures/seed-plan';
import { sheetCard as card, sheetEditor as editor, sheetField as field } from '../fixtures/sheets';
import { addTables, closedRound, seatPeople } from '../fixtures/tables';

/** A workshop with two tables: Alice and Bruno at the first, Chloé at the second. */
async function twoTables(browser: Browser) {
  const facilitator = await createWorkshop(browser);
  const alice = await joinWorkshop(browser, facilitator.joinCode, { name: 'Alice', group: 'elected' });
  const bruno = await joinWorkshop(browser, facilitator.joinCode, { name: 'Bruno', group: 'resident' });
  const chloe = await joinWorkshop(browser, facilitator.joinCode, { name: 'Chloé', group: 'business' });
  const page = facilitator.page;

  const [first, second] = await addTables(page, 2);
  if (!first || !second) throw new Error('two tables');
  await seatPeople(page, [
    ['Alice', first],
    ['Bruno', first],
    ['Chloé', second],
  ]);
  await expect(chloe.page.getByTestId('tables.mine')).toHaveAttribute('data-table-id', second);
  await page.getByTestId('tables.toggle').click();

  return { facilitator, alice, bruno, chloe, page, first, second };
}

test('tables: the facilitator gives action sheets to tables; in a closed round each table sees and writes its own; the plenary shows every sheet with its table', async ({
  browser,
}) => {
  const { facilitator, alice, bruno, chloe, page, first, second } = await twoTables(browser);

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
  await closedRound(page, [alice, bruno, chloe]);
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

test('tables: axes dealt out to tables; in a closed round in step 3 each table attaches issues of the shared pool to its own axis', async ({
  browser,
}) => {
  const { facilitator, alice, bruno, chloe, page, first, second } = await twoTables(browser);
  await seedBoard(page, (doc) => {
    for (const title of ['Se déplacer', 'Se loger']) createCluster(doc, { title, x: 0, y: 0 });
  });
  const ids = await seedPlan(page, {
    axes: [
      { title: 'Mobilités', sheets: [{ title: 'Vélobus' }] },
      { title: 'Habitat', sheets: [] },
    ],
  });
  await setRoomStep(page, 'axes');
  const column = (p: Page, axis: string) => p.locator(`[data-testid="axes.column"][data-axis-id="${axis}"]`);

  // Dealt out: the first axis (and its sheet) to the first table, the second to the second.
  await page.getByTestId('give.deal-axes').click();
  await expect(column(page, ids.Mobilités ?? '').getByTestId('give.axis')).toHaveValue(first);
  await expect(column(page, ids.Habitat ?? '').getByTestId('give.axis')).toHaveValue(second);
  await expect(column(chloe.page, ids.Habitat ?? '').locator('.table-chip')).toHaveAttribute(
    'data-table-id',
    second,
  );

  await closedRound(page, [alice, bruno, chloe]);
  // Each table sees its own axis, numbered as in the plenary, and the whole pool.
  await expect(alice.page.getByTestId('axes.column')).toHaveCount(1);
  await expect(chloe.page.getByTestId('axes.column')).toHaveCount(1);
  await expect(column(chloe.page, ids.Habitat ?? '')).toContainText('Axe 2');
  await expect(alice.page.getByTestId('axes.pool').getByTestId('axes.issue')).toHaveCount(2);

  // Alice attaches an issue of the pool (made in plenary) to her table's axis: Bruno sees it, and
  // it leaves Chloé's pool.
  await alice.page
    .getByTestId('axes.issue')
    .filter({ hasText: 'Se déplacer' })
    .getByTestId('axes.issue.menu')
    .click();
  await alice.page.getByTestId('axes.attach-menu').getByText('Axe 1 · Mobilités').click();
  await expect(column(bruno.page, ids.Mobilités ?? '').getByTestId('axes.issue')).toHaveText([/Se déplacer/]);
  await expect(chloe.page.getByTestId('axes.pool').getByTestId('axes.issue')).toHaveCount(1);
  await expect(column(page, ids.Mobilités ?? '').getByTestId('axes.issue')).toHaveCount(1);

  await page.getByTestId('tables.endBar').click();
  await expect(chloe.page.getByTestId('axes.column')).toHaveCount(2);
  await expect(column(chloe.page, ids.Mobilités ?? '').getByTestId('axes.issue')).toHaveCount(1);

  for (const actor of [facilitator, alice, bruno, chloe]) await actor.context.close();
});
