import { expect, type Page, test } from '@playwright/test';
import { createWorkshop, joinWorkshop } from '../fixtures/actors';
import { sheetEditor as editor, sheetField as field } from '../fixtures/sheets';

/** French amounts use narrow no-break spaces between thousands: compare with plain spaces. */
const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

test('two participants draft the same action sheet at once: both texts survive, each sees the other’s caret and field', async ({
  browser,
}) => {
  const facilitator = await createWorkshop(browser);
  const chloe = await joinWorkshop(browser, facilitator.joinCode, { name: 'Chloé Girard', group: 'elected' });
  const jules = await joinWorkshop(browser, facilitator.joinCode, { name: 'Jules Lambert', group: 'staff' });
  const everyone = [facilitator, chloe, jules];

  // Step 3 gives the plan two strategic axes; then the facilitator moves the room to step 4.
  await facilitator.page.getByTestId('step.axes').click();
  for (const title of ['Mobilités durables', 'Services publics numériques']) {
    await facilitator.page.getByTestId('axes.new').click();
    await facilitator.page.getByTestId('axes.new-title').fill(title);
    await facilitator.page.getByTestId('axes.create').click();
  }
  await facilitator.page.getByTestId('step.actions').click();
  for (const actor of everyone) {
    await expect(actor.page.getByTestId('board.main')).toHaveAttribute('data-step', 'actions');
    // One column per axis, in their order, and one for the sheets without an axis.
    await expect(actor.page.getByTestId('sheet.group').locator('h3')).toHaveText([
      'Axe 1 — Mobilités durables',
      'Axe 2 — Services publics numériques',
      'Sans axe',
    ]);
  }

  // Chloé creates a sheet in the first axis; it opens for her and appears for everyone.
  await chloe.page.getByTestId('sheet.group').first().getByTestId('sheet.new').click();
  await chloe.page.getByTestId('sheet.new-title').fill('Hyperviseur urbain');
  await chloe.page.getByTestId('sheet.new-title').press('Enter');
  await expect(editor(chloe.page)).toBeVisible();
  await expect(field(chloe.page, 'title')).toHaveValue('Hyperviseur urbain');
  const card = jules.page.getByTestId('sheet.group').first().getByTestId('sheet.card');
  await expect(card).toContainText('Hyperviseur urbain');
  await card.getByTestId('sheet.open').click();
  await expect(editor(jules.page)).toBeVisible();

  // Both type in the objectives at the same time: Chloé at the end, Jules at the start.
  await field(chloe.page, 'objectives').click();
  await field(chloe.page, 'objectives').pressSequentially('tiers-lieu');
  await expect(field(jules.page, 'objectives')).toHaveValue('tiers-lieu');
  await field(jules.page, 'objectives').click();
  await chloe.page.keyboard.press('ControlOrMeta+End');
  await jules.page.keyboard.press('ControlOrMeta+Home');
  await Promise.all([
    field(chloe.page, 'objectives').pressSequentially(' numérique ouvert aux habitants', { delay: 25 }),
    field(jules.page, 'objectives').pressSequentially('Créer un ', { delay: 25 }),
  ]);
  const merged = 'Créer un tiers-lieu numérique ouvert aux habitants';
  await expect(field(chloe.page, 'objectives')).toHaveValue(merged);
  await expect(field(jules.page, 'objectives')).toHaveValue(merged);
  await facilitator.page.getByTestId('sheet.card').getByTestId('sheet.open').click();
  await expect(field(facilitator.page, 'objectives')).toHaveValue(merged);

  // Each sees the other's caret in the field, and their initials next to its label.
  const caretOf = (page: Page, name: string) =>
    editor(page)
      .locator('[data-field="objectives"]')
      .locator(`[data-testid="sheet.caret"][data-name="${name}"]`);
  await expect(caretOf(jules.page, 'Chloé Girard')).toBeVisible();
  await expect(caretOf(chloe.page, 'Jules Lambert')).toBeVisible();
  await expect(caretOf(facilitator.page, 'Chloé Girard')).toBeVisible();
  const peopleIn = (page: Page, name: string) =>
    editor(page).getByTestId('sheet.field-people.objectives').locator(`[data-name="${name}"]`);
  await expect(peopleIn(jules.page, 'Chloé Girard')).toHaveText('CG');
  await expect(peopleIn(chloe.page, 'Jules Lambert')).toHaveText('JL');
  // The facilitator closes the sheet: the card says who is in it and where.
  await facilitator.page.getByTestId('sheet.close').click();
  await expect(editor(facilitator.page)).toHaveCount(0);
  const cardPeople = facilitator.page.getByTestId('sheet.card').getByTestId('sheet.card-people');
  await expect(cardPeople.locator('[data-name="Chloé Girard"]')).toBeVisible();
  await expect(cardPeople.locator('[data-name="Jules Lambert"]')).toBeVisible();
  await expect(cardPeople).toHaveAttribute('aria-label', /Chloé Girard \(Objectifs\)/);

  // Chloé sets the budget: Jules's sheet and the facilitator's card show it the French way.
  await editor(chloe.page).getByTestId('sheet.budget').fill('1250000');
  await editor(chloe.page).getByTestId('sheet.budget').press('Enter');
  await expect
    .poll(async () => plain(await editor(jules.page).getByTestId('sheet.budget').inputValue()))
    .toBe('1 250 000');
  await expect
    .poll(async () => plain(await facilitator.page.getByTestId('sheet.card-budget').textContent()))
    .toBe('1 250 000 €');

  // A negative amount is refused, and says why.
  const chloeNewLine = editor(chloe.page).getByTestId('sheet.financing-new');
  await chloeNewLine.getByTestId('sheet.financing-new-amount').fill('-500');
  await chloeNewLine.getByTestId('sheet.financing-add').click();
  await expect(chloeNewLine.getByRole('alert')).toHaveText('Un montant ne peut pas être négatif.');
  await expect(editor(chloe.page).getByTestId('sheet.financing-line')).toHaveCount(0);

  // Jules adds a financing line; Chloé sees it, with the totals and the gap to the budget.
  const julesNewLine = editor(jules.page).getByTestId('sheet.financing-new');
  await julesNewLine.getByTestId('sheet.financing-new-source').selectOption('region');
  await julesNewLine.getByTestId('sheet.financing-new-label').fill('Contrat de plan');
  await julesNewLine.getByTestId('sheet.financing-new-amount').fill('300 000');
  await julesNewLine.getByTestId('sheet.financing-new-secured').selectOption('secured');
  await julesNewLine.getByTestId('sheet.financing-add').click();
  const line = editor(chloe.page).getByTestId('sheet.financing-line');
  await expect(line).toHaveCount(1);
  await expect(line.getByTestId('sheet.financing-source')).toHaveValue('region');
  await expect(line.getByTestId('sheet.financing-label')).toHaveValue('Contrat de plan');
  await expect(line.getByTestId('sheet.financing-secured')).toHaveValue('secured');
  await expect
    .poll(async () => plain(await editor(chloe.page).getByTestId('sheet.financing-gap').textContent()))
    .toBe('Reste à financer : 950 000 €');

  // Chloé raises the line's amount, Jules marks it still to request: both changes hold, and
  // Chloé's Ctrl+Z takes back her amount only.
  const julesLine = editor(jules.page).getByTestId('sheet.financing-line');
  await line.getByTestId('sheet.financing-amount').fill('350000');
  await line.getByTestId('sheet.financing-amount').press('Enter');
  await expect(julesLine.getByTestId('sheet.financing-amount')).toHaveValue(/^350\s000$/);
  await julesLine.getByTestId('sheet.financing-secured').selectOption('pending');
  await expect(line.getByTestId('sheet.financing-secured')).toHaveValue('pending');
  await editor(chloe.page).getByTestId('sheet.financing').locator('h3').click();
  await chloe.page.keyboard.press('ControlOrMeta+z');
  for (const shown of [line, julesLine]) {
    await expect(shown.getByTestId('sheet.financing-amount')).toHaveValue(/^300\s000$/);
    await expect(shown.getByTestId('sheet.financing-secured')).toHaveValue('pending');
  }

  // Chloé moves the sheet to the second axis: it changes column for everyone.
  await editor(chloe.page)
    .getByTestId('sheet.axis')
    .selectOption({ label: 'Axe 2 — Services publics numériques' });
  await expect(editor(jules.page).getByTestId('sheet.axis').locator('option:checked')).toHaveText(
    'Axe 2 — Services publics numériques',
  );
  await expect(
    facilitator.page
      .getByTestId('sheet.group')
      .nth(1)
      .getByTestId('sheet.card')
      .filter({ hasText: 'Hyperviseur' }),
  ).toBeVisible();
  await expect(facilitator.page.getByTestId('sheet.group').first().getByTestId('sheet.card')).toHaveCount(0);

  // Chloé picks the legal structure; Jules adds a milestone: each appears for the other.
  await editor(chloe.page).getByTestId('sheet.structure').selectOption('service-concession');
  await expect(editor(jules.page).getByTestId('sheet.structure')).toHaveValue('service-concession');
  await expect(editor(jules.page).getByTestId('sheet.structure').locator('option:checked')).toHaveText(
    'Concession de service',
  );
  const julesMilestone = editor(jules.page).getByTestId('sheet.milestone-new');
  await julesMilestone.getByTestId('sheet.milestone-new-date').fill('2027-03-15');
  await julesMilestone.getByTestId('sheet.milestone-new-label').fill('Lancement de la consultation');
  await julesMilestone.getByTestId('sheet.milestone-add').click();
  const milestone = editor(chloe.page).getByTestId('sheet.milestone');
  await expect(milestone).toHaveCount(1);
  await expect(milestone.locator('time')).toHaveText('15 mars 2027');
  await expect(milestone.getByTestId('sheet.milestone-label')).toHaveValue('Lancement de la consultation');

  // The facilitator deletes the sheet (confirmed): it closes for the others, and Ctrl+Z brings it back.
  await facilitator.page.getByTestId('sheet.card').hover();
  await facilitator.page.getByTestId('sheet.delete').click();
  await facilitator.page.getByTestId('sheet.delete-dialog').getByTestId('confirm.ok').click();
  for (const actor of everyone) await expect(actor.page.getByTestId('sheet.card')).toHaveCount(0);
  await expect(editor(chloe.page)).toHaveCount(0);
  await expect(
    chloe.page.getByTestId('toast').filter({ hasText: 'supprimée par une autre personne' }),
  ).toBeVisible();
  await facilitator.page.keyboard.press('ControlOrMeta+z');
  await expect(jules.page.getByTestId('sheet.card').filter({ hasText: 'Hyperviseur urbain' })).toBeVisible();
  await jules.page.getByTestId('sheet.open').click();
  await expect(field(jules.page, 'objectives')).toHaveValue(merged);

  // The facilitator locks the board: the sheet is read-only for participants.
  await facilitator.page.getByTestId('board.lock').click();
  await expect(field(jules.page, 'objectives')).toHaveAttribute('readonly', '');
  await expect(editor(jules.page).getByTestId('sheet.financing-new')).toHaveCount(0);
  await expect(editor(jules.page).getByTestId('sheet.status')).toBeDisabled();
  await expect(jules.page.getByTestId('sheet.new')).toHaveCount(0);

  for (const actor of everyone) await actor.context.close();
});
