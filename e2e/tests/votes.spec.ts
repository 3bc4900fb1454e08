import { expect, type Page, test } from '@playwright/test';
import { createWorkshop, joinWorkshop } from '../fixtures/actors';
import { issueTitles } from '../fixtures/issues';
import {
  ballotCard as card,
  expectRanking,
  goVote,
  newRound,
  ranking,
  seedIssues,
  VOTE_ISSUES,
  votingRoom,
} from '../fixtures/votes';

test('a secret dot vote on the issues: hidden until the reveal, the same ranking for everyone, applied to the issue order and undone', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { facilitator, manon, hugo } = await votingRoom(browser, { issues: true });
  const everyone = [facilitator, manon, hugo];
  const f = facilitator.page;
  for (const actor of everyone) await expect.poll(() => issueTitles(actor.page)).toEqual(VOTE_ISSUES);

  // The facilitator opens a secret dot round on every issue (the step's kind is the default).
  const form = await newRound(facilitator);
  await expect(form.getByTestId('votes.form.kind')).toHaveValue('issues');
  await expect(form.getByTestId('votes.form.secret')).toBeChecked();
  await expect(form.getByTestId('votes.form.all')).toBeChecked();
  // "All" counts the kind chosen: the 4 issues, no notes, and the issues again.
  const all = form.locator('label', { has: f.getByTestId('votes.form.all') });
  await expect(all).toHaveText('Tous les éléments (4)');
  await form.getByTestId('votes.form.kind').selectOption('notes');
  await expect(all).toHaveText('Tous les éléments (0)');
  await form.getByTestId('votes.form.kind').selectOption('issues');
  await expect(all).toHaveText('Tous les éléments (4)');
  // A cap above the budget is refused by the field, and nothing is created.
  await form.getByTestId('votes.form.cap').fill('9');
  await form.getByTestId('votes.form.open-now').click();
  await expect(form.getByRole('alert')).toBeVisible();
  await expect(f.getByTestId('votes.round')).toHaveCount(0);
  await form.getByTestId('votes.form.cap').fill('2');
  await form.getByTestId('votes.form.title').fill('Nos enjeux prioritaires');
  await form.getByTestId('votes.form.open-now').click();
  const round = f.getByTestId('votes.round');
  await expect(round).toHaveAttribute('data-state', 'open');

  // The facilitator, who has placed nothing, is told a vote runs but not what they have left.
  await expect(f.getByTestId('votes.banner')).toContainText('Nos enjeux prioritaires');
  await expect(f.getByTestId('votes.banner-remaining')).toHaveCount(0);

  // Both participants are told a vote is running, and go to it.
  for (const actor of [manon, hugo]) {
    await expect(actor.page.getByTestId('votes.banner')).toContainText('Nos enjeux prioritaires');
    await expect(actor.page.getByTestId('votes.banner-remaining')).toHaveText('5 gommettes restantes sur 5');
    await goVote(actor);
    await expect(actor.page.getByTestId('votes.remaining')).toHaveText('Il vous reste 5 gommettes sur 5');
  }

  // Manon votes with the mouse: 2 + 1 + 2 dots, her whole budget; the cap and the budget stop her.
  const m = manon.page;
  await card(m, 'Circuits courts').getByTestId('votes.add').click();
  await card(m, 'Circuits courts').getByTestId('votes.add').click();
  await expect(card(m, 'Circuits courts').getByTestId('votes.add')).toHaveAttribute('aria-disabled', 'true');
  await card(m, 'Logement des jeunes').getByTestId('votes.add').click();
  await card(m, 'Accès au numérique').getByTestId('votes.add').click();
  await card(m, 'Accès au numérique').getByTestId('votes.add').click();
  await expect(m.getByTestId('votes.remaining')).toHaveText('Il vous reste 0 gommette sur 5');
  await expect(card(m, 'Mobilité rurale').getByTestId('votes.add')).toHaveAttribute('aria-disabled', 'true');
  // A blocked button stays reachable and says why.
  await card(m, 'Mobilité rurale').getByTestId('votes.add').focus();
  await m.keyboard.press('Enter');
  await expect(m.getByTestId('votes.notice')).toHaveText(/toutes vos gommettes/);
  await expect(card(m, 'Mobilité rurale')).toHaveAttribute('data-dots', '0');

  // Hugo votes with the keyboard: two dots on "Circuits courts", one on "Logement des jeunes", then done.
  const h = hugo.page;
  await card(h, 'Circuits courts')
    .getByRole('button', { name: 'Ajouter une gommette à « Circuits courts »' })
    .focus();
  await h.keyboard.press('Enter');
  await h.keyboard.press('Space');
  await expect(card(h, 'Circuits courts')).toHaveAttribute('data-dots', '2');
  await card(h, 'Logement des jeunes').getByTestId('votes.add').focus();
  await h.keyboard.press('Enter');
  await h.keyboard.press('Tab');
  await expect(card(h, 'Circuits courts').getByTestId('votes.remove')).toBeFocused();
  await h.keyboard.press('Enter');
  await expect(card(h, 'Circuits courts')).toHaveAttribute('data-dots', '1');
  await h.keyboard.press('Tab');
  await h.keyboard.press('Enter');
  await expect(card(h, 'Circuits courts')).toHaveAttribute('data-dots', '2');
  await expect(h.getByTestId('votes.remaining')).toHaveText('Il vous reste 2 gommettes sur 5');
  await h.getByTestId('votes.done').focus();
  await h.keyboard.press('Space');
  await expect(h.getByTestId('votes.done')).toHaveAttribute('aria-pressed', 'true');

  // A reload reads Hugo's ballot back from the server.
  await h.reload();
  await h.getByTestId('votes.banner-go').click();
  await expect(card(h, 'Circuits courts')).toHaveAttribute('data-dots', '2');
  await expect(h.getByTestId('votes.remaining')).toHaveText('Il vous reste 2 gommettes sur 5');
  await expect(h.getByTestId('votes.done')).toHaveAttribute('aria-pressed', 'true');

  // Secret: each sees only their own dots, nobody sees a total; the facilitator sees who, never what.
  await expect(card(m, 'Circuits courts')).toHaveAttribute('data-dots', '2');
  await expect(card(m, 'Logement des jeunes')).toHaveAttribute('data-dots', '1');
  const voters = f.getByTestId('votes.voter');
  await expect(f.locator('[data-testid="votes.voter"][data-name="Manon Robert"]')).toHaveAttribute(
    'data-status',
    'done',
  );
  await expect(f.locator('[data-testid="votes.voter"][data-name="Hugo Martin"]')).toHaveAttribute(
    'data-status',
    'done',
  );
  await expect(voters).toHaveCount(2);
  await expect(f.getByTestId('votes.progress-summary')).toContainText('2 / 2 ont terminé');
  await expect(f.getByTestId('votes.progress-dots-left')).toHaveAttribute('data-value', '2');
  await expect(f.getByTestId('votes.progress')).not.toContainText('Circuits courts');
  await expect(f.getByTestId('votes.see-results')).toHaveCount(0);
  for (const actor of everyone) await expect(actor.page.getByTestId('votes.result')).toHaveCount(0);

  // The facilitator reveals: all three are shown the same ranking, with the tie marked.
  await f.getByTestId('votes.action-reveal').click();
  const expected: [string, string][] = [
    ['Circuits courts', '1'],
    ['Accès au numérique', '2'],
    ['Logement des jeunes', '2'],
    ['Mobilité rurale', '4'],
  ];
  for (const actor of everyone) {
    await expectRanking(actor.page, expected);
    await expect(actor.page.getByTestId('votes.tie')).toHaveCount(2);
    await expect(actor.page.getByTestId('votes.results-voters')).toHaveText('2 votant·es');
    await expect(actor.page.getByTestId('votes.result').first().getByTestId('votes.result-total')).toHaveText(
      '4 gommettes',
    );
  }
  // Two small groups: merged, and the legend says which.
  await expect(m.getByTestId('votes.group')).toHaveCount(1);
  await expect(m.getByTestId('votes.group')).toContainText('Agent de la collectivité, Habitant·e');
  // Participants read, only the facilitator applies.
  await expect(m.getByTestId('votes.apply')).toHaveCount(0);

  // The facilitator ranks the issues by the vote: one change, which Ctrl+Z takes back.
  await f.getByTestId('votes.apply-issues').click();
  await expect(f.getByTestId('toast').filter({ hasText: 'Ctrl+Z' })).toBeVisible();
  await f.getByTestId('votes.results-close').click();
  await m.getByTestId('votes.results-close').click();
  const ranked = ['Circuits courts', 'Accès au numérique', 'Logement des jeunes', 'Mobilité rurale'];
  await expect.poll(() => issueTitles(f)).toEqual(ranked);
  await expect.poll(() => issueTitles(m)).toEqual(ranked);
  await f.keyboard.press('Control+z');
  await expect.poll(() => issueTitles(f)).toEqual(VOTE_ISSUES);
  await expect.poll(() => issueTitles(m)).toEqual(VOTE_ISSUES);

  // Past rounds stay reachable for everyone, read-only.
  await m.getByTestId('votes.entry').click();
  await expect(m.getByTestId('votes.round')).toHaveAttribute('data-state', 'revealed');
  await expect(m.getByTestId('votes.action-reopen')).toHaveCount(0);
  await m.getByTestId('votes.see-results').click();
  await expect.poll(() => ranking(m)).toEqual(expected);

  for (const actor of everyone) await actor.context.close();
});

