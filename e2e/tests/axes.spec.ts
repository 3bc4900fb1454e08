import { addNote, assignNote, createAction, createCluster, readActions } from '@atelier/shared';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { createWorkshop, joinWorkshop } from '../fixtures/actors';
import { pickUp } from '../fixtures/keyboard-drag';
import { connectSeed, seedBoard } from '../fixtures/seed-board';

const ISSUES = [
  'Mobilité rurale et transport à la demande',
  'Inclusion numérique des publics éloignés',
  'Vitalité du commerce de centre-bourg',
  'Données ouvertes et pilotage',
];
const AXES = [
  'Un territoire connecté et sobre',
  'Une économie locale vivante',
  'Des services publics pour tous',
];

/** The issue card titled `title` inside `scope` (a page, the pool or a column). */
function issue(scope: Page | Locator, title: string): Locator {
  const page = 'page' in scope && typeof scope.page === 'function' ? scope.page() : (scope as Page);
  return scope
    .getByTestId('axes.issue')
    .filter({ has: page.getByTestId('axes.issue.title').getByText(title, { exact: true }) });
}

/** Drags `what` onto `where` with the mouse, the way a person does (dnd-kit needs a few moves). */
async function dragWithMouse(page: Page, what: Locator, where: Locator): Promise<void> {
  const from = await what.boundingBox();
  const to = await where.boundingBox();
  if (!from || !to) throw new Error('nothing to drag, or nowhere to drop');
  await page.mouse.move(from.x + 40, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + 50, from.y + from.height / 2 + 8, { steps: 3 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 10 });
  await page.mouse.up();
}

