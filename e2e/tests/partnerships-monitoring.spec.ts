import { expect, type Page, test } from '@playwright/test';
import { createWorkshop, joinWorkshop } from '../fixtures/actors';
import { deleteSheet, seedPlan } from '../fixtures/seed-plan';

/** French amounts are grouped with narrow no-break spaces: compare with plain spaces. */
const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

function sheet(page: Page, title: string) {
  return page.getByTestId('plan.sheet').filter({ hasText: title });
}

test('partners, partnership process and indicators are edited together in steps 5 and 6, and the plan overview adds them up', async ({
  browser,
}) => {
  const facilitator = await createWorkshop(browser);
  const manon = await joinWorkshop(browser, facilitator.joinCode, { name: 'Manon Robert', group: 'staff' });
  const hugo = await joinWorkshop(browser, facilitator.joinCode, { name: 'Hugo Martin', group: 'business' });
  const everyone = [facilitator, manon, hugo];
  const f = facilitator.page;

  // Step 5 with no sheet yet says where sheets come from; the facilitator is told what to do.
  await f.getByTestId('step.partnerships').click();
  await expect(f.getByTestId('plan.empty')).toContainText('étape 4');
  await expect(f.getByTestId('plan.empty')).toContainText('Emmenez la salle');
  await expect(manon.page.getByTestId('plan.empty')).toContainText('apparaîtront ici');

  // Axes and sheets written in steps 3 and 4 (seeded through the stock Yjs client).
  const ids = await seedPlan(f, {
    axes: [
      {
        title: 'Un territoire accessible et inclusif',
        sheets: [
          { title: 'Espaces de médiation numérique', budget: 180000, lead: 'Direction des solidarités' },
        ],
      },
      {
        title: 'Une collectivité sobre et pilotée par la donnée',
        sheets: [
          {
            title: 'Hyperviseur urbain',
            budget: 1250000,
            lead: 'Cabinet du maire',
            status: 'drafting',
            financing: [
              { source: 'eu', label: 'FEDER', amount: 500000, secured: true },
              { source: 'state', label: 'DSIL', amount: 200000, secured: false },
            ],
          },
        ],
      },
    ],
    unassigned: [{ title: 'Plateforme multiservice commerces' }],
  });
  for (const actor of everyone) {
    const axes = actor.page.getByTestId('plan.axis');
    await expect(axes).toHaveText([
      'Un territoire accessible et inclusif',
      'Une collectivité sobre et pilotée par la donnée',
      'Sans axe',
    ]);
  }

  // Manon adds a stakeholder to the hypervisor's sheet; the others see it appear.
  for (const actor of everyone) await sheet(actor.page, 'Hyperviseur urbain').click();
  const m = manon.page;
  // The board's N shortcut adds no hidden note from here.
  await m.keyboard.press('n');
  await m.getByTestId('plan.partner.new-name').fill('CCI territoriale');
  await m.getByTestId('plan.partner.new-kind').selectOption('public-body');
  await m.getByTestId('plan.partner.new-role').fill('Expertise');
  await m.getByTestId('plan.partner.add').click();
  // A stakeholder needs a name: the form says so and adds nothing.
  await m.getByTestId('plan.partner.add').click();
  await expect(m.getByTestId('plan.partner.new').getByRole('alert')).toBeVisible();
  for (const actor of [hugo, facilitator]) {
    const row = actor.page.getByTestId('plan.partner');
    await expect(row).toHaveCount(1);
    await expect(row.getByTestId('plan.partner.name')).toHaveValue('CCI territoriale');
    await expect(row.getByTestId('plan.partner.kind')).toHaveValue('public-body');
    await expect(row.getByTestId('plan.partner.kind').locator('option:checked')).toHaveText('Acteur public');
  }

  // Hugo completes the role in place: Manon sees every keystroke land in her row.
  const hugoRole = hugo.page.getByTestId('plan.partner.role');
  await hugoRole.click();
  await hugoRole.press('End');
  await hugoRole.pressSequentially(' et relais');
  await expect(m.getByTestId('plan.partner.role')).toHaveValue('Expertise et relais');
  await expect(sheet(f, 'Hyperviseur urbain')).toContainText('1 partenaire');

  // Process steps ticked by Manon show for everyone, with the progress.
  const steps = m.getByTestId('plan.process.status');
  await steps.nth(0).selectOption('done');
  await steps.nth(1).selectOption('in-progress');
  await steps.nth(5).selectOption('not-applicable');
  for (const actor of [hugo, facilitator]) {
    const process = actor.page.getByTestId('plan.process.step');
    await expect(process.nth(0)).toHaveAttribute('data-status', 'done');
    await expect(process.nth(1)).toHaveAttribute('data-status', 'in-progress');
    await expect(process.nth(5)).toHaveAttribute('data-status', 'not-applicable');
    await expect(actor.page.getByTestId('plan.process').getByTestId('plan.process.progress')).toHaveAttribute(
      'aria-valuetext',
      '1 sur 5 étapes faites',
    );
  }

  // Removing asks first; Ctrl+Z brings the stakeholder back for everyone.
  await hugo.page.getByTestId('plan.partner.remove').click();
  await expect(hugo.page.getByTestId('plan.confirm').getByTestId('confirm.cancel')).toBeFocused();
  await hugo.page.getByTestId('plan.confirm').getByTestId('confirm.ok').click();
  await expect(m.getByTestId('plan.partner')).toHaveCount(0);
  await hugo.page.keyboard.press('Control+z');
  await expect(m.getByTestId('plan.partner.name')).toHaveValue('CCI territoriale');

  // A locked board is read-only for participants: no fields, the content stays.
  await f.getByTestId('board.lock').click();
  await expect(m.getByTestId('plan.partner.new')).toHaveCount(0);
  await expect(m.getByTestId('plan.partner.name')).toHaveText('CCI territoriale');
  await expect(m.getByTestId('plan.process.status')).toHaveCount(0);
  await f.getByTestId('board.lock').click();
  await expect(m.getByTestId('plan.partner.new')).toBeVisible();

  // Step 6: Hugo adds an indicator to the same sheet; it appears for the others.
  await f.getByTestId('step.monitoring').click();
  for (const actor of everyone) await expect(actor.page.getByTestId('plan.monitoring')).toBeVisible();
  const h = hugo.page;
  await h.getByTestId('plan.indicator.new-name').fill('Émissions de CO₂ des bâtiments');
  await h.getByTestId('plan.indicator.new-unit').fill('t CO₂/an');
  await h.getByTestId('plan.indicator.new-baseline').fill('douze');
  await h.getByTestId('plan.indicator.add').click();
  await expect(h.getByTestId('plan.indicator.new').getByRole('alert')).toContainText('nombre');
  await expect(m.getByTestId('plan.indicator')).toHaveCount(0);
  await h.getByTestId('plan.indicator.new-baseline').fill('1 250,5');
  await h.getByTestId('plan.indicator.new-target').fill('800');
  await h.getByTestId('plan.indicator.new-source').fill('Bilan carbone patrimoine');
  await h.getByTestId('plan.indicator.new-frequency').selectOption('yearly');
  await h.getByTestId('plan.indicator.add').click();
  for (const actor of [manon, facilitator]) {
    const row = actor.page.getByTestId('plan.indicator');
    await expect(row.getByTestId('plan.indicator.name')).toHaveValue('Émissions de CO₂ des bâtiments');
    await expect(row.getByTestId('plan.indicator.baseline')).toHaveValue('1250,5');
    await expect(row.getByTestId('plan.indicator.target')).toHaveValue('800');
  }
  // Manon changes the target; Hugo sees it.
  await m.getByTestId('plan.indicator.target').fill('750');
  await m.getByTestId('plan.indicator.target').press('Enter');
  await expect(h.getByTestId('plan.indicator.target')).toHaveValue('750');

  // The overview table: axes, sheets, budgets, indicators and totals, in French format.
  await f.getByTestId('plan.tab.overview').click();
  const overview = f.getByTestId('plan.overview');
  await expect(overview.getByTestId('plan.overview.axis').locator('th[scope="rowgroup"]')).toHaveText([
    /Un territoire accessible et inclusif/,
    /Une collectivité sobre et pilotée par la donnée/,
    /Sans axe/,
  ]);
  await expect(overview.getByTestId('plan.overview.action-title')).toHaveText([
    'Espaces de médiation numérique',
    'Hyperviseur urbain',
    'Plateforme multiservice commerces',
  ]);
  const hypervisor = overview.getByTestId('plan.overview.action').filter({ hasText: 'Hyperviseur urbain' });
  expect(plain(await hypervisor.getByTestId('plan.overview.budget').textContent())).toBe('1 250 000 €');
  await expect(hypervisor).toContainText('Cabinet du maire');
  await expect(hypervisor).toContainText('En rédaction');
  expect(plain(await hypervisor.getByTestId('plan.overview.indicators').textContent())).toBe(
    'Émissions de CO₂ des bâtiments : 1 250,5 → 750 t CO₂/an',
  );
  expect(plain(await overview.getByTestId('plan.overview.total-budget').textContent())).toContain(
    '1 430 000 €',
  );
  await expect(overview.getByTestId('plan.overview.total-budget')).toContainText('dont 1 fiche non chiffrée');
  expect(plain(await f.getByTestId('plan.kpi.secured').textContent())).toBe('500 000 €');
  await expect(f.getByTestId('plan.kpi.indicators')).toHaveText('1');

  // A sheet deleted in step 4 takes nothing with it: its partner and indicator wait under
  // "Fiche supprimée", where the indicator is attached to another sheet.
  await deleteSheet(f, ids['Hyperviseur urbain'] ?? '');
  await expect(overview.getByTestId('plan.overview.action-title')).toHaveCount(2);
  await expect(overview).toContainText('2 éléments d’une fiche supprimée');
  await h.getByTestId('plan.orphan').click();
  await expect(h.getByTestId('plan.orphan.indicator')).toContainText('Émissions de CO₂ des bâtiments');
  await h
    .getByTestId('plan.orphan.attach')
    .selectOption({ label: 'Un territoire accessible et inclusif — Espaces de médiation numérique' });
  await expect(
    overview.getByTestId('plan.overview.action').filter({ hasText: 'Espaces de médiation numérique' }),
  ).toContainText('Émissions de CO₂ des bâtiments');
  await expect(h.getByTestId('plan.orphan')).toHaveCount(0);
  await expect(overview).toContainText('1 élément d’une fiche supprimée');

  // No note was added behind the scenes by the N pressed in step 5.
  await f.getByTestId('step.assessment').click();
  await expect(f.getByTestId('board.canvas')).toBeVisible();
  await expect(facilitator.board.notes).toHaveCount(0);
  await f.getByTestId('step.monitoring').click();
  await f.getByTestId('plan.tab.overview').click();

  // The room's screen shows the overview, with nothing to edit.
  await f.getByTestId('projector.open').click();
  await expect(f.getByTestId('plan.overview')).toBeVisible();
  await f.getByTestId('plan.tab.indicators').click();
  await sheet(f, 'Espaces de médiation numérique').click();
  await expect(f.getByTestId('plan.indicator.name')).toHaveText('Émissions de CO₂ des bâtiments');
  await expect(f.getByTestId('plan.indicator.new')).toHaveCount(0);
  await expect(f.getByTestId('plan.undo')).toHaveCount(0);

  for (const actor of everyone) await actor.context.close();
});
