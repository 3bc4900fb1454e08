import { mkdir, readFile } from 'node:fs/promises';
import {
  addPartner,
  competenceNote,
  setActionCompetences,
  setActionDates,
  setActionLeadSiret,
  setActionLevers,
  setActionProgramme,
  setActionProgress,
} from '@atelier/shared';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { unzipSync } from 'fflate';
import { expectNoSeriousA11yViolations } from '../fixtures/a11y';
import { createWorkshop, joinWorkshop } from '../fixtures/actors';
import { seedBoard } from '../fixtures/seed-board';
import { seedPlan, setRoomStep } from '../fixtures/seed-plan';
import { sheetCard, sheetEditor } from '../fixtures/sheets';
import { expectFitsSmallScreen, PHONE, touchActor } from '../fixtures/small-screen';

const TITLE = 'Contrat de relance du Val de Loue';
const AXIS = 'Des mobilités pour tous';
const SHEET = 'Navette ferroviaire des bourgs';
/** A valid SIRET (Luhn key), typed as printed on official papers. */
const SIRET = '217 500 016 00019';
const SIREN = '200041689';
const SHOTS = '/tmp/shots-public';

/** The open sheet's section of public-sector data. */
const publicData = (page: Page): Locator => sheetEditor(page).getByTestId('sheet.public');
/** A chosen competence (or lever) of the open sheet, by its code (or label). */
const tag = (page: Page, field: 'competences' | 'levers', value: string): Locator =>
  sheetEditor(page).locator(`[data-testid="sheet.${field}-tag"][data-value="${value}"]`);

