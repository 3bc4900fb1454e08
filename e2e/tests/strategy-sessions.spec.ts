import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from '../fixtures/a11y';
import { createWorkshop, joinWorkshop } from '../fixtures/actors';
import { BoardPage } from '../fixtures/board-page';
import { BoardPanel } from '../fixtures/board-panel';

/** A link the server built (on its public address), opened on the test server: its path and fragment. */
function onTestServer(link: string): string {
  const url = new URL(link);
  return url.pathname + url.hash;
}

function changeItem(page: Page, change: 'added' | 'changed' | 'removed', label: string) {
  return page.locator(`[data-testid="changes.item"][data-change="${change}"]`).filter({
    has: page.getByTestId('changes.label').filter({ hasText: label }),
  });
}

test('a workshop becomes session 1 of a strategy; session 2 re-invites the same people, who carry on from the earlier notes, and the facilitator reads what changed', async ({
  browser,
}) => {
  const facilitator = await createWorkshop(browser, { title: 'Mobilités 2030', territory: 'Val de Loue' });
  const ana = await joinWorkshop(browser, facilitator.joinCode, { name: 'Ana Perrin', group: 'resident' });
  const bob = await joinWorkshop(browser, facilitator.joinCode, { name: 'Bob Leroy', group: 'business' });
  const anaNote = await ana.board.addNote('Pas de bus le dimanche');
  await bob.board.addNote('Covoiturage domicile-travail');
  await expect(facilitator.board.notes).toHaveCount(2);

  // The facilitator makes the workshop session 1 of a strategy, from the board panel.
  const { page } = facilitator;
  const panel = new BoardPanel(page);
  await panel.open();
  await panel.panel.getByTestId('boardPanel.makeStrategy').click();
  await expect(page).toHaveURL(/\/s\/[A-Za-z0-9_-]+$/);
  await expect(page.getByTestId('strategy.title')).toHaveText('Mobilités 2030');
  await expect(page.getByTestId('strategy.session')).toHaveCount(1);
  await expect(page.getByTestId('strategy.session').getByTestId('strategy.contributors')).toHaveText(
    '2 ont contribué',
  );
  await expectNoSeriousA11yViolations(page, 'strategy page');

  // Session 2, from session 1, inviting the same people again: each gets a new personal link.
  await page.getByTestId('strategy.newSession').click();
  const dialog = page.getByTestId('newSession');
  await expect(dialog.getByTestId('newSession.invite.again')).toBeChecked();
  await dialog.getByTestId('newSession.title').fill('Mobilités 2030 — enjeux');
  await dialog.getByTestId('newSession.submit').click();
  await expect(dialog.getByTestId('newSession.done')).toContainText('Séance 2 créée');
  await expect(dialog.getByTestId('newSession.person')).toHaveCount(2);
  const anaLink = await dialog
    .locator('[data-testid="newSession.person"][data-name="Ana Perrin"]')
    .getByTestId('newSession.link')
    .inputValue();
  expect(anaLink).toMatch(/\/w\/[^/#]+#token=.+/);
  await dialog.getByTestId('newSession.close').click();
  await expect(page.getByTestId('strategy.session')).toHaveCount(2);

  // Ana opens her new link: the earlier notes are there, hers still hers to change.
  const anaPage = await ana.context.newPage();
  await anaPage.goto(onTestServer(anaLink));
  await expect(anaPage).toHaveURL(/\/w\/[^/#]+$/);
  await expect(anaPage.getByTestId('connection.status')).toHaveAttribute('data-status', 'connected');
  const anaInSession2 = new BoardPage(anaPage);
  await expect(anaInSession2.noteWithText('Covoiturage domicile-travail')).toBeVisible();
  await expect(anaInSession2.note(anaNote).getByTestId('note.text')).toHaveText('Pas de bus le dimanche');
  await anaInSession2.addNote('Navette vers la gare');
  await anaInSession2.editNote(anaNote, 'Pas de bus le dimanche ni le soir');
  await expect(anaInSession2.note(anaNote).getByTestId('note.text')).toHaveText(
    'Pas de bus le dimanche ni le soir',
  );

  // The facilitator's comparison, sessions 1 → 2 by default: the added note with its author, the changed text.
  await page.getByTestId('changes.refresh').click();
  const changes = page.getByTestId('changes');
  await expect(changes.getByTestId('changes.summary')).toHaveText(
    /2 changements entre la séance 1 et la séance 2/,
  );
  const added = changeItem(page, 'added', 'Navette vers la gare');
  await expect(added).toContainText('par Ana Perrin');
  const changed = changeItem(page, 'changed', 'Pas de bus le dimanche ni le soir');
  await expect(changed.locator('[data-testid="changes.field"][data-field="text"]')).toHaveText(
    /Pas de bus le dimanche.*→.*Pas de bus le dimanche ni le soir/,
  );
  await expect(changes.getByTestId('changes.attribution')).toBeVisible();

  // In session 2 the facilitator has the same recap at hand for the room.
  await anaPage.close();
  await page.getByTestId('strategy.open').nth(1).click();
  await expect(page).toHaveURL(/\/w\/[^/#]+$/);
  const recap = page.getByTestId('recap.panel');
  await expect(recap).toBeVisible();
  await expect(changeItem(page, 'added', 'Navette vers la gare')).toBeVisible();
  // Alone in the session (Ana has left), the facilitator completes the board: "between sessions".
  await expect(page.getByTestId('presence.count')).toHaveText('1');
  await page.getByTestId('recap.close').click();
  await new BoardPage(page).addNote('Horaires à vérifier');
  await page.goBack();
  await page.getByTestId('changes.refresh').click();
  await expect(
    changeItem(page, 'added', 'Horaires à vérifier').getByTestId('changes.betweenSessions'),
  ).toHaveText('entre les séances');
  await expect(
    changeItem(page, 'added', 'Navette vers la gare').getByTestId('changes.betweenSessions'),
  ).toHaveCount(0);

  // Archived: a clear banner, no new session; restored, as before.
  await page.getByTestId('strategy.archive').click();
  await expect(page.getByTestId('strategy.archived')).toBeVisible();
  await expect(page.getByTestId('strategy.newSession')).toBeDisabled();
  await expect(page.getByTestId('strategy.door').first()).toHaveText('Accès fermé');
  await page.getByTestId('strategy.restore').click();
  await expect(page.getByTestId('strategy.archived')).toHaveCount(0);
  await expect(page.getByTestId('strategy.door').first()).toContainText('Accès ouvert');

  // The strategy's facilitator link, copied (never shown) for a co-facilitator, opens it in another browser.
  await facilitator.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByTestId('strategy.copyLink').click();
  await expect(page.getByTestId('strategy.status')).toContainText('co-animateur');
  const strategyLink = await page.evaluate(() => navigator.clipboard.readText());
  expect(strategyLink).toMatch(/\/s\/[A-Za-z0-9_-]+#token=.+/);
  const colleague = await browser.newContext();
  const colleaguePage = await colleague.newPage();
  await colleaguePage.goto(onTestServer(strategyLink));
  await expect(colleaguePage.getByTestId('strategy.title')).toHaveText('Mobilités 2030');
  await expect(colleaguePage.getByTestId('strategy.session')).toHaveCount(2);
  await colleague.close();

  // The whole strategy as a JSON file (every session), imported back from the home as a new strategy.
  await page.getByTestId('strategy.export.format').selectOption('json');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('strategy.export.download').click(),
  ]);
  const file = await download.path();
  const exported = JSON.parse(await readFile(file, 'utf8')) as { kind?: string; sessions?: unknown[] };
  expect(exported.kind).toBe('strategy');
  expect(exported.sessions).toHaveLength(2);
  const strategyUrl = page.url();
  await page.goto('/');
  await page.getByTestId('import.file').setInputFiles(file);
  await page.getByTestId('import.submit').click();
  await expect(page).toHaveURL(/\/s\/[A-Za-z0-9_-]+$/);
  expect(page.url()).not.toBe(strategyUrl);
  await expect(page.getByTestId('strategy.session')).toHaveCount(2);
  await page.goto(strategyUrl);

  // The facilitator's home lists the strategy beside the workshops, and opens it again.
  await page.goto('/');
  // Two strategies now: this one and the imported one.
  await expect(page.getByTestId('home.strategy')).toHaveCount(2);
  const strategyId = new URL(strategyUrl).pathname.split('/').pop();
  await page
    .locator(`[data-testid="home.strategy"][data-id="${strategyId}"]`)
    .getByTestId('home.strategy.open')
    .click();
  await expect(page.getByTestId('strategy.title')).toHaveText('Mobilités 2030');

  // Deleting the imported copy for good asks for its title; the home then lists one strategy.
  await page.goto('/');
  const copy = page.locator(`[data-testid="home.strategy"]:not([data-id="${strategyId}"])`);
  await copy.getByTestId('home.strategy.open').click();
  await expect(page).not.toHaveURL(strategyUrl);
  await page.getByTestId('strategy.delete').click();
  const confirm = page.getByTestId('strategy.deleteConfirm');
  const deleteForGood = confirm.getByRole('button', { name: 'Supprimer définitivement' });
  await confirm.getByTestId('strategy.deleteTitle').fill('Mobilités');
  await expect(deleteForGood).toBeDisabled();
  await confirm.getByTestId('strategy.deleteTitle').fill('  mobilités   2030 ');
  await deleteForGood.click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId('home.strategy')).toHaveCount(1);
  await expect(copy).toHaveCount(0);
});