test('criteria scoring: participants score a grid, the facilitator reveals, the criteria table shows the means', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { facilitator, manon, hugo } = await votingRoom(browser, { issues: true });
  const observer = await joinWorkshop(browser, facilitator.joinCode, {
    name: 'Élu observateur',
    group: 'elected',
    observer: true,
  });
  const f = facilitator.page;
  await expect.poll(() => issueTitles(f)).toEqual(VOTE_ISSUES);

  // Scoring on two issues chosen by hand, with one criterion weighted double.
  const form = await newRound(facilitator);
  await form.getByTestId('votes.form.mode-scoring').check();
  await expect(form.getByTestId('votes.form.criterion-label')).toHaveCount(4);
  await expect(form.getByTestId('votes.form.criterion-label').first()).toHaveValue('Impact');
  await form.getByTestId('votes.form.criterion-weight').first().fill('2');
  await form.getByTestId('votes.form.some').check();
  await form.locator('[data-testid="votes.form.target"][data-label="Circuits courts"]').check();
  await form.locator('[data-testid="votes.form.target"][data-label="Mobilité rurale"]').check();
  await form.getByTestId('votes.form.title').fill('Notation des enjeux');
  await form.getByTestId('votes.form.open-now').click();
  await expect(f.getByTestId('votes.round')).toHaveAttribute('data-state', 'open');

  // Observers see the vote but have nothing to operate.
  await observer.page.getByTestId('votes.banner-go').click();
  await expect(observer.page.getByTestId('votes.why')).toHaveText('Les observateur·rices ne votent pas.');
  await expect(observer.page.locator('.score-cell__input:not(:disabled)')).toHaveCount(0);

  const cell = (page: Page, label: string, criterion: string) =>
    page.locator(
      `[data-testid="votes.score-row"][data-label="${label}"] [data-testid="votes.cell"][data-criterion="${criterion}"]`,
    );
  // Manon clicks her scores.
  const m = manon.page;
  await m.getByTestId('votes.banner-go').click();
  await expect(m.getByTestId('votes.grid').getByRole('columnheader', { name: /Impact/ })).toContainText('×2');
  await expect(m.getByTestId('votes.scored')).toHaveText('0 / 8 notes données');
  await cell(m, 'Circuits courts', 'impact').getByText('4', { exact: true }).click();
  await cell(m, 'Circuits courts', 'cost').getByText('2', { exact: true }).click();
  await expect(cell(m, 'Circuits courts', 'impact')).toHaveAttribute('data-value', '4');
  await expect(m.getByTestId('votes.scored')).toHaveText('2 / 8 notes données');

  // Hugo uses the keyboard: arrows move along the 0–5 choice.
  const h = hugo.page;
  await h.getByTestId('votes.banner-go').click();
  const two = cell(h, 'Circuits courts', 'impact').getByRole('radio', { name: '2 sur 5' });
  // Disabled until Hugo's ballot is read: focus() does not wait for that, unlike a click.
  await expect(two).toBeEnabled();
  await two.focus();
  await h.keyboard.press('Space');
  await expect(cell(h, 'Circuits courts', 'impact')).toHaveAttribute('data-value', '2');
  await h.keyboard.press('ArrowRight');
  await expect(cell(h, 'Circuits courts', 'impact')).toHaveAttribute('data-value', '3');
  await expect(h.getByTestId('votes.scored')).toHaveText('1 / 8 notes données');

  await expect(f.locator('[data-testid="votes.voter"][data-name="Hugo Martin"]')).toHaveAttribute(
    'data-status',
    'partial',
  );
  // The facilitator reminds Hugo, who has not finished: he is told.
  await f
    .locator('[data-testid="votes.voter"][data-name="Hugo Martin"]')
    .getByTestId('votes.remind-one')
    .click();
  await expect(
    h
      .getByTestId('toast')
      .filter({ hasText: 'L’animateur·rice vous rappelle de voter : Notation des enjeux' }),
  ).toBeVisible();

  await f.getByTestId('votes.action-reveal').click();
  for (const page of [f, m, h, observer.page]) {
    const table = page.getByTestId('votes.criteria-table');
    await expect(table).toBeVisible();
    const impact = table.locator(
      '[data-testid="votes.criteria-row"][data-label="Circuits courts"] [data-testid="votes.criterion-cell"][data-criterion="impact"]',
    );
    await expect(impact).toHaveAttribute('data-mean', '3.5');
    await expect(impact).toContainText('3,5');
    await expect(impact).toContainText('méd. 3,5');
  }
  // Circuits courts: (3.5 × 2 + 2) / 3 = 3 — first; Mobilité rurale: nobody scored it.
  await expect
    .poll(() => ranking(f))
    .toEqual([
      ['Circuits courts', '1'],
      ['Mobilité rurale', '2'],
    ]);
  await expect(f.getByTestId('votes.result').first().getByTestId('votes.result-total')).toHaveText('3 / 5');

  for (const actor of [facilitator, manon, hugo, observer]) await actor.context.close();
});

