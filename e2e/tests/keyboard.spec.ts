import { createCluster } from '@atelier/shared';
import { expect, test } from '@playwright/test';
import { createWorkshop } from '../fixtures/actors';
import { BoardPage } from '../fixtures/board-page';
import { tabTo } from '../fixtures/keyboard';
import { seedBoard } from '../fixtures/seed-board';
import { setRoomStep } from '../fixtures/seed-plan';
import { ballotCard as card, newRound, openNow } from '../fixtures/votes';

const ISSUES = ['Mobilité rurale', 'Accès au numérique', 'Logement des jeunes'];

test('a participant joins, posts a themed note, votes and reads the results with the keyboard alone', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const facilitator = await createWorkshop(browser);
  const f = facilitator.page;

  // The participant never touches the mouse: the code, the name and the group by keyboard.
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 800 } });
  const p = await context.newPage();
  const board = new BoardPage(p);
  await p.goto('/');
  await tabTo(p, p.getByTestId('home.join-code'));
  await p.keyboard.type(facilitator.joinCode.toLowerCase());
  await p.keyboard.press('Enter');
  await expect(p.getByTestId('join.workshop-title')).not.toBeEmpty();
  await tabTo(p, p.getByTestId('join.name'));
  await p.keyboard.type('Manon Robert');
  await tabTo(p, p.getByTestId('join.group'));
  await p.keyboard.press('ArrowDown');
  await expect(p.getByTestId('join.group')).not.toHaveValue('');
  await tabTo(p, p.getByTestId('join.submit'));
  await p.keyboard.press('Enter');
  await expect(p).toHaveURL(/\/w\/[^/#]+$/);
  await board.expectConnected();

  // A note: "N" opens a new one in edit mode; its text is typed, Escape leaves the editor
  // with the focus on the note, and Tab reaches its theme menu.
  await p.keyboard.press('n');
  const editor = p.locator('textarea[data-testid="note.text"]');
  await expect(editor).toBeFocused();
  await p.keyboard.type('Pas de bus après 19 h');
  await p.keyboard.press('Escape');
  const note = board.noteWithText('Pas de bus après 19 h');
  await expect(note).toBeFocused();
  await tabTo(p, note.getByTestId('note.theme'));
  await p.keyboard.press('Enter');
  const menu = p.getByRole('menu', { name: 'Thématiques' });
  await expect(menu.getByRole('menuitemradio').first()).toBeFocused();
  await p.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitemradio', { name: 'Services numériques' })).toBeFocused();
  await p.keyboard.press('Enter');
  await expect(note).toHaveAttribute('data-theme', 'digital');
  await expect(f.locator('[data-testid="note"][data-theme="digital"]')).toContainText(
    'Pas de bus après 19 h',
  );
  // The focus is not lost: it comes back to the note's theme button.
  await expect(note.getByTestId('note.theme')).toBeFocused();

  // The room moves to step 2 with the issues, and the facilitator opens a dot vote.
  await seedBoard(f, (doc) => {
    ISSUES.forEach((title, i) => {
      createCluster(doc, { title, x: 40 + i * 320, y: 40 });
    });
  });
  await setRoomStep(f, 'issues');
  await openNow(facilitator, await newRound(facilitator), 'Nos priorités');

  // The participant Tabs to the banner's button, then to the issues' "+" buttons.
  await tabTo(p, p.getByTestId('votes.banner-go'));
  await p.keyboard.press('Enter');
  await expect(p.getByTestId('votes.ballot')).toBeVisible();
  await tabTo(p, card(p, 'Logement des jeunes').getByRole('button', { name: /Ajouter une gommette/ }));
  await p.keyboard.press('Enter');
  await p.keyboard.press('Enter');
  await expect(card(p, 'Logement des jeunes')).toHaveAttribute('data-dots', '2');
  await tabTo(p, card(p, 'Mobilité rurale').getByRole('button', { name: /Ajouter une gommette/ }), {
    backwards: true,
  });
  await p.keyboard.press('Space');
  await expect(card(p, 'Mobilité rurale')).toHaveAttribute('data-dots', '1');
  await expect(p.getByTestId('votes.remaining')).toHaveAttribute('data-remaining', '2');
  await tabTo(p, p.getByRole('button', { name: 'J’ai terminé' }));
  await p.keyboard.press('Enter');
  await expect(p.getByTestId('votes.done')).toHaveAttribute('aria-pressed', 'true');
  await expect(f.locator('[data-testid="votes.voter"][data-name="Manon Robert"]')).toHaveAttribute(
    'data-status',
    'done',
  );

  // The reveal replaces the ballot by the results: the focus goes to their title, and the
  // ranking reads as an ordered list of the issues, first the one with two dots.
  await f.getByTestId('votes.action-reveal').click();
  const results = p.getByRole('region', { name: 'Nos priorités' });
  await expect(results.getByRole('heading', { name: 'Nos priorités' })).toBeFocused();
  const ranking = results.getByRole('list', { name: 'Classement' }).getByRole('listitem');
  await expect(ranking).toHaveCount(3);
  await expect(ranking.nth(0)).toContainText('Logement des jeunes');
  await expect(ranking.nth(0)).toContainText('2 gommettes');
  await expect(ranking.nth(1)).toContainText('Mobilité rurale');
  // And the way back to the board is the next stop.
  await tabTo(p, p.getByTestId('votes.results-close'), { max: 3 });
  await p.keyboard.press('Enter');
  await expect(p.getByTestId('issues.step')).toBeVisible();

  await context.close();
  await facilitator.context.close();
});
