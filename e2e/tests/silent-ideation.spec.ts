import { expect, test } from '@playwright/test';
import { createWorkshop, joinWorkshop } from '../fixtures/actors';

test('silent ideation hides a participant’s notes from the others until the facilitator reveals them all at once', async ({
  browser,
}) => {
  const facilitator = await createWorkshop(browser);
  const manon = await joinWorkshop(browser, facilitator.joinCode, { name: 'Manon Robert', group: 'staff' });
  const hugo = await joinWorkshop(browser, facilitator.joinCode, { name: 'Hugo Martin', group: 'resident' });

  await facilitator.page.getByTestId('silent.start').click();
  for (const actor of [facilitator, manon, hugo])
    await expect(actor.page.getByTestId('silent.bar')).toBeVisible();
  await expect(manon.page.getByTestId('silent.bar')).toContainText('restent privées jusqu’à la révélation');

  // A draft written by mistake is taken back with Ctrl+Z, like any board change: its typing
  // (one undo step, or more when the keys came slowly), then the note, its own step.
  const mistake = await manon.board.addNote('Brouillon à reprendre');
  await expect(manon.board.note(mistake).getByTestId('note.draft')).toBeVisible();
  await manon.page.keyboard.press('Escape');
  await manon.page.keyboard.press('Control+z');
  await expect(manon.board.note(mistake)).toHaveCount(1);
  await expect(async () => {
    await manon.page.keyboard.press('Control+z');
    await expect(manon.board.note(mistake)).toHaveCount(0, { timeout: 1000 });
  }).toPass();

  const text = 'Une maison France services itinérante';
  const id = await manon.board.addNote(text);
  await expect(manon.board.note(id).getByTestId('note.draft')).toBeVisible();

  // The facilitator sees how many Manon wrote (the server has her draft), never its text.
  const manonCount = facilitator.page
    .getByTestId('silent.count')
    .filter({ hasText: 'Manon Robert' })
    .getByTestId('silent.count.value');
  await expect(manonCount).toHaveText('1');
  await expect(facilitator.page.getByTestId('silent.summary')).toHaveText(
    '1 sur 2 a écrit · 1 contribution privée',
  );
  for (const other of [facilitator, hugo]) {
    await expect(other.board.note(id)).toHaveCount(0);
    await expect(other.board.noteWithText(text)).toHaveCount(0);
  }

  await facilitator.page.getByTestId('silent.reveal').click();
  for (const actor of [facilitator, hugo, manon]) {
    await expect(actor.board.note(id).getByTestId('note.text')).toHaveText(text);
    await expect(actor.board.note(id).getByTestId('note.draft')).toHaveCount(0);
    await expect(actor.page.getByTestId('silent.bar')).toHaveCount(0);
  }
  await expect(hugo.board.note(id).getByTestId('note.author')).toContainText('Manon Robert');

  for (const actor of [facilitator, manon, hugo]) await actor.context.close();
});

test('in a room of more than twelve, the facilitator’s silent bar says how many have written and opens the per-person list on demand', async ({
  browser,
}) => {
  const facilitator = await createWorkshop(browser);
  const { request } = facilitator.page;
  const preview = await request.get(`/api/join/${facilitator.joinCode}`);
  const noticeVersion = ((await preview.json()) as { privacy: { version: string } }).privacy.version;
  // Thirteen participants join through the API (the room's size is what matters here).
  for (let n = 1; n <= 13; n++) {
    const joined = await request.post('/api/join', {
      data: { code: facilitator.joinCode, name: `Personne ${n}`, group: 'resident', noticeVersion },
    });
    expect(joined.status()).toBe(201);
  }
  const f = facilitator.page;
  await f.getByTestId('silent.start').click();
  await expect(f.getByTestId('silent.summary')).toHaveText('0 sur 13 a écrit · 0 contribution privée');
  const toggle = f.getByTestId('silent.counts-toggle');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(f.getByTestId('silent.count')).toHaveCount(0);
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(f.getByTestId('silent.count')).toHaveCount(13);
  await toggle.click();
  await expect(f.getByTestId('silent.count')).toHaveCount(0);
  await facilitator.context.close();
});
