import { addNote } from '@atelier/shared';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { createWorkshop } from '../fixtures/actors';
import { issueTitles } from '../fixtures/issues';
import { pickUp } from '../fixtures/keyboard-drag';
import { seedBoard } from '../fixtures/seed-board';
import { expectFitsSmallScreen, PHONE, touchActor } from '../fixtures/small-screen';
import {
  expectRanking,
  goVote,
  newRound,
  openNow,
  resultLine,
  roundCard,
  seedIssues,
  VOTE_ISSUES,
  votingRoom,
} from '../fixtures/votes';

const gradeRow = (page: Page, label: string) =>
  page.locator(`[data-testid="votes.grade-row"][data-label="${label}"]`);
const pointsCard = (page: Page, label: string) =>
  page.locator(`[data-testid="votes.points-card"][data-label="${label}"]`);
const ranked = (page: Page, label: string) =>
  page.locator(`[data-testid="votes.ranked"][data-label="${label}"]`);

/** The labels of "my ranking", first first. */
function myRanking(page: Page): Promise<string[]> {
  return page
    .getByTestId('votes.ranked')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-label') ?? ''));
}

test('majority judgment: grades given with the mouse and the keyboard, merit profiles and majority grades for everyone at the reveal', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { facilitator, manon, hugo } = await votingRoom(browser, { issues: true });
  const f = facilitator.page;
  await expect.poll(() => issueTitles(f)).toEqual(VOTE_ISSUES);

  // The grades start from the workshop's default scale; one removed, then the default is back.
  const form = await newRound(facilitator, 'judgment');
  const labels = form.getByTestId('votes.form.grade-label');
  await expect(labels).toHaveCount(7);
  await expect(labels.first()).toHaveValue('Excellent');
  await expect(labels.last()).toHaveValue('À rejeter');
  await expect(form.getByTestId('votes.form.reset-grades')).toBeDisabled();
  await form.getByRole('button', { name: 'Retirer la mention « Assez bien »' }).click();
  await expect(labels).toHaveCount(6);
  await form.getByTestId('votes.form.reset-grades').click();
  await expect(labels).toHaveCount(7);
  await expect(labels.nth(3)).toHaveValue('Assez bien');
  await openNow(facilitator, form, 'Jugement des enjeux');

  // Manon grades three issues with the mouse and leaves the last one ungraded.
  const m = manon.page;
  await goVote(manon);
  await expect(m.getByTestId('votes.graded')).toHaveText('0 / 4 éléments évalués');
  await expect(m.getByTestId('votes.ungraded-is')).toHaveText('Sans mention = À rejeter');
  await gradeRow(m, 'Mobilité rurale').getByText('Très bien', { exact: true }).click();
  await gradeRow(m, 'Accès au numérique').getByText('Bien', { exact: true }).click();
  await gradeRow(m, 'Logement des jeunes').getByText('Excellent', { exact: true }).click();
  await expect(gradeRow(m, 'Mobilité rurale')).toHaveAttribute('data-grade', '1');
  await expect(gradeRow(m, 'Mobilité rurale').getByRole('radio', { name: 'Très bien' })).toBeChecked();
  await expect(m.getByTestId('votes.graded')).toHaveText('3 / 4 éléments évalués');

  // Hugo grades with the keyboard only: Space chooses, the arrows move along a target's grades,
  // Tab goes to the next target, Delete clears a grade.
  const h = hugo.page;
  await goVote(hugo);
  const bien = gradeRow(h, 'Mobilité rurale').getByRole('radio', { name: 'Bien', exact: true });
  await expect(bien).toBeEnabled();
  await bien.focus();
  await h.keyboard.press('Space');
  await expect(gradeRow(h, 'Mobilité rurale')).toHaveAttribute('data-grade', '2');
  await h.keyboard.press('Tab');
  await expect(
    gradeRow(h, 'Accès au numérique').getByRole('radio', { name: 'Excellent', exact: true }),
  ).toBeFocused();
  await h.keyboard.press('ArrowRight');
  await h.keyboard.press('ArrowRight');
  await expect(gradeRow(h, 'Accès au numérique')).toHaveAttribute('data-grade', '2');
  await h.keyboard.press('Tab');
  await h.keyboard.press('Space');
  await expect(gradeRow(h, 'Logement des jeunes')).toHaveAttribute('data-grade', '0');
  await h.keyboard.press('Tab');
  for (let i = 0; i < 4; i++) await h.keyboard.press('ArrowRight');
  await expect(gradeRow(h, 'Circuits courts')).toHaveAttribute('data-grade', '4');
  await h.keyboard.press('Delete');
  await expect(gradeRow(h, 'Circuits courts')).toHaveAttribute('data-grade', '');
  await expect(h.getByTestId('votes.graded')).toHaveText('3 / 4 éléments évalués');
  await h.keyboard.press('Space');
  await expect(gradeRow(h, 'Circuits courts').getByRole('radio', { name: 'Passable' })).toBeChecked();
  await expect(h.getByTestId('votes.graded')).toHaveText('4 / 4 éléments évalués');

  // The reveal: the same ranking for all three, a merit profile per issue, its majority grade.
  // Logement des jeunes: Excellent twice. Mobilité rurale: Très bien and Bien, so "Bien +". Accès au
  // numérique: Bien twice. Circuits courts: Passable and ungraded (À rejeter), so "À rejeter +".
  await roundCard(f, 'Jugement des enjeux').getByTestId('votes.action-reveal').click();
  for (const page of [f, m, h]) {
    await expectRanking(page, [
      ['Logement des jeunes', '1'],
      ['Mobilité rurale', '2'],
      ['Accès au numérique', '3'],
      ['Circuits courts', '4'],
    ]);
    await expect(page.getByTestId('votes.profile')).toHaveCount(4);
    await expect(resultLine(page, 'Logement des jeunes').getByTestId('votes.result-total')).toHaveText(
      'Excellent',
    );
    await expect(resultLine(page, 'Mobilité rurale').getByTestId('votes.result-total')).toHaveText('Bien +');
    await expect(resultLine(page, 'Accès au numérique').getByTestId('votes.result-total')).toHaveText('Bien');
    await expect(resultLine(page, 'Circuits courts').getByTestId('votes.result-total')).toHaveText(
      'À rejeter +',
    );
  }
  // The bar's segments: half "Très bien", half "Bien"; and the same as words for screen readers.
  const profile = resultLine(m, 'Mobilité rurale').getByTestId('votes.profile-segment');
  await expect(profile).toHaveCount(2);
  await expect(profile.first()).toHaveText('50 %');
  const shares = m.getByRole('list', { name: /Profil de mérite de .+Mobilité rurale/ });
  await expect(shares.getByRole('listitem')).toHaveCount(7);
  await expect(shares).toContainText('Très bien : 50 % (1 voix)');
  await expect(shares).toContainText('Excellent : 0 % (0 voix)');
  await expect(m.getByTestId('votes.grade-legend')).toContainText('À rejeter');
  // Two voters in two groups: merged into one, each issue with its majority grade.
  await expect(m.getByTestId('votes.group-table')).toBeVisible();
  await expect(
    m.locator(
      '[data-testid="votes.group-row"][data-label="Logement des jeunes"] [data-testid="votes.group-cell"]',
    ),
  ).toHaveText('Excellent');

  for (const actor of [facilitator, manon, hugo]) await actor.context.close();
});

