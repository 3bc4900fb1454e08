import { expect, type Page, test } from '@playwright/test';
import { createWorkshop, joinWorkshop } from '../fixtures/actors';
import { ParticipantsPanel } from '../fixtures/participants-panel';

/** The code the share panel shows now, without the space between its halves. */
async function sharedCode(page: Page): Promise<string> {
  return ((await page.getByTestId('share.code').textContent()) ?? '').replace(/[^A-Z0-9]/gi, '');
}

/** Answers the "new code" confirmation, checking first that it says what happens. */
async function confirmNewCode(page: Page): Promise<void> {
  const dialog = page.getByTestId('share.rotateConfirm');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('ne permettront plus de rejoindre l’atelier');
  await expect(dialog).toContainText('Les personnes déjà présentes restent connectées');
  await expect(dialog.getByTestId('confirm.cancel')).toBeFocused();
  await dialog.getByTestId('confirm.ok').click();
  await expect(dialog).toHaveCount(0);
}

test('after removing someone, the facilitator issues a new code: the old link lets nobody in, the new one does, and people already in stay', async ({
  browser,
}) => {
  const facilitator = await createWorkshop(browser);
  const { page } = facilitator;
  const oldCode = facilitator.joinCode;
  const oldLink = (await page.getByTestId('share.link').textContent()) ?? '';
  expect(oldLink).toMatch(new RegExp(`/join/${oldCode}$`));
  const lea = await joinWorkshop(browser, oldCode, { name: 'Léa Muller', group: 'elected' });
  const hugo = await joinWorkshop(browser, oldCode, { name: 'Hugo Martinez', group: 'resident' });

  // Removing Léa: the participants panel says she could come back with the current code.
  const panel = new ParticipantsPanel(page);
  await panel.open();
  await expect(page.getByTestId('participants.newCodeHint')).toHaveCount(0);
  await panel.remove('Léa Muller');
  await expect(lea.page.getByTestId('connection.closed')).toHaveAttribute('data-code', '4410');
  const hint = page.getByTestId('participants.newCodeHint');
  await expect(hint).toContainText('Léa Muller peut encore revenir sous un autre nom');

  // A new code from there: asked first, then confirmed by a toast; the hint is gone.
  await hint.getByTestId('participants.rotate').click();
  await confirmNewCode(page);
  await expect(page.getByTestId('toast').filter({ hasText: 'Nouveau code' })).toBeVisible();
  await expect(hint).toHaveCount(0);

  // The share panel shows the new code, with its link and QR code.
  await page.getByTestId('share.toggle').click();
  await expect(page.getByTestId('share.code')).not.toHaveText(/^\s*$/);
  const newCode = await sharedCode(page);
  expect(newCode).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
  expect(newCode).not.toBe(oldCode);
  const newLink = oldLink.replace(oldCode, newCode);
  await expect(page.getByTestId('share.link')).toHaveText(newLink);
  await expect(page.getByTestId('share.qr')).toHaveAttribute('data-url', newLink);
  await expect(page.getByTestId('toast').filter({ hasText: newCode.slice(0, 3) })).toBeVisible();

  // Léa's old link no longer opens the workshop.
  await lea.page.goto(oldLink);
  await expect(lea.page.getByTestId('join.error')).toContainText(
    `Aucun atelier ne correspond au code « ${oldCode} »`,
  );
  await expect(lea.page.getByTestId('join.name')).toHaveCount(0);

  // Someone new joins with the new code; Hugo, already in, never left.
  const nina = await joinWorkshop(browser, newCode, { name: 'Nina Rossi', group: 'business' });
  await nina.board.expectConnected();
  await hugo.board.expectConnected();
  const note = 'Navette vers la gare';
  await hugo.board.addNote(note);
  await expect(nina.board.noteWithText(note)).toHaveCount(1);
  await expect(page.getByTestId('share.joined')).toHaveText('2 personnes ont rejoint l’atelier');

  // The share panel issues a new code too, and shows it at once.
  await page.getByTestId('share.rotate').click();
  await confirmNewCode(page);
  await expect.poll(() => sharedCode(page)).not.toBe(newCode);
  const third = await sharedCode(page);
  await expect(page.getByTestId('share.link')).toHaveText(oldLink.replace(oldCode, third));
  // It survives a reload (the session keeps it, the server confirms it).
  await page.reload();
  await facilitator.board.expectConnected();
  await page.getByTestId('share.toggle').click();
  await expect.poll(() => sharedCode(page)).toBe(third);
  await expect(page.getByTestId('share.link')).toHaveText(oldLink.replace(oldCode, third));

  for (const actor of [facilitator, lea, hugo, nina]) await actor.context.close();
});

test('the facilitator closes joining from the share panel: a newcomer on the link reads that it is closed, people already in stay; reopened, the newcomer joins', async ({
  browser,
}) => {
  const facilitator = await createWorkshop(browser);
  const { page } = facilitator;
  const link = (await page.getByTestId('share.link').textContent()) ?? '';
  const lea = await joinWorkshop(browser, facilitator.joinCode, { name: 'Léa Muller', group: 'elected' });

  await expect(page.getByTestId('share.doorState')).toContainText('L’accès est ouvert');
  await page.getByTestId('share.joining').click();
  await expect(page.getByTestId('toast').filter({ hasText: 'Accès fermé' })).toBeVisible();
  await expect(page.getByTestId('share.door')).toHaveAttribute('data-open', 'false');
  await expect(page.getByTestId('share.doorState')).toContainText('L’accès est fermé');
  await expect(page.getByTestId('share.joining')).toHaveText('Rouvrir l’accès');

  // A newcomer opens the link: a clear message, no form, in their language.
  const nina = await browser.newContext({ locale: 'fr-FR' });
  const ninaPage = await nina.newPage();
  await ninaPage.goto(link);
  const closed = ninaPage.getByTestId('join.closed');
  await expect(closed.getByRole('heading', { level: 1 })).toHaveText('L’accès à l’atelier est fermé');
  await expect(closed).toContainText('demandez-lui de rouvrir l’accès');
  await expect(ninaPage.getByTestId('join.name')).toHaveCount(0);
  const tom = await browser.newContext({ locale: 'en-GB' });
  const tomPage = await tom.newPage();
  await tomPage.goto(link);
  await expect(tomPage.getByTestId('join.closed').getByRole('heading', { level: 1 })).toHaveText(
    'The workshop is closed to newcomers',
  );

  // Léa, already in, keeps working with the facilitator.
  await lea.board.expectConnected();
  await lea.board.addNote('Covoiturage domicile-travail');
  await expect(facilitator.board.noteWithText('Covoiturage domicile-travail')).toHaveCount(1);

  // Reopened: the newcomer tries again from the same page and joins.
  await page.getByTestId('share.joining').click();
  await expect(page.getByTestId('share.door')).toHaveAttribute('data-open', 'true');
  await closed.getByRole('button', { name: 'Réessayer' }).click();
  await expect(ninaPage.getByTestId('join.workshop-title')).not.toBeEmpty();
  await ninaPage.getByTestId('join.name').fill('Nina Rossi');
  await ninaPage.getByTestId('join.submit').click();
  await expect(ninaPage).toHaveURL(/\/w\/[^/#]+$/);
  await expect(page.getByTestId('share.joined')).toHaveText('2 personnes ont rejoint l’atelier');

  for (const context of [facilitator.context, lea.context, nina, tom]) await context.close();
});
