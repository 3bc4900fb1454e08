import { expect, test } from '@playwright/test';
import { createWorkshop, joinWorkshop } from '../fixtures/actors';

test('the facilitator moves the room through the steps; participants follow, or browse when let free', async ({
  browser,
}) => {
  const facilitator = await createWorkshop(browser);
  const manon = await joinWorkshop(browser, facilitator.joinCode, { name: 'Manon Robert', group: 'staff' });
  const hugo = await joinWorkshop(browser, facilitator.joinCode, { name: 'Hugo Martin', group: 'resident' });
  const everyone = [facilitator, manon, hugo];
  const shownStep = (page: typeof manon.page) => page.getByTestId('board.main');

  // Six steps, everyone on the assessment.
  for (const actor of everyone) {
    await expect(actor.page.getByTestId('step-bar').getByRole('listitem')).toHaveCount(6);
    await expect(shownStep(actor.page)).toHaveAttribute('data-step', 'assessment');
  }

  // Hugo zooms in on the board; when he comes back to step 1 later, it is as he left it.
  const canvas = hugo.page.getByTestId('board.canvas');
  await hugo.page.getByTestId('board.zoom-in').click();
  await hugo.page.getByTestId('board.zoom-in').click();
  await expect(canvas).not.toHaveAttribute('data-zoom', '1.000');
  const hugoZoom = await canvas.getAttribute('data-zoom');

  // The facilitator moves the room: everyone's view follows, and participants are told.
  await facilitator.page.getByTestId('step.issues').click();
  for (const actor of everyone) await expect(shownStep(actor.page)).toHaveAttribute('data-step', 'issues');
  await expect(manon.page.getByTestId('toast').filter({ hasText: 'Enjeux prioritaires' })).toBeVisible();
  await expect(manon.page.getByTestId('step.issues')).toHaveAttribute('aria-current', 'step');
  // Moving on at once: the new step's toast replaces the last one, they do not pile up.
  await facilitator.page.getByTestId('step.axes').click();
  await expect(manon.page.getByTestId('toast').filter({ hasText: 'Axes stratégiques' })).toBeVisible();
  await expect(manon.page.getByTestId('toast').filter({ hasText: 'l’étape' })).toHaveCount(1);
  await facilitator.page.getByTestId('step.issues').click();
  await expect(manon.page.getByTestId('toast').filter({ hasText: 'Enjeux prioritaires' })).toBeVisible();
  await expect(manon.page.getByTestId('toast').filter({ hasText: 'l’étape' })).toHaveCount(1);

  // A participant cannot move on their own while the facilitator leads.
  await expect(manon.page.getByTestId('step.axes')).toHaveAttribute('aria-disabled', 'true');
  await manon.page.getByTestId('step.axes').dispatchEvent('click');
  await expect(shownStep(manon.page)).toHaveAttribute('data-step', 'issues');

  // Let free: Manon looks at step 1 again while the room stays on step 2, then comes back.
  await facilitator.page.getByTestId('step.free').click();
  await manon.page.getByTestId('step.assessment').click();
  await expect(shownStep(manon.page)).toHaveAttribute('data-step', 'assessment');
  await expect(manon.page.getByTestId('step.issues')).toContainText('la salle est ici');
  await expect(shownStep(hugo.page)).toHaveAttribute('data-step', 'issues');
  await manon.page.getByTestId('step.issues').click();
  await expect(shownStep(manon.page)).toHaveAttribute('data-step', 'issues');

  // A new step for the room brings a browsing participant along.
  await manon.page.getByTestId('step.assessment').click();
  await facilitator.page.getByTestId('step.axes').click();
  for (const actor of everyone) await expect(shownStep(actor.page)).toHaveAttribute('data-step', 'axes');

  // Back on step 1, Hugo's board is where he left it (not fitted again).
  await facilitator.page.getByTestId('step.assessment').click();
  await expect(shownStep(hugo.page)).toHaveAttribute('data-step', 'assessment');
  await expect(canvas).toHaveAttribute('data-zoom', hugoZoom ?? '');
  await facilitator.page.getByTestId('step.axes').click();

  // Free browsing ends: everyone is back on the room's step, and it survives a reload.
  await facilitator.page.getByTestId('step.free').click();
  await hugo.page.reload();
  await expect(shownStep(hugo.page)).toHaveAttribute('data-step', 'axes');
  await expect(hugo.page.getByTestId('step.axes')).toHaveAttribute('aria-current', 'step');
  // Arriving on the room's step is not the room moving on: no "passe à l’étape" toast.
  await expect(hugo.page.getByTestId('toast').filter({ hasText: 'l’étape' })).toHaveCount(0);
});

test('a workshop made from the action-plan sprint template has its four steps only', async ({ browser }) => {
  const facilitator = await createWorkshop(browser, { template: 'sprint' });
  const manon = await joinWorkshop(browser, facilitator.joinCode, { name: 'Manon Robert', group: 'staff' });
  for (const actor of [facilitator, manon]) {
    const bar = actor.page.getByTestId('step-bar');
    await expect(bar.getByRole('listitem')).toHaveCount(4);
    await expect(bar.getByTestId('step.assessment')).toHaveCount(0);
    await expect(actor.page.getByTestId('board.main')).toHaveAttribute('data-step', 'axes');
  }
});
