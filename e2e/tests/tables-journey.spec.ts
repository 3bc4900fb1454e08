import { expect, type Page, test } from '@playwright/test';
import { type Actor, createWorkshop, joinWorkshop } from '../fixtures/actors';
import { createIssue, issue, issueTitles, mergeIssue } from '../fixtures/issues';
import { seedPlan } from '../fixtures/seed-plan';
import { sheetCard, sheetField } from '../fixtures/sheets';
import {
  addTables,
  closedRound,
  frameBox,
  overlap,
  overviewCard,
  overviewCount,
  tablesPanel,
} from '../fixtures/tables';
import { ballotCard, expectRanking, goVote, newRound, openNow } from '../fixtures/votes';

/** Twelve people, three of each of four groups. */
const PEOPLE = [
  ['Élise Maire', 'elected'],
  ['Étienne Adjoint', 'elected'],
  ['Émilie Conseillère', 'elected'],
  ['Sophie Agente', 'staff'],
  ['Samuel Agent', 'staff'],
  ['Sarah Agente', 'staff'],
  ['Romain Habitant', 'resident'],
  ['Rose Habitante', 'resident'],
  ['Rémi Habitant', 'resident'],
  ['Bérénice Commerçante', 'business'],
  ['Benoît Artisan', 'business'],
  ['Basile Entrepreneur', 'business'],
] as const;

/** How many join at once: enough to go faster, few enough for a 2-core machine. */
const JOIN_BATCH = 4;

const noteIds = (page: Page) =>
  page.getByTestId('note').evaluateAll((els) => els.map((el) => el.getAttribute('data-note-id') ?? ''));

