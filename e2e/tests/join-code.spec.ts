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