test('ranking: at most 30 targets, one ranking dragged with the mouse, one ordered with the keyboard only, the duels matrix at the reveal', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { facilitator, manon, hugo } = await votingRoom(browser);
  const f = facilitator.page;
  // 31 contributions in step 1, four of them to rank (created in this order).
  const CHOSEN = ['Piste cyclable', 'Maison de santé', 'Tiers-lieu', 'Marché bio'];
  const base = Date.now();
  await seedBoard(f, (doc) => {
    CHOSEN.forEach((text, i) => {
      addNote(doc, { text, x: 40 + i * 240, y: 40, author: 'seed', now: base + i });
    });
    for (let i = 0; i < 27; i++)
      addNote(doc, {
        text: `Constat ${i + 1}`,
        x: 40 + (i % 9) * 240,
        y: 300 + Math.floor(i / 9) * 200,
        author: 'seed',
        now: base + 10 + i,
      });
  });

  // A ranking of the 31: the form says so at once and refuses it; a selection of four goes.
  const form = await newRound(facilitator, 'ranking');
  await expect(form.getByTestId('votes.form.kind')).toHaveValue('notes');
  await expect(form.locator('label', { has: f.getByTestId('votes.form.all') })).toHaveText(
    'Tous les éléments (31)',
  );
  await expect(form.getByTestId('votes.form.ranking-error')).toContainText(
    '30 éléments au plus : 31 sont retenus',
  );
  await form.getByTestId('votes.form.title').fill('Nos priorités');
  await form.getByTestId('votes.form.open-now').click();
  await expect(form.getByTestId('votes.form.error')).toContainText('30 éléments au plus');
  await expect(f.getByTestId('votes.round')).toHaveCount(0);
  await form.getByTestId('votes.form.some').check();
  for (const label of CHOSEN)
    await form.locator(`[data-testid="votes.form.target"][data-label="${label}"]`).check();
  await expect(form.getByTestId('votes.form.ranking-error')).toHaveCount(0);
  await openNow(facilitator, form, 'Nos priorités');

  // Manon adds three with the mouse, then drags "Piste cyclable" from third to first.
  const m = manon.page;
  await goVote(manon);
  await expect(m.getByTestId('votes.ranked-count')).toHaveText('0 / 4 éléments classés');
  for (const label of ['Tiers-lieu', 'Maison de santé', 'Piste cyclable'])
    await m.getByRole('button', { name: `Ajouter « ${label} » à mon classement` }).click();
  await expect.poll(() => myRanking(m)).toEqual(['Tiers-lieu', 'Maison de santé', 'Piste cyclable']);
  await mouseDrag(m, ranked(m, 'Piste cyclable').getByTestId('votes.rank-handle'), ranked(m, 'Tiers-lieu'));
  await expect.poll(() => myRanking(m)).toEqual(['Piste cyclable', 'Tiers-lieu', 'Maison de santé']);
  await expect(m.getByTestId('votes.unranked')).toHaveCount(1);
  await expect(m.getByTestId('votes.unranked')).toHaveAttribute('data-label', 'Marché bio');

  // Hugo, with the keyboard only: adds them all, picks the last up and takes it to the top, then
  // moves it down one place with its button.
  const h = hugo.page;
  await goVote(hugo);
  const addAll = h.getByTestId('votes.rank-add-all');
  await expect(addAll).toBeEnabled();
  await addAll.focus();
  await h.keyboard.press('Enter');
  await expect.poll(() => myRanking(h)).toEqual(CHOSEN);
  await expect(ranked(h, 'Piste cyclable').getByTestId('votes.rank-handle')).toBeFocused();
  // dnd-kit's live region says where the target held is, each arrow after the other.
  const announcer = h.locator('[id^="DndLiveRegion"]');
  await ranked(h, 'Marché bio').getByTestId('votes.rank-handle').focus();
  await pickUp(h);
  await expect(announcer).toContainText('« Marché bio » saisi, n° 4 sur 4');
  for (const position of [3, 2, 1]) {
    await h.keyboard.press('ArrowUp');
    await expect(announcer).toContainText(`« Marché bio » en n° ${position} sur 4`);
  }
  await h.keyboard.press('Space');
  await expect(announcer).toContainText('« Marché bio » posé en n° 1 sur 4');
  await expect
    .poll(() => myRanking(h))
    .toEqual(['Marché bio', 'Piste cyclable', 'Maison de santé', 'Tiers-lieu']);
  await expect(ranked(h, 'Marché bio').getByTestId('votes.rank-handle')).toBeFocused();
  await h.keyboard.press('Tab');
  await expect(h.getByRole('button', { name: 'Monter « Marché bio »' })).toBeFocused();
  await expect(h.getByRole('button', { name: 'Monter « Marché bio »' })).toHaveAttribute(
    'aria-disabled',
    'true',
  );
  await h.keyboard.press('Tab');
  await h.keyboard.press('Enter');
  await expect
    .poll(() => myRanking(h))
    .toEqual(['Piste cyclable', 'Marché bio', 'Maison de santé', 'Tiers-lieu']);
  // Focus stays on the button of the target moved: the keyboard can go on.
  await expect(h.getByRole('button', { name: 'Descendre « Marché bio »' })).toBeFocused();
  await expect(h.getByTestId('votes.ranked-count')).toHaveText('4 / 4 éléments classés');

  // The facilitator votes too, with the mouse: Maison de santé, Tiers-lieu, Piste cyclable, Marché bio.
  await goVote(facilitator);
  for (const label of ['Maison de santé', 'Tiers-lieu', 'Piste cyclable', 'Marché bio'])
    await f.getByRole('button', { name: `Ajouter « ${label} » à mon classement` }).click();
  await expect
    .poll(() => myRanking(f))
    .toEqual(['Maison de santé', 'Tiers-lieu', 'Piste cyclable', 'Marché bio']);

  // Piste cyclable wins every duel (2–1 or 3–0); Maison de santé beats the last two; Tiers-lieu Marché bio.
  await roundCard(f, 'Nos priorités').getByTestId('votes.action-reveal').click();
  for (const page of [f, m, h]) {
    await expectRanking(page, [
      ['Piste cyclable', '1'],
      ['Maison de santé', '2'],
      ['Tiers-lieu', '3'],
      ['Marché bio', '4'],
    ]);
    await expect(resultLine(page, 'Piste cyclable').getByTestId('votes.result-total')).toHaveText(
      'bat 3 éléments',
    );
    // The duels' table, named by its heading and described by how to read it, shown over it.
    const matrix = page.getByRole('table', { name: 'Duels (méthode de Schulze)' });
    await expect(matrix).toBeVisible();
    await expect(matrix.getByRole('row')).toHaveCount(5);
    await expect(matrix).toHaveAccessibleDescription(
      /Chaque case compte les votant·es .* En vert, la ligne gagne le duel/,
    );
    await expect(page.getByTestId('votes.pairwise-note')).toBeVisible();
  }
  const cell = (row: string, column: string) =>
    m.locator(
      `[data-testid="votes.pairwise-row"][data-label="${row}"] [data-testid="votes.pairwise-cell"][data-column="${column}"]`,
    );
  await expect(cell('Piste cyclable', 'Maison de santé')).toHaveAttribute('data-outcome', 'win');
  await expect(cell('Piste cyclable', 'Maison de santé')).toHaveText('2 (gagné)');
  await expect(cell('Maison de santé', 'Piste cyclable')).toHaveAttribute('data-outcome', 'loss');
  await expect(cell('Piste cyclable', 'Marché bio')).toHaveAttribute('data-value', '3');
  await expect(cell('Tiers-lieu', 'Maison de santé')).toHaveText('1 (perdu)');
  // By group: three voters in two small groups, merged into one; each target's rank in it.
  await expect(
    m.locator('[data-testid="votes.group-row"][data-label="Tiers-lieu"] [data-testid="votes.group-cell"]'),
  ).toHaveText('n° 3');

  for (const actor of [facilitator, manon, hugo]) await actor.context.close();
});

