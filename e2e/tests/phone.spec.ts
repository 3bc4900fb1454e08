import { addIndicator, addNote, addPartner, attachIssue, createCluster } from '@atelier/shared';
import { expect, type Locator, test } from '@playwright/test';
import { createWorkshop, type Facilitator } from '../fixtures/actors';
import { seedBoard } from '../fixtures/seed-board';
import { seedPlan } from '../fixtures/seed-plan';
import { expectFitsSmallScreen, PHONE, TABLET, touchActor } from '../fixtures/small-screen';
import { ballotCard, newRound, openNow } from '../fixtures/votes';

const ISSUE_A = 'Des mobilités douces sûres et continues';
const ISSUE_B = 'Un accès aux services numériques pour tous';
const ISSUES = [ISSUE_A, ISSUE_B];
const AXIS_A = 'Un territoire accessible et inclusif';
const AXIS_B = 'Une collectivité sobre et pilotée par la donnée';
const SHEET_A = 'Application d’analyse des flux cyclables';
const SHEET_B = 'Espaces de médiation numérique';
const SHEETS = [SHEET_A, SHEET_B];

/**
 * A workshop with something in every step: notes sorted into two issues, two axes with a sheet
 * each, partners and indicators. Returns the ids by title.
 */
async function seedWorkshop(facilitator: Facilitator): Promise<Record<string, string>> {
  const f = facilitator.page;
  const issues: Record<string, string> = {};
  await seedBoard(f, (doc) => {
    ISSUES.forEach((title, i) => {
      const notes = [0, 1, 2].map((n) =>
        addNote(doc, {
          x: 40 + n * 220,
          y: 40 + i * 200,
          author: 'seed',
          text: `Constat ${n + 1} sur « ${title.toLowerCase()} », relevé pendant le diagnostic`,
        }),
      );
      issues[title] = createCluster(doc, { title, x: 800, y: 40 + i * 300, notes });
    });
  });
  const ids = await seedPlan(f, {
    axes: [
      { title: AXIS_A, sheets: [{ title: SHEET_A, budget: 85000 }] },
      { title: AXIS_B, sheets: [{ title: SHEET_B, budget: 120000 }] },
    ],
  });
  await seedBoard(f, (doc) => {
    ISSUES.forEach((title, i) => {
      attachIssue(doc, issues[title] ?? '', ids[i === 0 ? AXIS_A : AXIS_B] ?? '');
    });
    for (const title of SHEETS) {
      const action = ids[title] ?? '';
      addPartner(doc, {
        action,
        name: 'Université régionale',
        kind: 'research',
        role: 'relais auprès des habitants',
      });
      addIndicator(doc, { action, name: 'Usagers accompagnés par an', unit: 'personnes', target: 1200 });
    }
  });
  return ids;
}

/** The facilitator (on a laptop) opens a round from the votes panel. */
async function openRound(
  facilitator: Facilitator,
  { title, kind, scoring = false }: { title: string; kind: 'issues' | 'actions'; scoring?: boolean },
): Promise<Locator> {
  const form = await newRound(facilitator, scoring ? 'scoring' : undefined);
  await form.getByTestId('votes.form.kind').selectOption(kind);
  return openNow(facilitator, form, title);
}

