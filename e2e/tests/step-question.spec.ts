import { readFile } from 'node:fs/promises';
import type { Strategy } from '@atelier/shared';
import { expect, type Page, test } from '@playwright/test';
import { createWorkshop, joinWorkshop } from '../fixtures/actors';

const QUESTION = 'Quels constats sur les mobilités ?';

/** The facilitator writes the question of the step shown, in place, and ends with `key`. */
async function writeQuestion(page: Page, text: string, end: 'Enter' | 'Escape' | 'Tab'): Promise<void> {
  await page.getByTestId('step.question-edit').click();
  const input = page.getByTestId('step.question-input');
  await expect(input).toBeFocused();
  await input.fill(text);
  await input.press(end);
  await expect(input).toHaveCount(0);
}

test('the facilitator puts a question to the room: participants and the projector show it, the JSON export carries it', async ({
  browser,
}) => {
  const facilitator = await createWorkshop(browser);
  const manon = await joinWorkshop(browser, facilitator.joinCode, { name: 'Manon Robert', group: 'staff' });
  const f = facilitator.page;
  const m = manon.page;

  // No question yet: participants see nothing, the facilitator the way to add one.
  await expect(m.getByTestId('step.question')).toHaveCount(0);
  await expect(f.getByTestId('step.question-edit')).toHaveAccessibleName(
    'Ajouter une question pour la salle',
  );

  // Enter saves; the participant sees it at the top of the step, in a named region.
  await writeQuestion(f, QUESTION, 'Enter');
  const region = m.getByRole('region', { name: 'Question pour la salle' });
  await expect(region.getByTestId('step.question-text')).toHaveText(QUESTION);
  await expect(region.getByTestId('step.question-text')).toHaveAttribute('aria-live', 'polite');
  await expect(m.getByTestId('step.question-edit')).toHaveCount(0);

  // Escape cancels; leaving the field saves.
  await writeQuestion(f, 'Une autre question ?', 'Escape');
  await expect(f.getByTestId('step.question-text')).toHaveText(QUESTION);
  await expect(region.getByTestId('step.question-text')).toHaveText(QUESTION);
  await writeQuestion(f, 'Quels constats sur les mobilités du quotidien ?', 'Tab');
  await expect(region.getByTestId('step.question-text')).toHaveText(
    'Quels constats sur les mobilités du quotidien ?',
  );
  await writeQuestion(f, QUESTION, 'Enter');
  await expect(region.getByTestId('step.question-text')).toHaveText(QUESTION);

  // Each step has its own: the next step has none until the facilitator writes one.
  await f.getByTestId('step.issues').click();
  await expect(m.getByTestId('step.question')).toHaveCount(0);
  await f.getByTestId('step.assessment').click();
  await expect(region.getByTestId('step.question-text')).toHaveText(QUESTION);

  // The room's screen shows it, without the editing button.
  await f.getByTestId('projector.open').click();
  await expect(f.getByTestId('board')).toHaveAttribute('data-projector', 'true');
  await expect(f.getByTestId('step.question-text')).toHaveText(QUESTION);
  await expect(f.getByTestId('step.question-edit')).toHaveCount(0);
  await f.keyboard.press('Escape');
  await expect(f.getByTestId('board')).toHaveAttribute('data-projector', 'false');

  // The JSON export carries it with the step.
  await f.getByTestId('export.toggle').click();
  const [download] = await Promise.all([
    f.waitForEvent('download'),
    f.getByTestId('export.download-json').click(),
  ]);
  const strategy = JSON.parse(await readFile(await download.path(), 'utf8')) as Strategy;
  expect(strategy.workshop.questions).toEqual({ assessment: QUESTION });

  // An empty question clears it for everyone.
  await writeQuestion(f, '', 'Enter');
  await expect(m.getByTestId('step.question')).toHaveCount(0);
  await expect(f.getByTestId('step.question-edit')).toHaveAccessibleName(
    'Ajouter une question pour la salle',
  );

  for (const actor of [facilitator, manon]) await actor.context.close();
});
