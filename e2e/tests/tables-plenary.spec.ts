import { expect, type Locator, type Page, test } from '@playwright/test';
import { type Actor, createWorkshop, joinWorkshop } from '../fixtures/actors';
import { createIssue, issue, issueTitles, mergeIssue } from '../fixtures/issues';
import { addTables, frameBox, overlap, seatPeople, tableFrame, tablesPanel } from '../fixtures/tables';
import { goVote, newRound, openNow } from '../fixtures/votes';

/** A frame's box lies inside the page's viewport. */
async function inView(page: Page, frame: Locator): Promise<boolean> {
  const box = await frame.boundingBox();
  const size = page.viewportSize();
  if (!box || !size) return false;
  return box.x >= 0 && box.y >= 0 && box.x + box.width <= size.width && box.y + box.height <= size.height;
}

test('back to plenary: the tables’ notes framed and regrouped, each table presents in turn, merged issues keep their tables, and a vote runs on the tables’ proposals', async ({
  browser,
}) => {
  // Four browsers (and a projector tab) through two rounds and a vote.
  test.setTimeout(180_000);
  const facilitator = await createWorkshop(browser);
  const f = facilitator.page;
  const alice = await joinWorkshop(browser, facilitator.joinCode, { name: 'Alice Élue', group: 'elected' });
  const bruno = await joinWorkshop(browser, facilitator.joinCode, { name: 'Bruno Agent', group: 'staff' });
  const chloe = await joinWorkshop(browser, facilitator.joinCode, { name: 'Chloé Habitante' });
  const people = [alice, bruno, chloe];

  // Two tables: Alice and Bruno at the first, Chloé at the second.
  const [t1, t2] = (await addTables(f, 2)) as [string, string];
  const panel = tablesPanel(f);
  await expect(panel.getByTestId('tables.person')).toHaveCount(3);
  await seatPeople(f, [
    ['Alice Élue', t1],
    ['Bruno Agent', t1],
    ['Chloé Habitante', t2],
  ]);
  await expect(chloe.page.getByTestId('tables.mine')).toHaveAttribute('data-table-id', t2);

  // A round on step 1: each writes a note, at their own table, where the board had room for them.
  await panel.getByTestId('tables.start').click();
  for (const actor of people) await expect(actor.page.getByTestId('tables.banner')).toBeVisible();
  // No frames during the round for the participants, who see their table only.
  await expect(chloe.page.getByTestId('tables.frame')).toHaveCount(0);
  const noteOf = new Map<Actor, string>();
  for (const actor of people)
    noteOf.set(actor, await actor.board.addNote(`Idée ${people.indexOf(actor) + 1}`));

  // Back to plenary: each table's notes in a frame of its own, for everyone.
  await f.getByTestId('tables.endBar').click();
  for (const actor of [facilitator, ...people]) {
    await expect(actor.page.getByTestId('tables.banner')).toHaveCount(0);
    await expect(actor.page.getByTestId('tables.frame')).toHaveCount(2);
    await expect(tableFrame(actor.page, t1)).toHaveAttribute('data-count', '2');
  }

  // "Regrouper par table": the tables side by side, their frames apart; one undo puts them back.
  const chloeNote = noteOf.get(chloe) ?? '';
  const before = await facilitator.board.position(chloeNote);
  await f.getByTestId('tables.regroup').click();
  const frames = f.getByTestId('tables.frame');
  await expect
    .poll(async () => overlap(await frameBox(frames.nth(0)), await frameBox(frames.nth(1))))
    .toBe(false);
  const after = await facilitator.board.position(chloeNote);
  // What one participant sees moved as well.
  await expect.poll(() => chloe.board.position(chloeNote)).toEqual(after);
  await f.getByTestId('toolbar.undo').click();
  await expect.poll(() => facilitator.board.position(chloeNote)).toEqual(before);
  await f.getByTestId('toolbar.redo').click();
  await expect.poll(() => facilitator.board.position(chloeNote)).toEqual(after);

  // The room's screen: the facilitator's second tab in the projector view.
  const projector = await facilitator.context.newPage();
  await projector.goto(facilitator.workshopUrl);
  await projector.getByTestId('projector.open').click();
  await expect(projector.getByTestId('board')).toHaveAttribute('data-projector', 'true');

  // "Table 1 présente": everyone is shown its frame, the other table dimmed.
  await f.getByTestId('tables.presentPick').selectOption(t1);
  for (const page of [chloe.page, projector]) {
    await expect(page.getByTestId('tables.presenting')).toHaveAttribute('data-table-id', t1);
    await expect(page.getByTestId('tables.presenting')).toContainText('Table 1');
    await expect.poll(() => inView(page, tableFrame(page, t1))).toBe(true);
    await expect(page.locator(`[data-testid="note"][data-note-id="${chloeNote}"]`)).toHaveCSS(
      'opacity',
      '0.3',
    );
    await expect(page.locator(`[data-testid="note"][data-note-id="${noteOf.get(alice)}"]`)).toHaveCSS(
      'opacity',
      '1',
    );
  }
  // The presentation controls are the facilitator's: neither a participant nor the projector has them.
  await expect(chloe.page.getByTestId('tables.presentNext')).toHaveCount(0);
  await expect(projector.getByTestId('tables.presentNext')).toHaveCount(0);
  // Then the next table, then the end of the presentations.
  await f.getByTestId('tables.presentNext').click();
  await expect(chloe.page.getByTestId('tables.presenting')).toHaveAttribute('data-table-id', t2);
  await expect(projector.getByTestId('tables.presenting')).toHaveAttribute('data-table-id', t2);
  await expect(f.getByTestId('tables.presentNext')).toHaveCount(0);
  await f.getByTestId('tables.presentEnd').click();
  await expect(chloe.page.getByTestId('tables.presenting')).toHaveCount(0);
  await expect(projector.getByTestId('tables.presenting')).toHaveCount(0);
  await expect(chloe.page.locator(`[data-testid="note"][data-note-id="${chloeNote}"]`)).toHaveCSS(
    'opacity',
    '1',
  );
  await projector.close();

  // Step 2, a round: each table makes its issues.
  await f.getByTestId('step.issues').click();
  await panel.getByTestId('tables.start').click();
  await expect(alice.page.getByTestId('tables.banner')).toBeVisible();
  await createIssue(alice.page, 'Mobilité rurale');
  await createIssue(chloe.page, 'Transports');
  await createIssue(chloe.page, 'Numérique');
  await f.getByTestId('tables.endBar').click();
  await expect.poll(() => issueTitles(bruno.page)).toEqual(['Mobilité rurale', 'Transports', 'Numérique']);
  // One made in plenary, which comes from no table.
  await createIssue(f, 'Budget participatif');
  await expect(issue(bruno.page, 'Budget participatif').getByTestId('tables.provenance')).toHaveCount(0);
  await expect(issue(bruno.page, 'Transports').getByTestId('tables.provenanceChip')).toHaveAttribute(
    'data-table-id',
    t2,
  );

  // The facilitator merges the second table's "Transports" into the first's "Mobilité rurale".
  await mergeIssue(f, 'Mobilité rurale', 'Transports');
  for (const page of [f, bruno.page]) {
    await expect
      .poll(() => issueTitles(page))
      .toEqual(['Mobilité rurale', 'Numérique', 'Budget participatif']);
    const chips = issue(page, 'Mobilité rurale').getByTestId('tables.provenanceChip');
    await expect(chips).toHaveCount(2);
    await expect(chips.nth(0)).toHaveAttribute('data-table-id', t1);
    await expect(chips.nth(1)).toHaveAttribute('data-table-id', t2);
  }

  // A participant shows one table's proposals: the merged issue is under both tables.
  const filter = bruno.page.getByTestId('tables.filter');
  await filter.selectOption(t2);
  await expect.poll(() => issueTitles(bruno.page)).toEqual(['Mobilité rurale', 'Numérique']);
  await filter.selectOption(t1);
  await expect.poll(() => issueTitles(bruno.page)).toEqual(['Mobilité rurale']);
  await filter.selectOption('');
  await expect.poll(() => issueTitles(bruno.page)).toHaveLength(3);

  // Grouped by table: a section per table in the tables' order, then the plenary's. The merged
  // issue is under its own table (Table 1), its chips naming both.
  await filter.selectOption({ label: 'Grouper par table' });
  const sections = bruno.page.getByTestId('tables.section');
  await expect(sections).toHaveCount(3);
  expect(await sections.evaluateAll((els) => els.map((el) => el.getAttribute('data-table-section')))).toEqual(
    [t1, t2, ''],
  );
  const sectionTitles = (index: number) =>
    sections
      .nth(index)
      .getByTestId('issues.issue')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-title')));
  expect(await sectionTitles(0)).toEqual(['Mobilité rurale']);
  expect(await sectionTitles(1)).toEqual(['Numérique']);
  expect(await sectionTitles(2)).toEqual(['Budget participatif']);
  await expect(sections.nth(0).getByRole('heading', { level: 3 }).first()).toContainText('Table 1');
  await expect(sections.nth(0).getByTestId('tables.sectionCount')).toContainText('1 enjeu');
  await expect(sections.nth(0).getByTestId('tables.provenanceChip')).toHaveCount(2);
  // Each issue keeps its rank in the room's ranking, which is changed in the whole list only.
  await expect(issue(bruno.page, 'Budget participatif').getByTestId('issues.rank')).toContainText('3');
  await expect(bruno.page.getByTestId('issues.handle')).toHaveCount(0);
  await expect(bruno.page.getByTestId('issues.groupedHint')).toBeVisible();
  // Table 2 presents: its section is in view, the other table's heading and issues dimmed.
  await f.getByTestId('tables.presentPick').selectOption(t2);
  await expect(sections.nth(1)).toBeInViewport();
  const heading = (index: number) => sections.nth(index).locator('.table-section__heading');
  await expect(heading(0)).toHaveCSS('opacity', '0.3');
  await expect(heading(1)).toHaveCSS('opacity', '1');
  await expect(issue(bruno.page, 'Budget participatif')).toHaveCSS('opacity', '0.3');
  await f.getByTestId('tables.presentEnd').click();
  // Back to every table: one ranked list again.
  await filter.selectOption('');
  await expect(sections).toHaveCount(0);
  await expect(bruno.page.getByTestId('issues.handle')).toHaveCount(3);

  // A vote round on the tables' issues only: the one made in plenary is not on the ballot.
  const form = await newRound(facilitator);
  await expect(form.getByTestId('votes.form.kind')).toHaveValue('issues');
  const all = form.locator('label', { has: f.getByTestId('votes.form.all') });
  await expect(all).toHaveText('Tous les éléments (3)');
  await form.getByTestId('votes.form.tables').selectOption('*');
  await expect(all).toHaveText('Tous les éléments (2)');
  await openNow(facilitator, form, 'Les propositions des tables');
  await goVote(bruno);
  const cards = bruno.page.getByTestId('votes.card');
  await expect(cards).toHaveCount(2);
  expect(await cards.evaluateAll((els) => els.map((el) => el.getAttribute('data-label')))).toEqual([
    'Mobilité rurale',
    'Numérique',
  ]);

  for (const actor of [facilitator, ...people]) await actor.context.close();
});