test('a participant on a phone joins, writes and edits a note, follows the six steps, votes twice, reads the results and writes in an action sheet', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const facilitator = await createWorkshop(browser);
  const f = facilitator.page;
  const ids = await seedWorkshop(facilitator);
  // Participants may look at every step on their own.
  await f.getByTestId('step.free').click();
  await expect(f.getByTestId('step.free')).toHaveAttribute('aria-pressed', 'true');

  // Join from the QR code's page: the code, then a name and a group.
  const phone = await touchActor(browser, PHONE);
  const p = phone.page;
  await p.goto('/');
  await expectFitsSmallScreen(p, 'home');
  await p.getByTestId('home.join-code').fill(facilitator.joinCode);
  await p.getByTestId('home.join').tap();
  await expect(p.getByTestId('join.workshop-title')).not.toBeEmpty();
  await expectFitsSmallScreen(p, 'join');
  await p.getByTestId('join.name').fill('Inès Moreau');
  await p.getByTestId('join.group').selectOption('resident');
  await p.getByTestId('join.submit').tap();
  await phone.board.expectConnected();
  await expectFitsSmallScreen(p, 'step 1');

  // The header is one line; name and language are in its menu.
  const header = await p.locator('.board-header').boundingBox();
  expect(header?.height).toBeLessThanOrEqual(64);
  await p.getByTestId('header.menu').tap();
  await expect(p.getByTestId('header.you')).toContainText('Inès Moreau');
  await expect(p.locator('[data-testid="locale.switch"][data-locale="en"]')).toBeVisible();
  await expectFitsSmallScreen(p, 'header menu');
  await p.getByTestId('header.menu').tap();
  await expect(p.getByTestId('header.you')).toBeHidden();

  // A note: written at a readable size, then opened again with a double tap and edited.
  await p.getByTestId('board.add-note').tap();
  const editor = p.locator('textarea[data-testid="note.text"]');
  await expect(editor).toBeFocused();
  await editor.pressSequentially('Pas de bus le dimanche');
  expect((await editor.boundingBox())?.width).toBeGreaterThan(150);
  await expectFitsSmallScreen(p, 'note being written');
  await p.keyboard.press('Escape');
  const note = phone.board.noteWithText('Pas de bus le dimanche');
  await expect(note).toHaveCount(1);
  const box = await note.boundingBox();
  if (!box) throw new Error('the new note is not on screen');
  await p.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
  await p.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
  await expect(editor).toBeFocused();
  await editor.press('End');
  await editor.pressSequentially(' ni en soirée');
  await p.keyboard.press('Escape');
  await expect(phone.board.noteWithText('Pas de bus le dimanche ni en soirée')).toHaveCount(1);
  await expect(facilitator.board.noteWithText('Pas de bus le dimanche ni en soirée')).toHaveCount(1);

  // Every other step: its content is there and fits.
  const steps = [
    ['issues', 'issues.step', ISSUE_A],
    ['axes', 'axes.step', AXIS_A],
    ['actions', 'sheet.step', SHEET_A],
    ['partnerships', 'plan.partnerships', SHEET_A],
    ['monitoring', 'plan.monitoring', SHEET_A],
  ] as const;
  for (const [step, testId, shows] of steps) {
    await p.getByTestId(`step.${step}`).tap();
    await expect(p.getByTestId(testId)).toBeVisible();
    await expect(p.getByTestId(testId).getByText(shows).first()).toBeAttached();
    if (step === 'partnerships')
      await expect(p.getByTestId('plan.partner.name').first()).toHaveValue('Université régionale');
    if (step === 'monitoring')
      await expect(p.getByTestId('plan.indicator.name').first()).toHaveValue('Usagers accompagnés par an');
    await expectFitsSmallScreen(p, `step ${step}`);
  }
  // Step 6's overview table, and step 5 for the second sheet (the list sits above the detail).
  await p.getByTestId('plan.tab.overview').tap();
  await expectFitsSmallScreen(p, 'plan overview');
  await p.getByTestId('step.partnerships').tap();
  await p.getByTestId('plan.partnerships').getByText(SHEET_B).first().tap();
  await expect(p.getByTestId('plan.detail')).toHaveAttribute('data-sheet-id', ids[SHEET_B] ?? '');
  await expect(p.getByTestId('plan.detail').getByRole('heading', { name: SHEET_B })).toBeInViewport();

  // A dot vote on the issues.
  await p.getByTestId('step.issues').tap();
  const dots = await openRound(facilitator, { title: 'Quels enjeux prioriser ?', kind: 'issues' });
  await p.getByTestId('votes.banner-go').tap();
  await expect(p.getByTestId('votes.ballot')).toBeVisible();
  await expectFitsSmallScreen(p, 'dot ballot');
  const first = ballotCard(p, ISSUE_A);
  await first.getByTestId('votes.add').tap();
  await first.getByTestId('votes.add').tap();
  await expect(first.getByTestId('votes.card-count')).toContainText('2');
  await ballotCard(p, ISSUE_B).getByTestId('votes.add').tap();
  await p.getByTestId('votes.done').tap();
  await dots.getByTestId('votes.action-reveal').click();
  await expect(p.getByTestId('votes.ranking')).toBeVisible();
  await expect(p.getByTestId('votes.result').first()).toHaveAttribute('data-label', ISSUE_A);
  await expectFitsSmallScreen(p, 'dot results');
  await p.getByTestId('votes.results-close').tap();
  // The votes panel, from the header: over the step, the whole width.
  await p.getByTestId('votes.entry').tap();
  await expect(p.getByTestId('votes.panel')).toBeVisible();
  expect((await p.getByTestId('votes.panel').boundingBox())?.width).toBe(PHONE.width);
  await expectFitsSmallScreen(p, 'votes panel');
  await p.getByTestId('votes.close').tap();

  // Criteria scoring on the action sheets.
  const scoring = await openRound(facilitator, {
    title: 'Quelles actions ?',
    kind: 'actions',
    scoring: true,
  });
  await p.getByTestId('votes.banner-go').tap();
  await expect(p.getByTestId('votes.grid')).toBeVisible();
  await expectFitsSmallScreen(p, 'scoring ballot');
  const cell = (sheet: string, criterion: string) =>
    p.locator(
      `[data-testid="votes.score-row"][data-label="${sheet}"] [data-testid="votes.cell"][data-criterion="${criterion}"]`,
    );
  await cell(SHEET_A, 'impact').getByText('5', { exact: true }).tap();
  await cell(SHEET_A, 'feasibility').getByText('3', { exact: true }).tap();
  await cell(SHEET_B, 'impact').getByText('2', { exact: true }).tap();
  await expect(cell(SHEET_A, 'impact')).toHaveAttribute('data-value', '5');
  await p.getByTestId('votes.done').tap();
  await scoring.getByTestId('votes.action-reveal').click();
  await expect(p.getByTestId('votes.criteria-table')).toBeVisible();
  await expectFitsSmallScreen(p, 'scoring results');
  await p.getByTestId('votes.results-close').tap();

  // An action sheet: opened full screen, its title on one or two lines, a field written.
  await p.getByTestId('step.actions').tap();
  await p.locator(`[data-testid="sheet.open"][data-sheet-id="${ids[SHEET_A]}"]`).tap();
  const sheet = p.getByTestId('sheet.editor');
  await expect(sheet).toBeVisible();
  await expectFitsSmallScreen(p, 'action sheet');
  const lead = sheet.getByTestId('sheet.text.lead');
  await lead.tap();
  await lead.pressSequentially('Service mobilités');
  await expect(lead).toHaveValue('Service mobilités');
  // The facilitator, on a laptop, moves the room to step 4 and reads it on the sheet's card.
  await f.getByTestId('votes.results-close').click();
  await f.getByTestId('step.actions').click();
  await expect(
    f.locator(`[data-testid="sheet.card"][data-sheet-id="${ids[SHEET_A]}"]`).locator('.sheet-card__lead'),
  ).toContainText('Service mobilités');
  await expectFitsSmallScreen(p, 'action sheet after writing');

  await phone.context.close();
  await facilitator.context.close();
});

