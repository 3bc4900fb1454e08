import { createCluster } from '@atelier/shared';
import { type Browser, expect, type Locator, type Page, test } from '@playwright/test';
import { type Actor, createWorkshop, type Facilitator, joinWorkshop } from '../fixtures/actors';
import { issueTitles } from '../fixtures/issues';
import { seedBoard } from '../fixtures/seed-board';
import { setRoomStep } from '../fixtures/seed-plan';
import { ballotCard as card, goVote, newRound } from '../fixtures/votes';

const ISSUES = ['Mobilité rurale', 'Accès au numérique', 'Logement des jeunes'];

/** Where to put screenshots for a review (`QUORUM_SHOTS=/tmp/shots-quorum`); none without it. */
const SHOTS = process.env.QUORUM_SHOTS;

async function shot(page: Page, name: string, inView?: Locator): Promise<void> {
  if (!SHOTS) return;
  for (const size of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    await page.setViewportSize(size);
    await inView?.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/${name}-${size.width}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** A facilitator, an elected member and two residents, in step 2 with the issues on the board. */
async function room(
  browser: Browser,
): Promise<{ facilitator: Facilitator; manon: Actor; hugo: Actor; lea: Actor }> {
  const facilitator = await createWorkshop(browser);
  const manon = await joinWorkshop(browser, facilitator.joinCode, { name: 'Manon Robert', group: 'elected' });
  const hugo = await joinWorkshop(browser, facilitator.joinCode, { name: 'Hugo Martin', group: 'resident' });
  const lea = await joinWorkshop(browser, facilitator.joinCode, { name: 'Léa Petit', group: 'resident' });
  await seedBoard(facilitator.page, (doc) => {
    ISSUES.forEach((title, i) => {
      createCluster(doc, { title, x: 40 + i * 320, y: 40 });
    });
  });
  await setRoomStep(facilitator.page, 'issues');
  return { facilitator, manon, hugo, lea };
}

/** A participant goes to the vote and puts two dots on an issue. */
async function vote(actor: Actor, label: string): Promise<void> {
  const page = actor.page;
  await goVote(actor);
  await card(page, label).getByTestId('votes.add').click();
  await card(page, label).getByTestId('votes.add').click();
  await expect(card(page, label)).toHaveAttribute('data-dots', '2');
}

const quorumGroup = (page: Page, group: string) =>
  page.locator(`[data-testid="votes.quorum-group"][data-group="${group}"]`);

test('a quorum per group holds the reveal back until a resident votes; everyone reads the quorum and the result with each group weighing the same', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const { facilitator, manon, hugo, lea } = await room(browser);
  const everyone = [facilitator, manon, hugo, lea];
  const f = facilitator.page;
  await expect.poll(() => issueTitles(f)).toEqual(ISSUES);

  // The facilitator asks for a 50 % quorum per group and the weighted result, with the form.
  const form = await newRound(facilitator);
  const percent = form.getByTestId('votes.form.quorum-percent');
  await expect(form.getByTestId('votes.form.quorum')).not.toBeChecked();
  await expect(percent).toBeDisabled();
  await expect(percent).toHaveValue('50');
  await form.getByTestId('votes.form.quorum').check();
  // A quorum out of 1–100 is refused under its field, and nothing is created.
  await percent.fill('150');
  await form.getByTestId('votes.form.open-now').click();
  await expect(form.getByTestId('votes.form.quorum-error')).toHaveText('Un quorum entier, de 1 à 100 %.');
  await expect(percent).toHaveAttribute('aria-invalid', 'true');
  await expect(f.getByTestId('votes.round')).toHaveCount(0);
  await percent.fill('50');
  await form.getByTestId('votes.form.weighting').check();
  await form.getByTestId('votes.form.title').fill('Enjeux à porter au conseil');
  await shot(f, 'form', form.getByTestId('votes.form.decision'));
  await form.getByTestId('votes.form.open-now').click();
  const round = f.getByTestId('votes.round');
  await expect(round).toHaveAttribute('data-state', 'open');

  // Live, per group: nobody has voted, so neither group has reached the quorum.
  const quorum = f.getByTestId('votes.quorum');
  await expect(quorum).toHaveAttribute('data-met', 'false');
  await expect(quorumGroup(f, 'elected')).toContainText('0/1 a voté · quorum 50 % non atteint');
  await expect(quorumGroup(f, 'resident')).toContainText('0/2 a voté · quorum 50 % non atteint');

  // The elected member votes: her group has reached it, the residents have not.
  await vote(manon, 'Mobilité rurale');
  await expect(quorumGroup(f, 'elected')).toHaveAttribute('data-met', 'true');
  await expect(quorumGroup(f, 'elected')).toContainText('1/1 a voté · quorum 50 % atteint');
  await expect(f.getByTestId('votes.quorum-summary')).toContainText('dans 1 collège');
  await expect(f.getByTestId('votes.quorum-summary')).toContainText('Habitant·e 0/2');
  await shot(f, 'progress-short', quorum);

  // The reveal is refused: a dialog names the residents; cancelling (Escape) leaves the round open.
  await f.getByTestId('votes.action-reveal').click();
  const dialog = f.getByTestId('votes.quorum-confirm');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Habitant·e 0/2');
  await expect(dialog.getByRole('button', { name: 'Attendre d’autres votes' })).toBeFocused();
  await expect(dialog.getByRole('button', { name: 'Révéler quand même' })).toBeVisible();
  await shot(f, 'reveal-refused');
  await f.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(round).toHaveAttribute('data-state', 'open');
  for (const actor of everyone) await expect(actor.page.getByTestId('votes.result')).toHaveCount(0);

  // One resident votes: every group has reached the quorum, and the reveal goes through.
  await vote(hugo, 'Accès au numérique');
  await expect(quorum).toHaveAttribute('data-met', 'true');
  await expect(quorumGroup(f, 'resident')).toContainText('1/2 a voté · quorum 50 % atteint');
  await expect(f.getByTestId('votes.quorum-summary')).toContainText('atteint dans chaque collège');
  await f.getByTestId('votes.action-reveal').click();
  await expect(round).toHaveAttribute('data-state', 'revealed');
  await expect(f.getByTestId('votes.quorum-confirm')).toHaveCount(0);

  // Everyone reads the quorum as it stood and can switch to the weighted result, plain one first.
  for (const actor of [facilitator, manon, lea]) {
    const page = actor.page;
    if (!(await page.getByTestId('votes.results').isVisible())) {
      if (!(await page.getByTestId('votes.panel').isVisible())) await page.getByTestId('votes.entry').click();
      await page.getByTestId('votes.see-results').click();
    }
    const results = page.getByTestId('votes.results');
    await expect(results).toBeVisible();
    const line = page.getByRole('note').filter({ hasText: 'Quorum de 50' });
    await expect(line).toHaveText(/Quorum de 50 % par collège atteint \(Élu·e 1\/1, Habitant·e 1\/2\)/);
    await expect(page.getByTestId('votes.results-ranking')).toHaveAttribute('data-view', 'plain');
    await expect(page.getByTestId('votes.result-view-plain')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('votes.weighted-note')).toHaveCount(0);
    // With the keyboard: Tab to the second option, Enter.
    await page.getByTestId('votes.result-view-plain').focus();
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('votes.result-view-weighted')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('votes.results-ranking')).toHaveAttribute('data-view', 'weighted');
    await expect(page.getByTestId('votes.result-view-weighted')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('votes.weighted-note')).toContainText('Chaque collège pèse autant');
    await expect(page.getByTestId('votes.result')).toHaveCount(3);
    await expect(page.getByTestId('votes.result').first()).toHaveAttribute('data-rank', '1');
  }
  await shot(f, 'results-weighted');
  await shot(manon.page, 'results-weighted-participant', manon.page.getByTestId('votes.results-ranking'));
  await f.getByTestId('votes.result-view-plain').click();
  await expect(f.getByTestId('votes.results-ranking')).toHaveAttribute('data-view', 'plain');

  for (const actor of everyone) await actor.context.close();
});

