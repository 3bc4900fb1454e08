import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { createWorkshop, joinWorkshop } from '../fixtures/actors';
import { BoardPage } from '../fixtures/board-page';
import { ParticipantsPanel } from '../fixtures/participants-panel';

const TITLE = 'Stratégie mobilités du Val Vert';

test('a participant reads the notice and downloads their data; the facilitator erases someone, then deletes the workshop', async ({
  browser,
}) => {
  const facilitator = await createWorkshop(browser, { title: TITLE });

  // Léa reads what is collected and kept before joining; the button says she has.
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const lea = { context, page, board: new BoardPage(page) };
  await page.goto(`/join/${facilitator.joinCode}`);
  const notice = page.getByTestId('join.privacy');
  await expect(notice.getByRole('heading', { name: /Vos données dans cet atelier/ })).toBeVisible();
  await expect(notice).toContainText('le nom et le groupe que vous indiquez');
  await expect(notice).toContainText('Pour toute question sur vos données');
  const version = await notice.getAttribute('data-version');
  expect(version).toMatch(/^[0-9a-f]{12}$/);
  await page.getByTestId('join.name').fill('Léa Muller');
  await page.getByTestId('join.group').selectOption('elected');
  await expect(page.getByTestId('join.submit')).toHaveText('J’ai lu, entrer dans l’atelier');
  await page.getByTestId('join.submit').click();
  await lea.board.expectConnected();
  await lea.board.addNote('Navette vers la gare de Vauclair');

  const hugo = await joinWorkshop(browser, facilitator.joinCode, {
    name: 'Hugo Martinez',
    group: 'resident',
  });
  await hugo.board.addNote('Fibre absente des hameaux');
  await expect(hugo.board.noteWithText('Navette').getByTestId('note.author')).toHaveText('Léa Muller');

  // Her own data, from the board's menu: a JSON file with her record, the notice and her note only.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('header.myData').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^atelier-my-data-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(await readFile((await download.path()) ?? '', 'utf8'));
  expect(data.participant).toMatchObject({ name: 'Léa Muller', group: 'elected' });
  expect(data.participant.notice.version).toBe(version);
  expect(data.notes.map((n: { text: string }) => n.text)).toEqual(['Navette vers la gare de Vauclair']);
  // …and her rows of the edit journal: that note, added (her edits only, not Hugo's).
  const noteId = data.notes[0].id;
  expect(data.edits).toContainEqual(
    expect.objectContaining({ collection: 'notes', item: noteId, field: null }),
  );
  expect(data.edits.every((e: { item: string }) => e.item === noteId)).toBe(true);

  // The facilitator erases Léa's name: her board closes, everyone else sees the neutral label.
  const panel = new ParticipantsPanel(facilitator.page);
  await panel.open();
  await panel.row('Léa Muller').getByTestId('participants.erase').click();
  const dialog = facilitator.page.getByTestId('participants.eraseConfirm');
  await expect(dialog.getByTestId('confirm.cancel')).toBeFocused();
  await expect(dialog.getByTestId('participants.eraseContributions')).not.toBeChecked();
  await dialog.getByTestId('confirm.ok').click();
  await expect(page.getByTestId('connection.closed')).toHaveAttribute('data-code', '4410');
  await expect(panel.row('Participant·e 2')).toHaveAttribute('data-erased', 'true');
  await expect(panel.row('Léa Muller')).toHaveCount(0);
  // Her note stays, signed with the label (the others' summary is polled, every 15 s at most).
  await expect(hugo.board.noteWithText('Navette').getByTestId('note.author')).toHaveText('Participant·e 2', {
    timeout: 20_000,
  });
  await expect(facilitator.board.noteWithText('Navette').getByTestId('note.author')).toHaveText(
    'Participant·e 2',
  );

  // Deleting the workshop: only after typing its title; then home, told so; Hugo is told too.
  await facilitator.page.keyboard.press('Escape');
  await facilitator.page.getByTestId('boardPanel.toggle').click();
  await facilitator.page.getByTestId('boardPanel.delete').click();
  const confirm = facilitator.page.getByTestId('boardPanel.deleteConfirm');
  await expect(confirm.getByTestId('confirm.ok')).toBeDisabled();
  await confirm.getByTestId('boardPanel.deleteTitle').fill('Stratégie');
  await expect(confirm.getByTestId('confirm.ok')).toBeDisabled();
  await confirm.getByTestId('boardPanel.deleteTitle').fill(TITLE);
  await confirm.getByTestId('confirm.ok').click();
  await expect(facilitator.page).toHaveURL(/\/$/);
  await expect(facilitator.page.getByTestId('home.deleted')).toHaveText(
    `L’atelier « ${TITLE} » a été supprimé du serveur.`,
  );
  await expect(hugo.page.getByTestId('connection.closed')).toHaveAttribute('data-code', '4412');
  await expect(hugo.page.getByRole('heading', { name: 'Cet atelier a été supprimé' })).toBeVisible();

  // The code opens nothing any more.
  await hugo.page.goto(`/join/${facilitator.joinCode}`);
  await expect(hugo.page.getByTestId('join.workshop-title')).toHaveCount(0);

  for (const actor of [facilitator, lea, hugo]) await actor.context.close();
});