test('on a tablet held upright, a participant’s steps and action sheet fit, with touch-sized controls', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const facilitator = await createWorkshop(browser);
  const ids = await seedWorkshop(facilitator);
  await facilitator.page.getByTestId('step.free').click();

  const tablet = await touchActor(browser, TABLET);
  const t = tablet.page;
  await t.goto('/');
  await t.getByTestId('home.join-code').fill(facilitator.joinCode);
  await t.getByTestId('home.join').tap();
  await t.getByTestId('join.name').fill('Paul Girard');
  await t.getByTestId('join.group').selectOption('business');
  await expectFitsSmallScreen(t, 'join');
  await t.getByTestId('join.submit').tap();
  await tablet.board.expectConnected();
  await expectFitsSmallScreen(t, 'step 1');
  for (const step of ['issues', 'axes', 'actions', 'partnerships', 'monitoring'] as const) {
    await t.getByTestId(`step.${step}`).tap();
    await expectFitsSmallScreen(t, `step ${step}`);
  }
  await t.getByTestId('step.actions').tap();
  await t.locator(`[data-testid="sheet.open"][data-sheet-id="${ids[SHEET_B]}"]`).tap();
  await expect(t.getByTestId('sheet.editor')).toBeVisible();
  await expectFitsSmallScreen(t, 'action sheet');

  await tablet.context.close();
  await facilitator.context.close();
});

test('a facilitator on a phone is told the console needs a wider screen, and still sees a clean board', async ({
  browser,
}) => {
  const phone = await touchActor(browser, PHONE);
  const p = phone.page;
  await p.goto('/');
  await p.getByTestId('home.title').fill('Atelier mobilités');
  await p.getByTestId('home.territory-name').fill('Val de Loue');
  await p.getByTestId('home.facilitator-name').fill('Camille');
  await expectFitsSmallScreen(p, 'home with the creation form filled');
  await p.getByTestId('home.create').tap();
  await phone.board.expectConnected();
  await expect(p.getByTestId('facilitator.narrow')).toHaveText(
    /La console d’animation demande un écran plus large \(≥ 1024 px\)/,
  );
  await expect(p.getByRole('region', { name: 'Outils d’animation' })).toBeHidden();
  // The share panel opened on creation covers the step, under the notice: the code and QR code.
  const share = p.getByTestId('share.panel');
  await expect(share.getByTestId('share.code')).toBeInViewport();
  const notice = await p.getByTestId('facilitator.narrow').boundingBox();
  expect((await share.boundingBox())?.y).toBeGreaterThanOrEqual((notice?.y ?? 0) + (notice?.height ?? 0));
  await expectFitsSmallScreen(p, 'facilitator board with the share panel');
  await share.getByRole('button', { name: 'Fermer', exact: true }).tap();
  await expect(share).toBeHidden();
  await expectFitsSmallScreen(p, 'facilitator board');
  await phone.context.close();
});