test('tables journey: 12 participants at 3 tables mixed by group, a closed round in step 1, plenary, a merge across tables, a round on the sheets in step 4, a vote on the tables’ proposals', async ({
  browser,
}) => {
  // Thirteen browsers through three rounds and a vote.
  test.setTimeout(240_000);
  const facilitator = await createWorkshop(browser);
  const f = facilitator.page;
  const people: Actor[] = [];
  for (let i = 0; i < PEOPLE.length; i += JOIN_BATCH)
    people.push(
      ...(await Promise.all(
        PEOPLE.slice(i, i + JOIN_BATCH).map(([name, group]) =>
          joinWorkshop(browser, facilitator.joinCode, { name, group }),
        ),
      )),
    );
  const nameOf = new Map(people.map((actor, i) => [actor, PEOPLE[i]?.[0] ?? '']));

  // 1. Three tables, the automatic split: four at each, one of each group.
  const tables = await addTables(f, 3);
  const [t1, t2, t3] = tables as [string, string, string];
  const panel = tablesPanel(f);
  await expect(panel.getByTestId('tables.unseated').getByTestId('tables.person')).toHaveCount(12);
  await panel.getByTestId('tables.balance').click();
  await expect(panel.getByTestId('tables.unseated').getByTestId('tables.person')).toHaveCount(0);
  const seatOf = new Map<string, string>();
  for (const table of tables) {
    const rows = panel
      .locator(`[data-testid="tables.table"][data-table-id="${table}"]`)
      .getByTestId('tables.person');
    await expect(rows).toHaveCount(4);
    const seated = await rows.evaluateAll((els) =>
      els.map((el) => [el.getAttribute('data-name') ?? '', el.getAttribute('data-group') ?? '']),
    );
    expect(seated.map(([, group]) => group).sort()).toEqual(['business', 'elected', 'resident', 'staff']);
    for (const [name] of seated) seatOf.set(name ?? '', table);
  }
  const tableOf = (actor: Actor) => seatOf.get(nameOf.get(actor) ?? '') ?? '';
  // Everyone's header says their table, as the panel does.
  for (const actor of people)
    await expect(actor.page.getByTestId('tables.mine')).toHaveAttribute('data-table-id', tableOf(actor));
  const at = (table: string) => people.filter((actor) => tableOf(actor) === table);
  const [a1, a2, a3, a4] = at(t1) as [Actor, Actor, Actor, Actor];
  const [b1, b2, b3] = at(t2) as [Actor, Actor, Actor, Actor];
  const [c1, c2] = at(t3) as [Actor, Actor, Actor, Actor];

  // 2. A closed round on step 1, with a 10-minute timer, watched from "Vue des tables".
  await closedRound(f, people, { minutes: 10 });
  await expect(c2.page.getByTestId('timer.remaining')).toHaveAttribute('data-state', 'running');
  await f.getByTestId('overview.toggle').click();
  await expect(f.getByTestId('overview.round')).toHaveAttribute('data-on', 'true');
  await expect(f.getByTestId('overview.time')).toBeVisible();
  for (const table of tables) {
    await expect(overviewCard(f, table).getByTestId('overview.person')).toHaveCount(4);
    await expect(overviewCount(f, table, 'notes')).toHaveAttribute('data-count', '0');
  }
  // Two write at the first table, one at each other; the counts follow live.
  const n1 = await a1.board.addNote('Pistes cyclables entre les villages');
  await expect(overviewCount(f, t1, 'notes')).toHaveAttribute('data-count', '1');
  const n2 = await a2.board.addNote('Commerces de proximité');
  await expect(overviewCount(f, t1, 'notes')).toHaveAttribute('data-count', '2');
  const n3 = await b1.board.addNote('Bus du marché');
  await expect(overviewCount(f, t2, 'notes')).toHaveAttribute('data-count', '1');
  const n4 = await c1.board.addNote('Logements pour les saisonniers');
  await expect(overviewCount(f, t3, 'notes')).toHaveAttribute('data-count', '1');
  await expect(overviewCount(f, t1, 'notes')).toHaveAttribute('data-count', '2');
  await expect(overviewCount(f, t2, 'notes')).toHaveAttribute('data-count', '1');
  // The facilitator sees all four; one at each table who did not write, their table's only.
  await expect.poll(() => noteIds(f).then((ids) => ids.length)).toBe(4);
  for (const [viewer, mine] of [
    [a4, [n1, n2]],
    [b3, [n3]],
    [c2, [n4]],
  ] as const)
    await expect.poll(() => noteIds(viewer.page).then((ids) => ids.sort())).toEqual([...mine].sort());

  // A message to the second table reaches its people, and no one else.
  await overviewCard(f, t2).getByTestId('overview.messageTo').click();
  const overview = f.getByTestId('overview.panel');
  await overview.getByTestId('messages.text').fill('Plus que 5 minutes pour la table 2.');
  await overview.getByTestId('messages.send').click();
  for (const actor of [b1, b2])
    await expect(actor.page.getByTestId('messages.bannerText')).toHaveText(
      'Plus que 5 minutes pour la table 2.',
    );
  for (const actor of [a1, c1]) await expect(actor.page.getByTestId('messages.banner')).toHaveCount(0);
  await f.getByTestId('overview.toggle').click();

  // 3. Back to plenary: everyone sees the four notes, each table's in its frame.
  await f.getByTestId('tables.endBar').click();
  for (const actor of people) {
    await expect(actor.page.getByTestId('tables.banner')).toHaveCount(0);
    await expect(actor.board.notes).toHaveCount(4);
  }
  await expect(a3.page.getByTestId('tables.frame')).toHaveCount(3);
  // "Regrouper par table": the three frames side by side, none over another.
  await f.getByTestId('tables.regroup').click();
  const frames = f.getByTestId('tables.frame');
  await expect(frames).toHaveCount(3);
  await expect
    .poll(async () => {
      const [x, y, z] = await Promise.all([0, 1, 2].map((i) => frameBox(frames.nth(i))));
      if (!x || !y || !z) return true;
      return overlap(x, y) || overlap(y, z) || overlap(x, z);
    })
    .toBe(false);
  // The third table presents: a participant of another table is shown it.
  await f.getByTestId('tables.presentPick').selectOption(t3);
  await expect(a3.page.getByTestId('tables.presenting')).toHaveAttribute('data-table-id', t3);
  await expect(a3.page.getByTestId('tables.presenting')).toContainText('Table 3');
  await f.getByTestId('tables.presentEnd').click();
  await expect(a3.page.getByTestId('tables.presenting')).toHaveCount(0);

  // 4. Step 2, an open round: each table names an issue; then the plenary merges two tables' issues.
  await f.getByTestId('step.issues').click();
  await f.getByTestId('tables.toggle').click();
  await panel.getByTestId('tables.closed').uncheck();
  await panel.getByTestId('tables.start').click();
  await f.getByTestId('tables.toggle').click();
  for (const actor of [a1, b1, c1]) await expect(actor.page.getByTestId('tables.banner')).toBeVisible();
  await createIssue(a1.page, 'Mobilité rurale');
  await createIssue(b1.page, 'Transports en commun');
  await createIssue(c1.page, 'Logement des jeunes');
  await f.getByTestId('tables.endBar').click();
  await createIssue(f, 'Budget participatif');
  await expect
    .poll(() => issueTitles(c2.page))
    .toEqual(['Mobilité rurale', 'Transports en commun', 'Logement des jeunes', 'Budget participatif']);
  await mergeIssue(f, 'Mobilité rurale', 'Transports en commun');
  for (const page of [f, c2.page]) {
    await expect
      .poll(() => issueTitles(page))
      .toEqual(['Mobilité rurale', 'Logement des jeunes', 'Budget participatif']);
    const chips = issue(page, 'Mobilité rurale').getByTestId('tables.provenanceChip');
    await expect(chips).toHaveCount(2);
    await expect(chips.nth(0)).toHaveAttribute('data-table-id', t1);
    await expect(chips.nth(1)).toHaveAttribute('data-table-id', t2);
  }

  // 5. Step 4: six sheets of three axes, dealt out to the tables, then a closed round on them.
  await seedPlan(f, {
    axes: [
      { title: 'Mobilités', sheets: [{ title: 'Vélobus' }, { title: 'Covoiturage' }] },
      { title: 'Économie locale', sheets: [{ title: 'Marché de producteurs' }, { title: 'Tiers-lieu' }] },
      { title: 'Habitat', sheets: [{ title: 'Habitat partagé' }, { title: 'Rénovation' }] },
    ],
  });
  await f.getByTestId('step.actions').click();
  await expect(f.getByTestId('sheet.card')).toHaveCount(6);
  await f.getByTestId('give.deal-sheets').click();
  for (const [title, table] of [
    ['Vélobus', t1],
    ['Covoiturage', t1],
    ['Marché de producteurs', t2],
    ['Tiers-lieu', t2],
    ['Habitat partagé', t3],
    ['Rénovation', t3],
  ] as const)
    await expect(sheetCard(f, title).getByTestId('give.sheet')).toHaveValue(table);
  await closedRound(f, people);
  // The first table edits its sheet together; the second table does not see it.
  await sheetCard(a2.page, 'Vélobus').getByTestId('sheet.open').click();
  await sheetCard(a3.page, 'Vélobus').getByTestId('sheet.open').click();
  await sheetField(a2.page, 'objectives').click();
  await sheetField(a2.page, 'objectives').pressSequentially('Accompagner les écoliers à vélo');
  await expect(sheetField(a3.page, 'objectives')).toHaveValue('Accompagner les écoliers à vélo');
  await expect(b2.page.getByTestId('sheet.card')).toHaveCount(2);
  await expect(sheetCard(b2.page, 'Tiers-lieu')).toBeVisible();
  await expect(sheetCard(b2.page, 'Vélobus')).toHaveCount(0);
  for (const actor of [a2, a3]) await actor.page.getByTestId('sheet.close').click();

  // 6. Back to plenary, a vote on the tables' issues only (not the one made in plenary).
  await f.getByTestId('tables.endBar').click();
  await expect(b2.page.getByTestId('sheet.card')).toHaveCount(6);
  const form = await newRound(facilitator);
  await form.getByTestId('votes.form.kind').selectOption('issues');
  const all = form.locator('label', { has: f.getByTestId('votes.form.all') });
  await expect(all).toHaveText('Tous les éléments (3)');
  await form.getByTestId('votes.form.tables').selectOption('*');
  await expect(all).toHaveText('Tous les éléments (2)');
  await openNow(facilitator, form, 'Les enjeux des tables');
  // One voter per table: the merged issue gets 2 + 2 dots, the third table's 1 + 1.
  const ballots: [Actor, [string, number][]][] = [
    [a1, [['Mobilité rurale', 2]]],
    [
      b1,
      [
        ['Mobilité rurale', 2],
        ['Logement des jeunes', 1],
      ],
    ],
    [c1, [['Logement des jeunes', 1]]],
  ];
  for (const [voter, dots] of ballots) {
    const p = voter.page;
    await goVote(voter);
    await expect(p.getByTestId('votes.card')).toHaveCount(2);
    for (const [label, n] of dots) {
      for (let i = 0; i < n; i++) await ballotCard(p, label).getByTestId('votes.add').click();
      await expect(ballotCard(p, label)).toHaveAttribute('data-dots', String(n));
    }
    await p.getByTestId('votes.done').click();
    await expect(f.locator(`[data-testid="votes.voter"][data-name="${nameOf.get(voter)}"]`)).toHaveAttribute(
      'data-status',
      'done',
    );
  }
  await f.getByTestId('votes.action-reveal').click();
  for (const page of [f, a1.page, c1.page]) {
    await expectRanking(page, [
      ['Mobilité rurale', '1'],
      ['Logement des jeunes', '2'],
    ]);
    await expect(page.getByTestId('votes.results-voters')).toHaveText('3 votant·es');
    await expect(page.getByTestId('votes.result').first().getByTestId('votes.result-total')).toHaveText(
      '4 gommettes',
    );
  }

  for (const actor of [facilitator, ...people]) await actor.context.close();
});
