import { addNote } from '@atelier/shared';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { createWorkshop, joinWorkshop } from '../fixtures/actors';
import { seedBoard } from '../fixtures/seed-board';
import { seedPlan } from '../fixtures/seed-plan';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

async function box(locator: Locator): Promise<Box> {
  const found = await locator.boundingBox();
  if (!found) throw new Error('element not visible');
  return found;
}

/** The boxes of every element `locator` matches, read in one go (not one round trip each). */
function boxes(locator: Locator): Promise<Box[]> {
  return locator.evaluateAll((elements) =>
    elements.map((element) => {
      const { x, y, width, height } = element.getBoundingClientRect();
      return { x, y, width, height };
    }),
  );
}

const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width - 0.5 &&
  b.x < a.x + a.width - 0.5 &&
  a.y < b.y + b.height - 0.5 &&
  b.y < a.y + a.height - 0.5;

const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 0.5 &&
  inner.y >= outer.y - 0.5 &&
  inner.x + inner.width <= outer.x + outer.width + 0.5 &&
  inner.y + inner.height <= outer.y + outer.height + 0.5;

/** The page itself never scrolls sideways. */
async function expectNoPageScroll(page: Page): Promise<void> {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(scroll).toBeLessThanOrEqual(client);
}

/** Header and facilitator bar: each control whole inside its bar, none on another, nothing over the steps. */
async function expectChromeClear(page: Page): Promise<void> {
  const header = await box(page.locator('.board-header'));
  const bar = await box(page.locator('.facilitator-bar'));
  const steps = await box(page.getByTestId('step-bar'));
  expect(header.y + header.height).toBeLessThanOrEqual(bar.y + 0.5);
  expect(bar.y + bar.height).toBeLessThanOrEqual(steps.y + 0.5);
  // The step bar (with the facilitator's "+ Question") shows whole, without scrolling.
  const stepBarFits = await page
    .getByTestId('step-bar')
    .evaluate((bar) => bar.scrollWidth <= bar.clientWidth);
  expect(stepBarFits, 'the step bar fits its width').toBe(true);
  const controls = await page.locator('.facilitator-bar button:visible').all();
  const boxes = await Promise.all(controls.map(box));
  for (const [i, control] of boxes.entries()) {
    expect(inside(control, bar), `bar control ${i} inside the bar`).toBe(true);
    for (const other of boxes.slice(i + 1)) expect(overlap(control, other)).toBe(false);
  }
  // The header menu's wrapper is `display: contents` on a laptop: its children stand in the row.
  const sideItems = page.locator(
    '.board-header__side > :visible:not(.header-menu), .header-menu__items > :visible',
  );
  for (const control of await sideItems.all()) {
    expect(inside(await box(control), header)).toBe(true);
  }
}

/** Every note of the board is drawn, and each one whole inside the canvas, clear of the toolbar. */
async function expectEveryNoteInView(page: Page, count: number): Promise<void> {
  const notes = page.getByTestId('note');
  await expect(notes).toHaveCount(count);
  const canvas = await box(page.getByTestId('board.canvas'));
  const toolbar = await box(page.locator('.toolbar'));
  const cards = await boxes(notes);
  expect(cards).toHaveLength(count);
  for (const card of cards) {
    expect(inside(card, canvas)).toBe(true);
    expect(overlap(card, toolbar)).toBe(false);
  }
}

