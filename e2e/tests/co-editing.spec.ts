import { expect, test } from '@playwright/test';
import { createWorkshop, joinWorkshop } from '../fixtures/actors';
import { BoardPanel } from '../fixtures/board-panel';

test('two people typing in the same note at once keep both of their words', async ({ browser }) => {
  const facilitator = await createWorkshop(browser);
  const chloe = await joinWorkshop(browser, facilitator.joinCode, { name: 'Chloé Girard', group: 'elected' });
  const jules = await joinWorkshop(browser, facilitator.joinCode, { name: 'Jules Lambert', group: 'staff' });
  // By default each participant changes only their own notes: this room writes together.
  const panel = new BoardPanel(facilitator.page);
  await panel.open();
  await panel.setNoteEditing('all');
  const id = await chloe.board.addNote('tiers-lieu');
  await expect(jules.board.note(id).getByTestId('note.text')).toHaveText('tiers-lieu');

  // Both open the note; Chloé types at the end while Jules types at the start.
  const chloeEditor = chloe.board.note(id).locator('textarea[data-testid="note.text"]');
  const julesEditor = jules.board.note(id).locator('textarea[data-testid="note.text"]');
  await chloe.board.note(id).getByTestId('note.text').dblclick();
  await expect(chloeEditor).toBeFocused();
  await jules.board.note(id).getByTestId('note.text').dblclick();
  await expect(julesEditor).toBeFocused();
  await chloe.page.keyboard.press('ControlOrMeta+End');
  await jules.page.keyboard.press('ControlOrMeta+Home');
  await Promise.all([
    chloeEditor.pressSequentially(' numérique', { delay: 20 }),
    julesEditor.pressSequentially('Un ', { delay: 20 }),
  ]);

  const merged = 'Un tiers-lieu numérique';
  await expect(chloeEditor).toHaveValue(merged);
  await expect(julesEditor).toHaveValue(merged);
  await expect(facilitator.board.note(id).getByTestId('note.text')).toHaveText(merged);

  for (const actor of [facilitator, chloe, jules]) await actor.context.close();
});