test('revealing anyway: the facilitator overrides the quorum, and the results say it was not reached', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { facilitator, manon, hugo, lea } = await room(browser);
  const f = facilitator.page;
  await expect.poll(() => issueTitles(f)).toEqual(ISSUES);
  const form = await newRound(facilitator);
  await form.getByTestId('votes.form.quorum').check();
  await form.getByTestId('votes.form.open-now').click();
  const round = f.getByTestId('votes.round');
  await expect(round).toHaveAttribute('data-state', 'open');

  await vote(manon, 'Logement des jeunes');
  await expect(quorumGroup(f, 'elected')).toHaveAttribute('data-met', 'true');
  await f.getByTestId('votes.action-reveal').click();
  const dialog = f.getByTestId('votes.quorum-confirm');
  await expect(dialog).toContainText('Habitant·e 0/2');
  // Keyboard: from "Wait", Tab reaches "Reveal anyway".
  await f.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Révéler quand même' })).toBeFocused();
  await f.keyboard.press('Enter');
  await expect(round).toHaveAttribute('data-state', 'revealed');
  await expect(f.getByRole('note').filter({ hasText: 'Quorum de 50' })).toHaveText(
    /Quorum de 50 % par collège non atteint \(Habitant·e 0\/2\)\s:\srésultats révélés malgré tout/,
  );
  await shot(f, 'results-override');
  // No weighting asked: no switch.
  await expect(f.getByTestId('votes.result-switch')).toHaveCount(0);

  for (const actor of [facilitator, manon, hugo, lea]) await actor.context.close();
});
