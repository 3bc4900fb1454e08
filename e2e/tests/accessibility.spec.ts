import {
  addIndicator,
  addNote,
  addPartner,
  assignNote,
  attachIssue,
  createCluster,
  STEPS,
  type Step,
} from '@atelier/shared';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from '../fixtures/a11y';
import { type Actor, createWorkshop, type Facilitator, joinWorkshop } from '../fixtures/actors';
import { seedBoard } from '../fixtures/seed-board';
import { seedPlan } from '../fixtures/seed-plan';
import { goVote, newRound } from '../fixtures/votes';

/** What each screen shows, in the workshop's language. */
const CONTENT = {
  fr: {
    locale: 'fr-FR',
    issues: ['Mobilité rurale', 'Accès au numérique', 'Logement des jeunes'],
    notes: ['Peu de bus le soir', 'Zones blanches au nord', 'Loyers trop chers'],
    axis: 'Un territoire accessible',
    sheet: 'Transport à la demande',
    partner: 'Association des usagers',
    indicator: 'Trajets réservés',
    unit: 'trajets',
  },
  en: {
    locale: 'en-GB',
    issues: ['Rural mobility', 'Digital access', 'Housing for the young'],
    notes: ['Few buses at night', 'No coverage up north', 'Rents too high'],
    axis: 'An accessible territory',
    sheet: 'On-demand transport',
    partner: 'Users’ association',
    indicator: 'Trips booked',
    unit: 'trips',
  },
} as const;
type Language = keyof typeof CONTENT;

/** Notes sorted into issues, the issues under an axis, and a sheet with a partner and an indicator. */
async function seedWorkshop(page: Page, language: Language): Promise<void> {
  const content = CONTENT[language];
  let firstIssue = '';
  await seedBoard(page, (doc) => {
    const notes = content.notes.map((text, i) =>
      addNote(doc, { text, x: 60 + i * 240, y: 80, author: 'seed' }),
    );
    const clusters = content.issues.map((title, i) => createCluster(doc, { title, x: 60 + i * 320, y: 360 }));
    firstIssue = clusters[0] ?? '';
    // Two notes sorted into the first two issues, one left on the board.
    notes.slice(0, 2).forEach((note, i) => {
      assignNote(doc, note, clusters[i] ?? null);
    });
  });
  const ids = await seedPlan(page, {
    axes: [{ title: content.axis, sheets: [{ title: content.sheet, budget: 120000, lead: 'DGS' }] }],
  });
  const axis = ids[content.axis] ?? '';
  const sheet = ids[content.sheet] ?? '';
  await seedBoard(page, (doc) => {
    attachIssue(doc, firstIssue, axis);
    addPartner(doc, { action: sheet, name: content.partner, kind: 'civil-society' });
    addIndicator(doc, {
      action: sheet,
      name: content.indicator,
      unit: content.unit,
      baseline: 0,
      target: 500,
    });
  });
}

async function moveRoom(facilitator: Facilitator, participant: Actor, step: Step): Promise<void> {
  await facilitator.page.getByTestId(`step.${step}`).click();
  for (const actor of [facilitator, participant]) {
    await expect(actor.page.getByTestId('board.main')).toHaveAttribute('data-step', step);
  }
}

/** The facilitator opens a round on the issues from the votes panel; the participant goes to the ballot. */
async function openRound(
  facilitator: Facilitator,
  participant: Actor,
  mode: 'dots' | 'scoring',
  where: string,
): Promise<void> {
  const f = facilitator.page;
  const form = await newRound(facilitator, mode === 'scoring' ? 'scoring' : undefined);
  await expectNoSeriousA11yViolations(f, `${where}: the new round form (${mode})`);
  await form.getByTestId('votes.form.open-now').click();
  await expect(f.locator('[data-testid="votes.round"][data-state="open"]')).toHaveCount(1);
  await goVote(participant);
}

