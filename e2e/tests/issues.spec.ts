import { expect, type Locator, type Page, test } from '@playwright/test';
import { createWorkshop, joinWorkshop } from '../fixtures/actors';
import { pickUp } from '../fixtures/keyboard-drag';

/** Step 2's view, driven through its data-testids. */
class IssuesPage {
  constructor(readonly page: Page) {}

  get issues(): Locator {
    return this.page.getByTestId('issues.issue');
  }

  issue(title: string): Locator {
    return this.page.locator(`[data-testid="issues.issue"][data-title="${title}"]`);
  }

  chip(noteId: string): Locator {
    return this.page.locator(`[data-testid="issues.chip"][data-note-id="${noteId}"]`);
  }

  /** The titles in ranking order. */
  async titles(): Promise<string[]> {
    return this.issues.evaluateAll((els) => els.map((el) => el.getAttribute('data-title') ?? ''));
  }

  /** dnd-kit's live region: what a screen reader hears during a drag. */
  get announcer(): Locator {
    return this.page.locator('[id^="DndLiveRegion"]');
  }

  /** Creates an issue with the "+ Nouvel enjeu" button and its inline form. */
  async create(title: string): Promise<void> {
    await this.page.getByTestId('issues.add').click();
    const input = this.page.getByTestId('issues.new-title');
    await expect(input).toBeFocused();
    await input.fill(title);
    await this.page.getByTestId('issues.new-create').click();
    await expect(this.issue(title)).toBeVisible();
  }
}