async function shoot(page: Page, name: string): Promise<void> {
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

/** French text shows no-break spaces before « : » and inside quotes: compare with plain spaces. */
const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

test('a facilitator fills a sheet’s public-sector data, by keyboard, sees which competences need a partner, sets the territory’s codes and downloads the public data pack', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  // An intercommunality (EPCI): regional rail is the region's, secondary schools may be transferred to it.
  const facilitator = await createWorkshop(browser, { title: TITLE, kind: 'epci' });
  const f = facilitator.page;
  const ids = await seedPlan(f, { axes: [{ title: AXIS, sheets: [{ title: SHEET, budget: 450000 }] }] });
  const alice = await joinWorkshop(browser, facilitator.joinCode, { name: 'Alice Martin', group: 'staff' });
  await f.getByTestId('share.toggle').click();
  await f.getByTestId('step.actions').click();
  await sheetCard(f, SHEET).getByTestId('sheet.open').click();
  await sheetCard(alice.page, SHEET).getByTestId('sheet.open').click();

  // The section is folded while the sheet has none of its fields; Enter on its title opens it.
  const toggle = publicData(f).getByTestId('sheet.public-toggle');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(publicData(f).getByTestId('sheet.public-summary')).toHaveText('0 champ renseigné sur 6');
  await toggle.focus();
  await f.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');

  // Competences, by keyboard: a word finds the sub-competence under its heading; ↓ then Enter takes it.
  const competences = sheetEditor(f).getByTestId('sheet.competences-picker-input');
  await f.keyboard.press('Tab');
  await expect(competences).toBeFocused();
  await f.keyboard.type('transport ferroviaire');
  await expect(competences).toHaveAttribute('aria-expanded', 'true');
  const options = sheetEditor(f).getByTestId('sheet.competences-picker-option');
  await expect(options).toHaveCount(2);
  await expect(options.first()).toHaveAttribute('data-value', '90-82');
  await f.keyboard.press('ArrowDown');
  await f.keyboard.press('Enter');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(tag(f, 'competences', '90-822')).toContainText('90-822 Transport ferroviaire');
  // A code typed with its dash finds its heading first: Enter takes it.
  await f.keyboard.press('ControlOrMeta+a');
  await f.keyboard.type('90-22');
  await expect(options.first()).toHaveAttribute('data-value', '90-22');
  await expectNoSeriousA11yViolations(f, 'sheet editor, competence list open');
  await shoot(f, 'sheet-competences-open-1280');
  await f.keyboard.press('Enter');
  await f.keyboard.press('Escape');
  await expect(competences).toHaveAttribute('aria-expanded', 'false');
  // Escape closed the list, not the sheet.
  await expect(sheetEditor(f)).toBeVisible();

  // The EPCI does not run regional rail: a partner or another contracting authority is required,
  // the rule as the chip's tooltip and under it, and the sheet names no partner yet.
  const rail = tag(f, 'competences', '90-822');
  await expect(rail).toHaveAttribute('data-check', 'partner-required');
  const chip = rail.getByTestId('sheet.competence-partner-required');
  await expect(chip).toHaveText('!Partenaire ou maître d’ouvrage requis');
  await expect(chip).toHaveAttribute('title', competenceNote('90-822') ?? '');
  await expect(rail).toContainText(competenceNote('90-822') ?? '');
  await expect(rail.getByTestId('sheet.competence-no-partner')).toHaveText(
    'Aucun partenaire n’est encore indiqué pour cette fiche.',
  );
  // Secondary schools may be transferred to some EPCIs: only "to check".
  const schools = tag(f, 'competences', '90-22');
  await expect(schools).toHaveAttribute('data-check', 'to-check');
  await expect(schools.getByTestId('sheet.competence-to-check')).toHaveText('?À vérifier');
  await expect(schools.getByTestId('sheet.competence-no-partner')).toHaveCount(0);

  // Alice, in the same sheet, sees the competences and the warning as they are chosen.
  await expect(tag(alice.page, 'competences', '90-822')).toHaveAttribute('data-check', 'partner-required');
  await expect(publicData(alice.page).getByTestId('sheet.public-warning')).toHaveText([
    '1 compétence demande un partenaire',
    '1 compétence à vérifier',
  ]);
  // Her section stays folded (as she left it) until she opens it.
  await expect(publicData(alice.page).getByTestId('sheet.public-toggle')).toHaveAttribute(
    'aria-expanded',
    'false',
  );
  await publicData(alice.page).getByTestId('sheet.public-toggle').click();

  // A partner named in step 5 lifts "no partner yet"; the competence still needs one.
  await seedBoard(f, (doc) =>
    addPartner(doc, {
      action: ids[SHEET] ?? '',
      name: 'Région Bourgogne-Franche-Comté',
      kind: 'public-body',
    }),
  );
  await expect(rail.getByTestId('sheet.competence-no-partner')).toHaveCount(0);
  await expect(rail.getByTestId('sheet.competence-partner-required')).toBeVisible();

  // A lever, with the mouse; Alice removes the 90-22 competence.
  await sheetEditor(f).getByTestId('sheet.levers-picker-input').click();
  await sheetEditor(f).getByTestId('sheet.levers-picker-input').fill('transports commun');
  await sheetEditor(f)
    .getByTestId('sheet.levers-picker-option')
    .filter({ hasText: 'Transports en commun' })
    .click();
  await expect(tag(alice.page, 'levers', 'Transports en commun')).toBeVisible();
  await tag(alice.page, 'competences', '90-22').getByTestId('sheet.competences-remove').click();
  await expect(tag(f, 'competences', '90-22')).toHaveCount(0);
  await expect(sheetEditor(f).getByTestId('sheet.competences-tag')).toHaveCount(1);

  // Programme (a suggestion typed), then the lead SIRET: a wrong key is refused and says why.
  const programme = sheetEditor(f).getByTestId('sheet.programme');
  await programme.fill('CRTE');
  await programme.press('Tab');
  await expect(sheetEditor(alice.page).getByTestId('sheet.programme')).toHaveValue('CRTE');
  const siret = sheetEditor(f).getByTestId('sheet.leadSiret');
  await expect(siret).toBeFocused();
  await f.keyboard.type('217 500 016 00018');
  await f.keyboard.press('Enter');
  await expect(siret).toHaveAttribute('aria-invalid', 'true');
  expect(plain(await sheetEditor(f).getByTestId('sheet.leadSiret-error').textContent())).toBe(
    'Ce SIRET n’est pas valide : sa clé de contrôle ne correspond pas. Vérifiez-le sur l’Annuaire des entreprises.',
  );
  await siret.fill(SIRET.replace(/ /g, ''));
  await siret.press('Enter');
  await expect(siret).toHaveAttribute('aria-invalid', 'false');
  await expect(sheetEditor(alice.page).getByTestId('sheet.leadSiret')).toHaveValue(SIRET);

  // Planned dates: an end before the start is refused, with a message; then a good one is kept.
  await sheetEditor(f).getByTestId('sheet.startDate').fill('2027-09-01');
  const end = sheetEditor(f).getByTestId('sheet.endDate');
  await end.fill('2027-06-30');
  await expect(sheetEditor(f).getByTestId('sheet.dates-error')).toHaveText(
    'La fin prévue ne peut pas précéder le début prévu.',
  );
  await expect(end).toHaveAttribute('aria-invalid', 'true');
  await end.fill('2029-06-30');
  await expect(sheetEditor(f).getByTestId('sheet.dates-error')).toHaveCount(0);
  await expect(sheetEditor(alice.page).getByTestId('sheet.endDate')).toHaveValue('2029-06-30');
  await expect(sheetEditor(alice.page).getByTestId('sheet.startDate')).toHaveValue('2027-09-01');

  // "Avancement": where the action stands after the workshop.
  const progress = sheetEditor(f).getByTestId('sheet.progress');
  await expect(progress.locator('option')).toHaveText([
    'Non renseigné',
    'À venir',
    'En cours',
    'Réalisée',
    'En pause',
    'En retard',
    'Bloquée',
    'Abandonnée',
  ]);
  await progress.selectOption('planned');
  await expect(sheetEditor(alice.page).getByTestId('sheet.progress')).toHaveValue('planned');
  await expect(publicData(f).getByTestId('sheet.public-summary')).toContainText('6 champs renseignés sur 6');
  await expectNoSeriousA11yViolations(f, 'sheet editor, public-sector data filled');
  await publicData(f).scrollIntoViewIfNeeded();
  await shoot(f, 'sheet-public-data-1280');

  // The territory's codes, in the export panel: a SIREN too short says so; a good one is saved.
  await f.getByTestId('sheet.close').click();
  await f.getByTestId('export.toggle').click();
  const panel = f.getByTestId('export.panel');
  const siren = panel.getByTestId('export.territory-siren');
  await siren.fill('200 041 68');
  await siren.press('Enter');
  await expect(panel.getByTestId('export.territory-siren-error')).toHaveText('Un SIREN compte 9 chiffres.');
  await siren.fill('200 041 689');
  await siren.press('Enter');
  await expect(panel.getByTestId('export.territory-siren-error')).toHaveCount(0);
  await expect(panel.getByTestId('export.territory-saved')).toHaveText('SIREN enregistré.');
  await expect(siren).toHaveValue('200 041 689');
  await panel.getByTestId('export.territory-insee').fill('25056');
  await panel.getByTestId('export.territory-insee').press('Tab');
  await expect(panel.getByTestId('export.territory-saved')).toHaveText('Code INSEE enregistré.');

  // The pack, under the ODbL: a zip with the sheet's SIRET and competences, and the territory's SIREN.
  const pack = panel.getByTestId('export.pack');
  await expect(pack.getByTestId('export.pack-licence')).toHaveValue('etalab-2.0');
  await expect(pack.getByTestId('export.download-pack')).toContainText(
    'Fiches au schéma beta.gouv, import Territoires en Transitions, datapackage.json',
  );
  await pack.getByTestId('export.pack-licence').selectOption('ODbL-1.0');
  await expectNoSeriousA11yViolations(f, 'export panel with the public data pack');
  await pack.getByTestId('export.download-pack').scrollIntoViewIfNeeded();
  await shoot(f, 'export-panel-pack-1280');
  const [download] = await Promise.all([
    f.waitForEvent('download'),
    pack.getByTestId('export.download-pack').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(
    /^pack-donnees-publiques-contrat-de-relance-du-val-de-loue-.*\.zip$/,
  );
  const files = unzipSync(new Uint8Array(await readFile(await download.path())));
  const text = (name: string) => new TextDecoder().decode(files[name]);
  expect(Object.keys(files)).toEqual(expect.arrayContaining(['projets-territoire.csv', 'datapackage.json']));
  const projects = text('projets-territoire.csv');
  expect(projects).toContain(SHEET);
  expect(projects).toContain(SIRET.replace(/ /g, ''));
  expect(projects).toMatch(/90-822/);
  expect(projects).not.toMatch(/"90-22"/);
  expect(projects).toContain('Transports en commun');
  expect(projects).toContain('CRTE');
  expect(projects).toContain('2027-09-01');
  expect(text('collectivites.csv')).toContain(SIREN);
  const descriptor = JSON.parse(text('datapackage.json')) as { licenses: { name: string }[] };
  expect(descriptor.licenses.map((l) => l.name)).toEqual(['ODbL-1.0']);
  await expect(pack.getByTestId('export.pack-saved')).toContainText(download.suggestedFilename());

  for (const actor of [facilitator, alice]) await actor.context.close();
});

test('a facilitator picks a monitoring indicator from the CRTE list: its name and unit filled, its id shown, the reference removable', async ({
  browser,
}) => {
  const facilitator = await createWorkshop(browser, { title: TITLE, kind: 'municipality' });
  const f = facilitator.page;
  await seedPlan(f, { axes: [{ title: AXIS, sheets: [{ title: SHEET }] }] });
  const alice = await joinWorkshop(browser, facilitator.joinCode, { name: 'Alice Martin', group: 'staff' });
  await f.getByTestId('share.toggle').click();
  await f.getByTestId('step.monitoring').click();

  const form = f.getByTestId('plan.indicator.new');
  await form.getByTestId('plan.indicator.new-crte-open').click();
  const search = form.getByTestId('plan.indicator.new-crte-picker-input');
  await expect(search).toBeFocused();
  await f.keyboard.type('gaz effet serre habitant');
  await expect(form.getByTestId('plan.indicator.new-crte-picker-option')).toHaveCount(1);
  await expectNoSeriousA11yViolations(f, 'monitoring, CRTE list open');
  await shoot(f, 'monitoring-crte-open-1280');
  await f.keyboard.press('Enter');
  await expect(form.getByTestId('plan.indicator.new-crte-open')).toBeFocused();
  await expect(form.getByTestId('plan.indicator.new-name')).toHaveValue(
    'Emissions de gaz à effet de serre par habitant',
  );
  await expect(form.getByTestId('plan.indicator.new-unit')).toHaveValue('teq CO2/hab');
  await expect(form.getByTestId('plan.indicator.crte')).toHaveAttribute('data-reference', 'cae_1.b');
  await form.getByTestId('plan.indicator.new-target').fill('4,5');
  await form.getByTestId('plan.indicator.add').click();

  // The indicator keeps its CRTE id, shown to everyone; clearing it keeps the name.
  const row = (page: Page) => page.getByTestId('plan.indicator');
  await expect(row(alice.page).getByTestId('plan.indicator.crte')).toHaveAttribute(
    'data-reference',
    'cae_1.b',
  );
  await expect(row(alice.page).getByTestId('plan.indicator.crte')).toContainText('CRTE cae_1.b');
  await expect(form.getByTestId('plan.indicator.crte')).toHaveCount(0);
  await shoot(f, 'monitoring-crte-badge-1280');
  await row(f).getByTestId('plan.indicator.crte-clear').click();
  await expect(row(alice.page).getByTestId('plan.indicator.crte')).toHaveCount(0);
  await expect(row(alice.page).getByTestId('plan.indicator.name')).toHaveValue(
    'Emissions de gaz à effet de serre par habitant',
  );

  for (const actor of [facilitator, alice]) await actor.context.close();
});

test('a participant on a phone reads and edits a sheet’s public-sector data, and the section fits the screen', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const facilitator = await createWorkshop(browser, { title: TITLE, kind: 'municipality' });
  const f = facilitator.page;
  const ids = await seedPlan(f, { axes: [{ title: AXIS, sheets: [{ title: SHEET }] }] });
  const id = ids[SHEET] ?? '';
  await seedBoard(f, (doc) => {
    // Secondary schools are the department's and the region's, not a municipality's.
    setActionCompetences(doc, id, ['90-22', '90-211']);
    setActionLevers(doc, id, ['Transports en commun', 'Réduction des déplacements']);
    setActionProgramme(doc, id, 'Petites villes de demain');
    setActionLeadSiret(doc, id, SIRET);
    setActionDates(doc, id, { startDate: '2027-01-15', endDate: '2028-12-31' });
    setActionProgress(doc, id, 'in-progress');
  });
  await setRoomStep(f, 'actions');

  const phone = await touchActor(browser, PHONE);
  const p = phone.page;
  await p.goto('/');
  await p.getByTestId('home.join-code').fill(facilitator.joinCode);
  await p.getByTestId('home.join').tap();
  await p.getByTestId('join.name').fill('Inès Moreau');
  await p.getByTestId('join.group').selectOption('resident');
  await p.getByTestId('join.submit').tap();
  await phone.board.expectConnected();
  await sheetCard(p, SHEET).getByTestId('sheet.open').tap();

  // A sheet with public-sector data opens with the section unfolded.
  await expect(publicData(p).getByTestId('sheet.public-toggle')).toHaveAttribute('aria-expanded', 'true');
  await expect(tag(p, 'competences', '90-22')).toHaveAttribute('data-check', 'partner-required');
  await expect(tag(p, 'competences', '90-22').getByTestId('sheet.competence-no-partner')).toBeVisible();
  // Nursery schools are the municipality's: nothing to say.
  await expect(tag(p, 'competences', '90-211')).toHaveAttribute('data-check', 'held');
  await expect(tag(p, 'competences', '90-211').getByTestId('sheet.competence-check')).toHaveCount(0);
  await expect(sheetEditor(p).getByTestId('sheet.leadSiret')).toHaveValue(SIRET);
  await expect(p.getByTestId('toast')).toHaveCount(0);
  await tag(p, 'competences', '90-22').scrollIntoViewIfNeeded();
  await expectFitsSmallScreen(p, 'sheet editor, public-sector data');
  await shoot(p, 'sheet-public-data-390');

  // Searching on the phone: the list fits under the field; a tap takes a lever.
  const levers = sheetEditor(p).getByTestId('sheet.levers-picker-input');
  await levers.tap();
  await levers.fill('velo');
  const option = sheetEditor(p).getByTestId('sheet.levers-picker-option').filter({ hasText: 'Vélo' });
  await expect(option).toBeVisible();
  await expectFitsSmallScreen(p, 'sheet editor, lever list open');
  await shoot(p, 'sheet-levers-open-390');
  await option.tap();
  await expect(tag(p, 'levers', 'Vélo')).toBeVisible();

  // A refused end date says so on the phone too.
  await sheetEditor(p).getByTestId('sheet.endDate').fill('2026-01-01');
  await expect(sheetEditor(p).getByTestId('sheet.dates-error')).toBeVisible();
  await sheetEditor(p).getByTestId('sheet.dates-error').scrollIntoViewIfNeeded();
  await expectFitsSmallScreen(p, 'sheet editor, date refused');
  await shoot(p, 'sheet-dates-error-390');

  await phone.context.close();
  await facilitator.context.close();
});