async function reveal(facilitator: Facilitator, participant: Actor, where: string): Promise<void> {
  const f = facilitator.page;
  await f.getByTestId('votes.action-reveal').click();
  for (const actor of [facilitator, participant]) {
    await expect(actor.page.getByTestId('votes.results')).toBeVisible();
    await expect(actor.page.getByTestId('votes.result').first()).toBeVisible();
    await expectNoSeriousA11yViolations(
      actor.page,
      `${where}: the results (${actor === facilitator ? 'facilitator' : 'participant'})`,
    );
    await actor.page.getByTestId('votes.results-close').click();
  }
}

async function journey(browser: Browser, language: Language): Promise<void> {
  const content = CONTENT[language];
  const where = (screen: string) => `${screen} [${language}]`;

  // Home, as the facilitator first sees it.
  const home = await (await browser.newContext({ locale: content.locale })).newPage();
  await home.goto('/');
  await expect(home.getByTestId('home.create')).toBeVisible();
  await expectNoSeriousA11yViolations(home, where('home'));
  await home.context().close();

  // Just created: the share panel is open.
  const facilitator = await createWorkshop(browser, { locale: language });
  const f = facilitator.page;
  await expect(f.getByTestId('share.panel')).toBeVisible();
  await expectNoSeriousA11yViolations(f, where('the share panel'));
  await f.getByTestId('share.toggle').click();

  // The join page, before the participant is in.
  const joining = await (await browser.newContext({ locale: content.locale })).newPage();
  await joining.goto('/');
  await joining.getByTestId('home.join-code').fill(facilitator.joinCode);
  await joining.getByTestId('home.join').click();
  await expect(joining.getByTestId('join.workshop-title')).not.toBeEmpty();
  await expectNoSeriousA11yViolations(joining, where('join'));
  await joining.context().close();

  const participant = await joinWorkshop(browser, facilitator.joinCode, {
    name: 'Manon Robert',
    group: 'staff',
    locale: content.locale,
  });
  await seedWorkshop(f, language);

  // Every step, as the facilitator and as a participant see it.
  for (const step of STEPS) {
    await moveRoom(facilitator, participant, step);
    await expectNoSeriousA11yViolations(f, where(`step ${step} (facilitator)`));
    await expectNoSeriousA11yViolations(participant.page, where(`step ${step} (participant)`));
  }

  // The participants panel.
  await f.getByTestId('participants.toggle').click();
  await expect(f.getByTestId('participants.panel')).toContainText('Manon Robert');
  await expectNoSeriousA11yViolations(f, where('the participants panel'));
  await f.getByTestId('participants.toggle').click();

  // A dot vote, then a scoring round, on the issues: the panel, the ballots and the results.
  await moveRoom(facilitator, participant, 'issues');
  await openRound(facilitator, participant, 'dots', where('dots'));
  const p = participant.page;
  await p.getByTestId('votes.add').first().click();
  await expect(p.getByTestId('votes.remaining')).toHaveAttribute('data-remaining', '4');
  await expectNoSeriousA11yViolations(p, where('the dots ballot'));
  await expectNoSeriousA11yViolations(f, where('the votes panel during a round'));
  await reveal(facilitator, participant, where('dots'));

  await openRound(facilitator, participant, 'scoring', where('scoring'));
  await p.getByTestId('votes.cell').first().getByText('4', { exact: true }).click();
  await expect(p.getByTestId('votes.cell').first()).toHaveAttribute('data-value', '4');
  await expectNoSeriousA11yViolations(p, where('the scoring ballot'));
  await reveal(facilitator, participant, where('scoring'));
  await expect(f.getByTestId('votes.panel')).toBeVisible();
  await expectNoSeriousA11yViolations(f, where('the votes panel with past rounds'));

  // The export panel.
  await f.getByTestId('export.toggle').click();
  await expect(f.getByTestId('export.panel')).toBeVisible();
  await expectNoSeriousA11yViolations(f, where('the export panel'));

  for (const actor of [facilitator, participant]) await actor.context.close();
}

for (const language of ['fr', 'en'] as const) {
  test(`no critical or serious accessibility violation on any screen, from home to the export [${language}]`, async ({
    browser,
  }) => {
    test.setTimeout(300_000);
    await journey(browser, language);
  });
}