/** Drags with the mouse from the middle of `from` to the middle of `to`, the way a person does. */
async function drag(page: Page, from: Locator, to: Locator, grip?: { x: number; y: number }): Promise<void> {
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  if (!a || !b) throw new Error('nothing to drag, or nowhere to drop');
  const start = grip ? { x: a.x + grip.x, y: a.y + grip.y } : { x: a.x + a.width / 2, y: a.y + 12 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 8, start.y + 8, { steps: 3 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2 + 1, { steps: 2 });
  await page.mouse.up();
}

test('the room sorts notes into issues, then the facilitator names, ranks, merges and dissolves them', async ({
  browser,
}) => {
  // Three browsers and the whole step: longer than most journeys on a busy machine.
  test.setTimeout(120_000);
  const facilitator = await createWorkshop(browser);
  const manon = await joinWorkshop(browser, facilitator.joinCode, { name: 'Manon Robert', group: 'staff' });
  const hugo = await joinWorkshop(browser, facilitator.joinCode, { name: 'Hugo Martin', group: 'resident' });
  const everyone = [facilitator, manon, hugo];
  const f = new IssuesPage(facilitator.page);
  const m = new IssuesPage(manon.page);
  const h = new IssuesPage(hugo.page);
  const views = [f, m, h];

  // Step 1: the assessment's notes.
  const bus = await manon.board.addNote('Pas de bus le dimanche');
  const shuttle = await manon.board.addNote('Navette à la demande');
  const whiteZones = await hugo.board.addNote('Zones blanches au nord');
  await expect(facilitator.board.note(whiteZones)).toBeVisible();

  // The facilitator moves the room to step 2.
  await facilitator.page.getByTestId('step.issues').click();
  for (const actor of everyone) {
    await expect(actor.page.getByTestId('board.main')).toHaveAttribute('data-step', 'issues');
    await expect(actor.page.getByTestId('issues.step')).toBeVisible();
  }

  // The facilitator opens two issues; a refused title says why.
  await facilitator.page.getByTestId('issues.add').click();
  await facilitator.page.getByTestId('issues.new-title').fill('   ');
  await facilitator.page.getByTestId('issues.new-create').click();
  await expect(facilitator.page.getByTestId('issues.new-form').getByRole('alert')).toBeVisible();
  await facilitator.page.getByTestId('issues.new-cancel').click();
  await f.create('Mobilité');
  await f.create('Numérique');
  for (const view of views) await expect.poll(() => view.titles()).toEqual(['Mobilité', 'Numérique']);

  // A participant drags a note from the board onto an issue with the mouse.
  await drag(manon.page, manon.board.note(bus), m.issue('Mobilité'));
  for (const view of views) await expect(view.issue('Mobilité').getByTestId('issues.chip')).toHaveCount(1);
  await expect(m.chip(bus)).toContainText('Pas de bus le dimanche');
  // Sorted notes leave the board in this step.
  for (const actor of everyone) await expect(actor.board.note(bus)).toHaveCount(0);

  // Another note is sorted with the keyboard only: focus, Space, arrows, Space.
  const zones = hugo.board.note(whiteZones);
  await zones.focus();
  await pickUp(hugo.page);
  await expect(h.announcer).toContainText('Contribution « Zones blanches au nord » saisie');
  await hugo.page.keyboard.press('ArrowDown');
  await expect(h.announcer).toContainText('Mobilité');
  await hugo.page.keyboard.press('ArrowDown');
  await expect(h.announcer).toContainText('Numérique');
  await hugo.page.keyboard.press('Space');
  await expect(h.announcer).toContainText(
    'Contribution « Zones blanches au nord » placée dans l’enjeu « Numérique »',
  );
  // The other browsers see both notes in their issues.
  for (const view of views) {
    await expect(view.issue('Numérique').getByTestId('issues.chip')).toHaveCount(1);
    await expect(view.chip(whiteZones)).toBeVisible();
    await expect(view.chip(bus)).toBeVisible();
  }

  // A note dropped on "Nouvel enjeu" becomes an issue, its title prefilled from the note.
  await drag(manon.page, manon.board.note(shuttle), manon.page.getByTestId('issues.new-zone'));
  await expect(manon.page.getByTestId('issues.new-title')).toHaveValue('Navette à la demande');
  await manon.page.getByTestId('issues.new-title').fill('Transport à la demande');
  await manon.page.getByTestId('issues.new-create').click();
  for (const view of views) {
    await expect.poll(() => view.titles()).toEqual(['Mobilité', 'Numérique', 'Transport à la demande']);
    await expect(view.issue('Transport à la demande')).toHaveAttribute('data-count', '1');
  }

  // The facilitator renames an issue in place; everyone sees it, and an empty title is refused.
  const mobilityId = (await f.issue('Mobilité').getAttribute('data-issue-id')) ?? '';
  const title = f.page.locator(`[data-issue-id="${mobilityId}"]`).getByTestId('issues.title');
  await title.fill('Mobilités rurales');
  await title.press('Enter');
  for (const view of views) await expect(view.issue('Mobilités rurales')).toBeVisible();
  await title.fill('');
  await expect(f.page.getByTestId('issues.title-error')).toBeVisible();
  await title.press('Escape');
  await expect(title).toHaveValue('Mobilités rurales');

  // Ranking: "Numérique" is dragged by its handle above "Mobilités rurales".
  await drag(
    facilitator.page,
    f.issue('Numérique').getByTestId('issues.handle'),
    f.issue('Mobilités rurales').getByTestId('issues.rank'),
    { x: 12, y: 17 },
  );
  for (const view of views) {
    await expect
      .poll(() => view.titles())
      .toEqual(['Numérique', 'Mobilités rurales', 'Transport à la demande']);
  }

  // Ranking by keyboard: "Transport à la demande" is picked up by its handle, moved up one, dropped.
  const handle = f.issue('Transport à la demande').getByTestId('issues.handle');
  await handle.focus();
  await pickUp(facilitator.page);
  await expect(f.announcer).toContainText('Transport à la demande');
  await facilitator.page.keyboard.press('ArrowUp');
  await expect(f.announcer).toContainText('Rang 2 sur 3');
  await facilitator.page.keyboard.press('Space');
  for (const view of views) {
    await expect
      .poll(() => view.titles())
      .toEqual(['Numérique', 'Transport à la demande', 'Mobilités rurales']);
  }

  // Merge: "Transport à la demande" joins "Mobilités rurales"; its title is kept in the description.
  await f.issue('Mobilités rurales').getByTestId('issues.menu').click();
  await facilitator.page.getByTestId('issues.merge').click();
  await facilitator.page
    .getByTestId('issues.merge-menu')
    .getByTestId('issues.merge-option')
    .filter({ hasText: 'Transport à la demande' })
    .click();
  for (const view of views) {
    await expect.poll(() => view.titles()).toEqual(['Numérique', 'Mobilités rurales']);
    await expect(view.issue('Mobilités rurales')).toHaveAttribute('data-count', '2');
  }
  await expect(f.issue('Mobilités rurales').getByTestId('issues.description')).toHaveValue(
    'Transport à la demande',
  );

  // Dissolve, confirmed: its notes are back on everyone's board.
  await f.issue('Mobilités rurales').getByTestId('issues.menu').click();
  await facilitator.page.getByTestId('issues.dissolve').click();
  const dialog = facilitator.page.getByTestId('issues.dissolve-confirm');
  await expect(dialog).toContainText('Ses 2 contributions retournent sur le tableau');
  await dialog.getByTestId('confirm.ok').click();
  for (const actor of everyone) {
    await expect.poll(() => new IssuesPage(actor.page).titles()).toEqual(['Numérique']);
    await expect(actor.board.note(bus)).toBeVisible();
    await expect(actor.board.note(shuttle)).toBeVisible();
  }

  // Undo brings the issue back, with its notes and description.
  await facilitator.page.keyboard.press('Control+z');
  for (const actor of everyone) {
    const view = new IssuesPage(actor.page);
    await expect.poll(() => view.titles()).toEqual(['Numérique', 'Mobilités rurales']);
    await expect(view.issue('Mobilités rurales')).toHaveAttribute('data-count', '2');
    await expect(actor.board.note(bus)).toHaveCount(0);
  }

  for (const actor of everyone) await actor.context.close();
});