test('points: a budget shared out with the steppers and typed numbers, a number over the budget refused, totals at the reveal', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { facilitator, manon, hugo } = await votingRoom(browser, { issues: true });
  const f = facilitator.page;
  await expect.poll(() => issueTitles(f)).toEqual(VOTE_ISSUES);

  const form = await newRound(facilitator, 'points');
  await expect(form.getByTestId('votes.form.points-budget')).toHaveValue('100');
  await form.getByTestId('votes.form.points-budget').fill('1');
  await form.getByTestId('votes.form.title').fill('Budget participatif');
  await form.getByTestId('votes.form.open-now').click();
  await expect(form.getByRole('alert')).toContainText('de 2 à 1 000 points');
  await form.getByTestId('votes.form.points-budget').fill('100');
  const round = await openNow(facilitator, form, 'Budget participatif');

  // Manon: "+" twice (5 at a time), a typed 60, then 45 that would pass the budget: refused, said, not sent.
  const m = manon.page;
  await expect(m.getByTestId('votes.banner-remaining')).toHaveText('Encore 100 points à donner sur 100');
  await goVote(manon);
  await expect(m.getByTestId('votes.points-left')).toHaveText('Il vous reste 100 points sur 100');
  const add = pointsCard(m, 'Mobilité rurale').getByRole('button', {
    name: 'Ajouter 5 points à « Mobilité rurale »',
  });
  await add.click();
  await add.click();
  await expect(pointsCard(m, 'Mobilité rurale')).toHaveAttribute('data-points', '10');
  await pointsCard(m, 'Circuits courts').getByTestId('votes.points-input').fill('60');
  await pointsCard(m, 'Circuits courts').getByTestId('votes.points-input').press('Enter');
  await expect(m.getByTestId('votes.points-left')).toHaveText('Il vous reste 30 points sur 100');
  const logement = pointsCard(m, 'Logement des jeunes').getByTestId('votes.points-input');
  await logement.fill('45');
  await logement.press('Tab');
  await expect(pointsCard(m, 'Logement des jeunes').getByTestId('votes.points-error')).toHaveText(
    'Refusé : 45 points dépasseraient votre budget, 30 au plus ici.',
  );
  await expect(logement).toHaveAttribute('aria-invalid', 'true');
  await expect(logement).toHaveValue('45');
  await expect(pointsCard(m, 'Logement des jeunes')).toHaveAttribute('data-points', '0');
  await expect(m.getByTestId('votes.points-left')).toHaveText('Il vous reste 30 points sur 100');
  await logement.fill('30');
  await logement.press('Enter');
  await expect(pointsCard(m, 'Logement des jeunes')).toHaveAttribute('data-points', '30');
  await expect(pointsCard(m, 'Logement des jeunes').getByTestId('votes.points-error')).toHaveCount(0);
  await expect(m.getByTestId('votes.points-left')).toHaveText('Il vous reste 0 point sur 100');
  // With nothing left, "+" stays reachable and says why it does nothing.
  const full = pointsCard(m, 'Accès au numérique').getByTestId('votes.points-add');
  await expect(full).toHaveAttribute('aria-disabled', 'true');
  await full.focus();
  await m.keyboard.press('Enter');
  await expect(m.getByTestId('votes.notice')).toHaveText(/donné tous vos points/);
  await expect(pointsCard(m, 'Accès au numérique')).toHaveAttribute('data-points', '0');

  // Hugo, with the keyboard: types 50, Enter, then "+" once; types 40 for Mobilité rurale.
  const h = hugo.page;
  await goVote(hugo);
  const acces = pointsCard(h, 'Accès au numérique').getByTestId('votes.points-input');
  await expect(acces).toBeEditable();
  await acces.focus();
  await h.keyboard.press('ControlOrMeta+a');
  await h.keyboard.type('50');
  await h.keyboard.press('Enter');
  await expect(pointsCard(h, 'Accès au numérique')).toHaveAttribute('data-points', '50');
  await h.keyboard.press('Tab');
  await expect(pointsCard(h, 'Accès au numérique').getByTestId('votes.points-add')).toBeFocused();
  await h.keyboard.press('Enter');
  await expect(pointsCard(h, 'Accès au numérique')).toHaveAttribute('data-points', '55');
  const mobilite = pointsCard(h, 'Mobilité rurale').getByTestId('votes.points-input');
  await mobilite.focus();
  await h.keyboard.press('ControlOrMeta+a');
  await h.keyboard.type('40');
  await h.keyboard.press('Enter');
  await expect(h.getByTestId('votes.points-left')).toHaveText('Il vous reste 5 points sur 100');

  // The facilitator sees the points still to give, all voters together (never who gave what).
  await expect(round.getByTestId('votes.progress-points-left')).toHaveAttribute('data-value', '5');

  await round.getByTestId('votes.action-reveal').click();
  for (const page of [f, m, h]) {
    await expectRanking(page, [
      ['Circuits courts', '1'],
      ['Accès au numérique', '2'],
      ['Mobilité rurale', '3'],
      ['Logement des jeunes', '4'],
    ]);
    await expect(resultLine(page, 'Circuits courts').getByTestId('votes.result-total')).toHaveText(
      '60 points',
    );
    await expect(resultLine(page, 'Mobilité rurale').getByTestId('votes.result-total')).toHaveText(
      '50 points',
    );
  }

  for (const actor of [facilitator, manon, hugo]) await actor.context.close();
});