test('the facilitator runs a round’s lifecycle from the panel: timed and open, extended, closed, reopened, discarded', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const facilitator = await createWorkshop(browser);
  const manon = await joinWorkshop(browser, facilitator.joinCode, { name: 'Manon Robert', group: 'staff' });
  await seedIssues(facilitator.page);
  const f = facilitator.page;
  const m = manon.page;

  // An open-visibility round with five minutes, opened at once: the room's timer counts them.
  const form = await newRound(facilitator);
  await form.getByTestId('votes.form.open').check();
  await form.getByTestId('votes.form.duration').fill('5');
  await form.getByTestId('votes.form.open-now').click();
  const round = f.getByTestId('votes.round');
  await expect(round).toHaveAttribute('data-state', 'open');
  await expect(m.getByTestId('timer.remaining')).toContainText(/^4:5\d|^5:00/);

  // Manon votes; in an open round she sees the live tally.
  await expect(m.getByTestId('votes.banner')).toBeVisible();
  await m.getByTestId('votes.banner-go').click();
  await expect(m.locator('[data-testid="votes.remaining"][data-remaining="5"]')).toBeVisible();
  await card(m, VOTE_ISSUES[1] ?? '')
    .getByTestId('votes.add')
    .click();
  await expect(m.locator('[data-testid="votes.remaining"][data-remaining="4"]')).toBeVisible();
  await m.getByTestId('votes.live-results').click();
  await expect(m.getByTestId('votes.result').first()).toHaveAttribute('data-label', VOTE_ISSUES[1] ?? '');
  await m.getByTestId('votes.results-close').click();
  await expect(m.getByTestId('issues.step')).toBeVisible();

  // Five more minutes: the room's timer shows them.
  await round.getByTestId('votes.extend-5').click();
  await expect(m.getByTestId('timer.remaining')).toContainText(/^9:5\d|^10:00/);

  // Closed: the banner goes; reopened: it comes back, with Manon's ballot kept.
  await round.getByTestId('votes.action-close').click();
  await expect(round).toHaveAttribute('data-state', 'closed');
  await expect(m.getByTestId('votes.banner')).toHaveCount(0);
  await round.getByTestId('votes.action-reopen').click();
  await expect(round).toHaveAttribute('data-state', 'open');
  await expect(m.getByTestId('votes.banner')).toBeVisible();
  await m.getByTestId('votes.banner-go').click();
  await expect(m.locator('[data-testid="votes.remaining"][data-remaining="4"]')).toBeVisible();

  // Discarded after a confirmation: gone for everyone, and Manon is back on the board.
  await round.getByTestId('votes.discard').click();
  await f.getByTestId('votes.discard-confirm').getByTestId('confirm.ok').click();
  await expect(f.getByTestId('votes.round')).toHaveCount(0);
  await expect(m.getByTestId('votes.ballot')).toHaveCount(0);
  await expect(m.getByTestId('votes.banner')).toHaveCount(0);
  await expect(m.getByTestId('issues.step')).toBeVisible();
});
