import { expect, test } from '@playwright/test';
import { createWorkshop, joinWorkshop } from '../fixtures/actors';

test('the facilitator adds, renames and removes themes for the room; each person filters the board by theme and group', async ({
  browser,
}) => {
  const facilitator = await createWorkshop(browser);
  const manon = await joinWorkshop(browser, facilitator.joinCode, { name: 'Manon Robert', group: 'staff' });
  const hugo = await joinWorkshop(browser, facilitator.joinCode, { name: 'Hugo Martin', group: 'resident' });

  // A new theme, named by the facilitator, reaches a participant's theme menu.
  const f = facilitator.page;
  await f.getByTestId('themes.toggle').click();
  await f.getByTestId('themes.newName').fill('Tourisme durable');
  await f.getByTestId('themes.add').click();
  const row = f.locator('[data-testid="themes.row"]').last();
  await expect(row.getByTestId('themes.name')).toHaveValue('Tourisme durable');
  const themeId = (await row.getAttribute('data-theme-id')) ?? '';

  const tourism = await manon.board.addNote('Gîtes à la ferme');
  await manon.board.note(tourism).getByTestId('note.theme').click();
  await manon.page.locator(`[data-testid="note.theme-option"][data-theme-id="${themeId}"]`).click();
  await expect(hugo.board.note(tourism)).toHaveAttribute('data-theme', themeId);
  const bus = await hugo.board.addNote('Pas de bus le dimanche');
  await hugo.board.note(bus).getByTestId('note.theme').click();
  await hugo.page.locator('[data-testid="note.theme-option"][data-theme-id="mobility"]').click();

  // Renaming shows everywhere; an empty name is refused and says why.
  await row.getByTestId('themes.name').fill('Tourisme rural');
  await row.getByTestId('themes.name').press('Enter');
  await expect(manon.board.note(tourism).getByTestId('note.theme-label')).toContainText('Tourisme rural');
  await row.getByTestId('themes.name').fill('   ');
  await row.getByTestId('themes.name').press('Enter');
  await expect(row.getByRole('alert')).toBeVisible();
  await expect(manon.board.note(tourism).getByTestId('note.theme-label')).toContainText('Tourisme rural');
  await row.getByTestId('themes.name').press('Escape');

  // Hugo filters by theme: Manon's note is dimmed for him only; then by group.
  await hugo.page.getByTestId('filter.toggle').click();
  await hugo.page.getByTestId('filter.theme.mobility').check();
  await expect(hugo.board.note(tourism)).toHaveAttribute('data-filtered-out', 'true');
  await expect(hugo.board.note(bus)).not.toHaveAttribute('data-filtered-out', 'true');
  await expect(manon.board.note(tourism)).not.toHaveAttribute('data-filtered-out', 'true');
  await hugo.page.getByTestId('filter.clear').click();
  await hugo.page.getByTestId('filter.group.staff').check();
  await expect(hugo.board.note(tourism)).not.toHaveAttribute('data-filtered-out', 'true');
  await expect(hugo.board.note(bus)).toHaveAttribute('data-filtered-out', 'true');
  await expect(hugo.page.getByTestId('filter.toggle')).toContainText('1');

  // Removing a theme keeps its notes (drawn untagged) and it can be restored.
  await row.getByTestId('themes.archive').click();
  await expect(manon.board.note(tourism).getByTestId('note.theme-label')).toHaveCount(0);
  await expect(manon.board.note(tourism)).toHaveAttribute('data-theme', themeId);
  await f.getByTestId('themes.restore').click();
  await expect(manon.board.note(tourism).getByTestId('note.theme-label')).toContainText('Tourisme rural');

  for (const actor of [facilitator, manon, hugo]) await actor.context.close();
});