test('on a phone, the three ballots and their results fit the screen and can be used by touch', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const facilitator = await createWorkshop(browser);
  await seedIssues(facilitator.page);
  const phone = await touchActor(browser, PHONE);
  const p = phone.page;
  await p.goto('/');
  await p.getByTestId('home.join-code').fill(facilitator.joinCode);
  await p.getByTestId('home.join').tap();
  await expect(p.getByTestId('join.workshop-title')).not.toBeEmpty();
  await p.getByTestId('join.name').fill('Inès Moreau');
  await p.getByTestId('join.group').selectOption('resident');
  await p.getByTestId('join.submit').tap();
  await phone.board.expectConnected();

  const rounds = [
    { mode: 'judgment', title: 'Jugement sur téléphone' },
    { mode: 'points', title: 'Points sur téléphone' },
    { mode: 'ranking', title: 'Classement sur téléphone' },
  ] as const;
  for (const { mode, title } of rounds) {
    const round = await openNow(facilitator, await newRound(facilitator, mode), title);
    await expect(p.getByTestId('votes.banner')).toContainText(title);
    await p.getByTestId('votes.banner-go').tap();
    await expect(p.getByTestId('votes.ballot')).toHaveAttribute('data-mode', mode);
    await expect(p.getByTestId('votes.done')).toBeEnabled();
    await expectFitsSmallScreen(p, `${mode} ballot`);
    if (mode === 'judgment') {
      await gradeRow(p, 'Circuits courts').getByText('Très bien', { exact: true }).tap();
      await expect(gradeRow(p, 'Circuits courts')).toHaveAttribute('data-grade', '1');
    } else if (mode === 'points') {
      await pointsCard(p, 'Circuits courts').getByTestId('votes.points-add').tap();
      await expect(p.getByTestId('votes.points-left')).toHaveText('Il vous reste 95 points sur 100');
    } else {
      await p.getByRole('button', { name: 'Ajouter « Circuits courts » à mon classement' }).tap();
      await p.getByRole('button', { name: 'Ajouter « Mobilité rurale » à mon classement' }).tap();
      await expect.poll(() => myRanking(p)).toEqual(['Circuits courts', 'Mobilité rurale']);
      await expectFitsSmallScreen(p, 'ranking ballot, two ranked');
    }
    await round.getByTestId('votes.action-reveal').click();
    await expect(p.getByTestId('votes.results')).toHaveAttribute('data-mode', mode);
    await expect(resultLine(p, 'Circuits courts')).toHaveAttribute('data-rank', '1');
    await expectFitsSmallScreen(p, `${mode} results`);
    await p.getByTestId('votes.results-close').tap();
  }

  await facilitator.context.close();
  await phone.context.close();
});

/** Drags `from` onto `to` with the mouse, in small steps (dnd-kit starts a drag after a few pixels). */
async function mouseDrag(page: Page, from: Locator, to: Locator): Promise<void> {
  const start = await from.boundingBox();
  const end = await to.boundingBox();
  if (!start || !end) throw new Error('nothing to drag');
  const x = start.x + start.width / 2;
  const y = start.y + start.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x, y - 8, { steps: 4 });
  await page.mouse.move(x, end.y + end.height / 2, { steps: 12 });
  await page.mouse.up();
}