test('at 1024×768 the board, the facilitator bar, the panels and the projector view stay whole and readable', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const facilitator = await createWorkshop(browser);
  const f = facilitator.page;
  await f.getByTestId('share.toggle').click();

  // At 1,280 px the facilitator's controls take one row in French.
  const bar = f.locator('.facilitator-bar');
  const button = await box(f.getByTestId('follow.toggle'));
  expect((await box(bar)).height).toBeLessThan(button.height * 2);
  await expectChromeClear(f);

  await f.setViewportSize({ width: 1024, height: 768 });
  await expectChromeClear(f);
  await expectNoPageScroll(f);
  // A panel lies over the board at this width: the board's toolbar stands whole beside it.
  for (const panel of ['share', 'votes']) {
    const toggle = f.getByTestId(`${panel}.toggle`);
    if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
    const toolbar = await box(f.locator('.toolbar'));
    expect(overlap(toolbar, await box(f.getByTestId(`${panel}.panel`))), `toolbar beside ${panel}`).toBe(
      false,
    );
  }
  await f.getByTestId('votes.toggle').click();

  const manon = await joinWorkshop(browser, facilitator.joinCode, { name: 'Manon Robert' });
  const m = manon.page;
  await m.setViewportSize({ width: 1024, height: 768 });

  // Thirty notes from the toolbar: each one lands in view, on a free spot, clear of the chrome.
  const placed: { x: number; y: number }[] = [];
  for (let n = 1; n <= 30; n++) {
    const id = await manon.board.addNote(`Idée ${n}`);
    const card = await box(manon.board.note(id));
    expect(inside(card, await box(manon.board.canvas)), `note ${n} in view`).toBe(true);
    expect(overlap(card, await box(m.locator('.toolbar'))), `note ${n} clear of the toolbar`).toBe(false);
    const at = await manon.board.position(id);
    for (const other of placed) {
      expect(
        Math.abs(other.x - at.x) >= 200 || Math.abs(other.y - at.y) >= 160,
        `note ${n} on a free spot`,
      ).toBe(true);
    }
    placed.push(at);
  }

  // A long text ends with "…" on the last line one sees: its box is exactly that many lines tall.
  const long = await manon.board.addNote(
    'Les parents n’osent plus laisser les enfants aller à vélo à l’école : il manque une piste continue entre les hameaux, la gare et le centre-bourg, et des arceaux sûrs.',
  );
  const text = manon.board.note(long).locator('.note__text');
  const lines = await text.evaluate((el) => {
    const style = getComputedStyle(el);
    const content =
      el.clientHeight - Number.parseFloat(style.paddingTop) - Number.parseFloat(style.paddingBottom);
    return { shown: content / Number.parseFloat(style.lineHeight), clamp: Number(style.webkitLineClamp) };
  });
  expect(lines.shown).toBeCloseTo(lines.clamp, 1);
  expect((await box(text)).y + (await box(text)).height).toBeLessThanOrEqual(
    (await box(manon.board.note(long).locator('.note__footer'))).y + 0.5,
  );

  // The theme menu of a note low in the right corner opens where it is seen whole.
  const canvasBox = await box(manon.board.canvas);
  const toolbarBox = await box(m.locator('.toolbar'));
  const card = await box(manon.board.note(long));
  await m.mouse.move(canvasBox.x + 100, canvasBox.y + 100);
  await m.mouse.wheel(
    card.x - (canvasBox.x + canvasBox.width - card.width - 16),
    card.y - (toolbarBox.y - card.height - 16),
  );
  await manon.board.note(long).click();
  await manon.board.note(long).getByTestId('note.theme').click();
  const menu = await box(m.locator('.theme-picker'));
  expect(inside(menu, canvasBox)).toBe(true);
  expect(overlap(menu, toolbarBox)).toBe(false);
  await m.keyboard.press('Escape');

  // A board far wider than the screen: "fit to content" brings every note into view, every time.
  await seedBoard(f, (doc) => {
    for (let column = 0; column < 9; column++) {
      for (let row = 0; row < 3; row++) {
        addNote(doc, {
          x: 3000 + column * 2400,
          y: row * 180 - 1500,
          author: 'seed',
          text: `Colonne ${column + 1}`,
        });
      }
    }
  });
  // (The seeded notes reach Manon's board a moment after the server has them.)
  await expect(async () => {
    await m.getByTestId('board.zoom-fit').click();
    await expectEveryNoteInView(m, 31 + 27);
  }).toPass();
  for (let round = 0; round < 3; round++) {
    await m.getByTestId('board.zoom-in').click();
    await m.getByTestId('board.zoom-in').click();
    await m.getByTestId('board.zoom-fit').click();
    await expectEveryNoteInView(m, 31 + 27);
  }

  // Step 6 beside each side panel: the overview's cells stay wider than a few characters.
  await seedPlan(f, {
    axes: [
      {
        title: 'Un territoire accessible et inclusif',
        sheets: [
          {
            title: 'Application d’analyse des flux cyclables',
            budget: 85000,
            lead: 'DGS',
            status: 'drafting',
          },
          { title: 'Espaces de médiation numérique', budget: 120000, lead: 'Cabinet du maire' },
        ],
      },
    ],
  });
  await f.getByTestId('follow.toggle').click();
  await f.getByTestId('step.monitoring').click();
  await f.getByTestId('plan.tab.overview').click();
  for (const panel of ['share', 'participants', 'votes', 'export']) {
    const toggle = f.getByTestId(`${panel}.toggle`);
    if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    const widths = await f
      .locator('.plan-overview__head th, .plan-overview__table [data-testid="plan.overview.action"] td')
      .evaluateAll((cells) => cells.map((cell) => cell.getBoundingClientRect().width));
    expect(widths.length).toBeGreaterThan(6);
    for (const width of widths) expect(width, `a cell beside the ${panel} panel`).toBeGreaterThan(60);
    // The step's tabs and undo buttons wrap before the panel, never under it.
    const over = await box(f.getByTestId(`${panel}.panel`));
    for (const control of ['plan.tab.indicators', 'plan.tab.overview', 'plan.redo'])
      expect(overlap(await box(f.getByTestId(control).first()), over), `${control} beside ${panel}`).toBe(
        false,
      );
    await expectNoPageScroll(f);
    await expectChromeClear(f);
    await toggle.click();
  }

  // The participant follows: the banner sits above the step's title, never over it.
  const banner = m.getByTestId('follow.banner');
  await expect(banner).toBeVisible();
  await expect(m.locator('.plan-step__title')).toBeVisible();
  expect(overlap(await box(banner), await box(m.locator('.plan-step__title')))).toBe(false);
  await expectNoPageScroll(m);

  // The projector view at 1920×1080: the board fills the screen under the title.
  await f.getByTestId('step.assessment').click();
  await f.setViewportSize({ width: 1920, height: 1080 });
  await f.getByTestId('projector.open').click();
  const canvas = await box(f.getByTestId('board.canvas'));
  expect(canvas.width).toBeGreaterThanOrEqual(1919);
  expect(canvas.y + canvas.height).toBeGreaterThanOrEqual(1079);
  expect(canvas.height).toBeGreaterThan(1080 * 0.8);
  await expect(f.getByTestId('note')).toHaveCount(58);
  const cards = await boxes(f.getByTestId('note'));
  expect(cards).toHaveLength(58);
  const left = Math.min(...cards.map((c) => c.x));
  const right = Math.max(...cards.map((c) => c.x + c.width));
  const top = Math.min(...cards.map((c) => c.y));
  const bottom = Math.max(...cards.map((c) => c.y + c.height));
  for (const card of cards) expect(inside(card, canvas)).toBe(true);
  // Fitted on its longer side: the notes span the screen's width or its height, not a middle third.
  expect(Math.max((right - left) / canvas.width, (bottom - top) / canvas.height)).toBeGreaterThan(0.85);

  for (const actor of [facilitator, manon]) await actor.context.close();
});