test('the room moves to step 3, creates axes, attaches issues by mouse, keyboard and menu, and deletes an axis without losing anything', async ({
  browser,
}) => {
  const facilitator = await createWorkshop(browser);
  const manon = await joinWorkshop(browser, facilitator.joinCode, { name: 'Manon Robert', group: 'staff' });
  const hugo = await joinWorkshop(browser, facilitator.joinCode, { name: 'Hugo Martin', group: 'resident' });
  const everyone = [facilitator, manon, hugo];
  const f = facilitator.page;
  await f.getByTestId('share.toggle').click();

  // Step 2's issues (its view belongs to another step): seeded with a stock Yjs client.
  await seedBoard(f, (doc) => {
    ISSUES.forEach((title, i) => {
      const cluster = createCluster(doc, { title, x: i * 400, y: 0 });
      for (let n = 0; n <= i; n++)
        assignNote(doc, addNote(doc, { x: 0, y: 0, author: 'seed', text: `Contribution ${n + 1}` }), cluster);
    });
  });

  // The facilitator moves the room to step 3 with the step bar.
  await f.getByTestId('step.axes').click();
  for (const { page } of everyone) {
    await expect(page.getByTestId('axes.step')).toBeVisible();
    await expect(page.getByTestId('axes.pool').getByTestId('axes.issue')).toHaveCount(4);
  }
  await expect(issue(manon.page, ISSUES[3] ?? '')).toContainText('4 contributions');

  // Three axes, then a fourth: a gentle warning, not a refusal.
  const createAxis = async (title: string) => {
    await f.getByTestId('axes.new').click();
    await f.getByTestId('axes.new-title').fill(title);
    await f.getByTestId('axes.new-title').press('Enter');
  };
  await f.getByTestId('axes.new').click();
  await f.getByTestId('axes.create').click();
  await expect(f.getByTestId('axes.new-error')).toBeVisible();
  await f.getByTestId('axes.new-title').press('Escape');
  for (const title of AXES) await createAxis(title);
  await expect(hugo.page.getByTestId('axes.column')).toHaveCount(3);
  await expect(hugo.page.getByTestId('axes.title').nth(2)).toHaveValue(AXES[2] ?? '');
  await expect(f.getByTestId('axes.warning')).toHaveCount(0);
  await createAxis('Une gouvernance partagée');
  for (const { page } of everyone) {
    await expect(page.getByTestId('axes.column')).toHaveCount(4);
    await expect(page.getByTestId('axes.warning')).toContainText(
      'Au-delà de trois axes, la stratégie perd en lisibilité',
    );
  }

  // A participant describes an axis; the others see it as it is typed. An empty title is refused, with the reason.
  await manon.page.getByTestId('axes.description').first().fill('Réseaux, données et sobriété numérique');
  await expect(hugo.page.getByTestId('axes.description').first()).toHaveValue(
    'Réseaux, données et sobriété numérique',
  );
  await manon.page.getByTestId('axes.title').first().fill('');
  await expect(manon.page.getByTestId('axes.title-error')).toContainText('Un axe a besoin d’un intitulé');
  await manon.page.getByTestId('axes.title').first().press('Escape');
  await expect(manon.page.getByTestId('axes.title').first()).toHaveValue(AXES[0] ?? '');
  await expect(hugo.page.getByTestId('axes.title').first()).toHaveValue(AXES[0] ?? '');

  const axisIds = await f
    .getByTestId('axes.column')
    .evaluateAll((columns) => columns.map((c) => c.getAttribute('data-axis-id') ?? ''));
  const [first, second] = axisIds as [string, string];
  const columnOf = (page: Page, id: string) =>
    page.locator(`[data-testid="axes.column"][data-axis-id="${id}"]`);

  // Manon attaches the first issue to the first axis with the mouse.
  await dragWithMouse(
    manon.page,
    issue(manon.page, ISSUES[0] ?? '').getByTestId('axes.issue.handle'),
    columnOf(manon.page, first),
  );
  for (const { page } of everyone) await expect(issue(columnOf(page, first), ISSUES[0] ?? '')).toBeVisible();

  // Hugo attaches the second issue to the second axis with the keyboard: Space, → →, Space.
  const live = hugo.page.locator('[id^="DndLiveRegion"]');
  await issue(hugo.page, ISSUES[1] ?? '')
    .getByTestId('axes.issue.handle')
    .focus();
  await pickUp(hugo.page);
  await expect(live).toContainText('au-dessus de : Enjeux à rattacher');
  await hugo.page.keyboard.press('ArrowRight');
  await expect(live).toContainText(`au-dessus de : Axe 1 · ${AXES[0]}`);
  await hugo.page.keyboard.press('ArrowRight');
  await expect(live).toContainText(`au-dessus de : Axe 2 · ${AXES[1]}`);
  await hugo.page.keyboard.press('Space');
  for (const { page } of everyone) await expect(issue(columnOf(page, second), ISSUES[1] ?? '')).toBeVisible();
  // The focus follows the card into its new column.
  await expect(
    issue(columnOf(hugo.page, second), ISSUES[1] ?? '').getByTestId('axes.issue.handle'),
  ).toBeFocused();

  // And the third to the first axis with its "Rattacher à…" menu.
  await issue(manon.page, ISSUES[2] ?? '')
    .getByTestId('axes.issue.menu')
    .click();
  await manon.page.getByTestId('axes.attach-menu').getByText(`Axe 1 · ${AXES[0]}`).click();
  for (const { page } of everyone) {
    await expect(columnOf(page, first).getByTestId('axes.issue')).toHaveCount(2);
    await expect(page.getByTestId('axes.pool').getByTestId('axes.issue')).toHaveCount(1);
  }

  // An action sheet written for the first axis (step 4 makes them) shows in its column.
  await seedBoard(f, (doc) => {
    createAction(doc, { title: 'Hyperviseur urbain', axis: first });
  });
  await expect(columnOf(hugo.page, first).getByTestId('axes.sheets')).toHaveText('1 fiche action');

  // The facilitator deletes the first axis: its issues go back to the pool, its sheet stays, unassigned.
  await columnOf(f, first).getByTestId('axes.delete').click();
  const dialog = f.getByTestId('axes.confirm');
  await expect(dialog).toContainText('Ses 2 enjeux retournent dans « Enjeux à rattacher »');
  await expect(dialog).toContainText('Sa fiche action est conservée, sans axe');
  await dialog.getByTestId('confirm.ok').click();
  for (const { page } of everyone) {
    await expect(page.getByTestId('axes.column')).toHaveCount(3);
    await expect(page.getByTestId('axes.pool').getByTestId('axes.issue')).toHaveCount(3);
    await expect(issue(page.getByTestId('axes.pool'), ISSUES[0] ?? '')).toBeVisible();
  }
  const check = await connectSeed(f);
  expect(readActions(check.doc)).toMatchObject([{ title: 'Hyperviseur urbain', axis: null }]);
  check.close();

  // One Ctrl+Z brings the axis back with its issues and its sheet, for everyone.
  await f.keyboard.press('Control+z');
  for (const { page } of everyone) {
    await expect(page.getByTestId('axes.column')).toHaveCount(4);
    await expect(columnOf(page, first).getByTestId('axes.issue')).toHaveCount(2);
    await expect(columnOf(page, first).getByTestId('axes.sheets')).toHaveText('1 fiche action');
  }

  for (const actor of everyone) await actor.context.close();
});

test('an observer sees the axes and their issues, without anything to edit', async ({ browser }) => {
  const facilitator = await createWorkshop(browser);
  const observer = await joinWorkshop(browser, facilitator.joinCode, { name: 'Comité', observer: true });
  const f = facilitator.page;
  await seedBoard(f, (doc) => {
    createCluster(doc, { title: 'Mobilité rurale', x: 0, y: 0 });
  });
  await f.getByTestId('step.axes').click();
  await f.getByTestId('axes.new').click();
  await f.getByTestId('axes.new-title').fill('Un territoire connecté');
  await f.getByTestId('axes.new-title').press('Enter');

  const o = observer.page;
  await expect(o.getByTestId('axes.title')).toHaveText('Un territoire connecté');
  await expect(issue(o, 'Mobilité rurale')).toBeVisible();
  for (const testId of ['axes.new', 'axes.delete', 'axes.move-left', 'axes.issue.menu', 'axes.issue.handle'])
    await expect(o.getByTestId(testId)).toHaveCount(0);
  await expect(o.getByTestId('axes.title')).not.toHaveAttribute('contenteditable');

  for (const actor of [facilitator, observer]) await actor.context.close();
});
