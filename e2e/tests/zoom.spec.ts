import { expect, test } from '@playwright/test';
import { createWorkshop } from '../fixtures/actors';

test('zoomed far out, notes are drawn as plain cards; the selected one shows its text and actions', async ({
  browser,
}) => {
  const facilitator = await createWorkshop(browser);
  const { page, board } = facilitator;
  const id = await board.addNote('Maison France Services trop éloignée');
  await page.getByTestId('board.canvas').click({ position: { x: 20, y: 20 } });

  // Zoom out until the text would be a few pixels high.
  const zoomLevel = page.getByTestId('board.zoom-level');
  for (let i = 0; i < 12 && Number.parseInt((await zoomLevel.textContent()) ?? '100', 10) >= 35; i++)
    await page.getByTestId('board.zoom-out').click();
  await expect(zoomLevel).toHaveText(/^([12]?\d|3[0-4])\s?%$/);

  const note = board.note(id);
  await expect(note).toHaveClass(/note--compact/);
  await expect(note.getByTestId('note.text')).toHaveCount(0);
  // Its text stays in its accessible name.
  await expect(note).toHaveAttribute('aria-label', /Maison France Services trop éloignée/);

  // Selected, it is drawn whole again.
  await note.click();
  await expect(note).not.toHaveClass(/note--compact/);
  await expect(note.getByTestId('note.text')).toHaveText('Maison France Services trop éloignée');
  await expect(note.getByTestId('note.delete')).toBeVisible();
});
