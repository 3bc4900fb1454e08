import { expect, test } from '@playwright/test';
import { createWorkshop, joinWorkshop } from '../fixtures/actors';
import { pickUp } from '../fixtures/keyboard-drag';

test('a note typed by one participant appears for everyone, moves for everyone and survives a reload', async ({
  browser,
}) => {
  const facilitator = await createWorkshop(browser);
  const lea = await joinWorkshop(browser, facilitator.joinCode, { name: 'Léa Muller', group: 'elected' });
  const hugo = await joinWorkshop(browser, facilitator.joinCode, {
    name: 'Hugo Martinez',
    group: 'resident',
  });

  // Everyone sees who is here.
  for (const actor of [facilitator, lea, hugo]) {
    await expect(actor.page.getByTestId('presence.count')).toHaveText('3');
  }
  await expect(hugo.page.locator('[data-testid="presence.avatar"][data-name="Léa Muller"]')).toBeVisible();

  // Léa writes a note; Hugo and the facilitator see it appear with its text.
  const id = await lea.board.addNote('Pas de piste cyclable vers la gare');
  for (const other of [hugo, facilitator]) {
    await expect(other.board.note(id).getByTestId('note.text')).toHaveText(
      'Pas de piste cyclable vers la gare',
    );
    await expect(other.board.note(id).getByTestId('note.author')).toHaveText(/Léa Muller/);
  }

  // Léa drags it; it lands at the same new place for Hugo.
  const before = await hugo.board.position(id);
  await lea.board.dragNote(id, 240, 120);
  await expect.poll(async () => (await lea.board.position(id)).x).toBeGreaterThan(before.x + 100);
  const moved = await lea.board.position(id);
  await expect.poll(() => hugo.board.position(id)).toEqual(moved);

  // Hugo reloads: the note is still there, where it was moved.
  await hugo.page.reload();
  await hugo.board.expectConnected();
  await expect(hugo.board.note(id).getByTestId('note.text')).toHaveText('Pas de piste cyclable vers la gare');
  expect(await hugo.board.position(id)).toEqual(moved);

  // Léa edits her text (hers to change): Hugo sees the edit.
  await lea.board.editNote(id, 'Pas de piste cyclable sécurisée vers la gare');
  await expect(hugo.board.note(id).getByTestId('note.text')).toHaveText(
    'Pas de piste cyclable sécurisée vers la gare',
  );

  for (const actor of [facilitator, lea, hugo]) await actor.context.close();
});

test('a participant recolours a note with a theme and deletes it, and undo brings it back', async ({
  browser,
}) => {
  const facilitator = await createWorkshop(browser);
  const ines = await joinWorkshop(browser, facilitator.joinCode, { name: 'Inès Vincent', group: 'staff' });
  const id = await ines.board.addNote('Portail citoyen peu connu');

  await ines.board.note(id).click();
  await ines.board.note(id).getByTestId('note.theme').click();
  await ines.page.locator('[data-testid="note.theme-option"][data-theme-id="digital"]').click();
  await expect(facilitator.board.note(id)).toHaveAttribute('data-theme', 'digital');

  await ines.board.note(id).click();
  await ines.board.note(id).getByTestId('note.delete').click();
  await expect(facilitator.board.note(id)).toHaveCount(0);

  await ines.page.getByTestId('toolbar.undo').click();
  await expect(facilitator.board.note(id).getByTestId('note.text')).toHaveText('Portail citoyen peu connu');

  for (const actor of [facilitator, ines]) await actor.context.close();
});

test('a note can be moved with the keyboard alone, and the move reaches the others', async ({ browser }) => {
  const facilitator = await createWorkshop(browser);
  const theo = await joinWorkshop(browser, facilitator.joinCode, { name: 'Théo Perrin', group: 'staff' });
  const id = await theo.board.addNote('Horaires de la médiathèque');
  const before = await facilitator.board.position(id);

  const note = theo.board.note(id);
  await note.focus();
  await pickUp(theo.page);
  await expect(note).toHaveAttribute('aria-pressed', 'true');
  for (let i = 0; i < 4; i++) await theo.page.keyboard.press('ArrowRight');
  await theo.page.keyboard.press('ArrowDown');
  await theo.page.keyboard.press('Space');
  await expect(note).not.toHaveAttribute('aria-pressed', 'true');

  await expect.poll(async () => (await facilitator.board.position(id)).x).toBeGreaterThan(before.x);
  await expect.poll(async () => (await facilitator.board.position(id)).y).toBeGreaterThan(before.y);
  expect(await facilitator.board.position(id)).toEqual(await theo.board.position(id));

  for (const actor of [facilitator, theo]) await actor.context.close();
});
