import { expect, type Locator, type Page, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from '../fixtures/a11y';
import { createWorkshop, joinWorkshop } from '../fixtures/actors';
import { setRoomStep } from '../fixtures/seed-plan';
import { PHONE } from '../fixtures/small-screen';

/** The facilitator's "Équilibre des collèges" panel, driven through its data-testids. */
class BalancePanel {
  constructor(readonly page: Page) {}

  get panel(): Locator {
    return this.page.getByTestId('balance.panel');
  }

  get toggle(): Locator {
    return this.page.getByTestId('balance.toggle');
  }

  row(group: string): Locator {
    return this.panel.locator(`[data-testid="balance.row"][data-group="${group}"]`);
  }

  alert(group: string): Locator {
    return this.panel.locator(`[data-testid="balance.alert"][data-group="${group}"]`);
  }

  get status(): Locator {
    return this.panel.getByRole('status');
  }
}

// A contribution reaches the panel with its next read: every 5 s, and the server's answer.
const NEXT_POLL = { timeout: 15_000 };

test('the facilitator sees each group here, and the alert for a silent group goes once one of it contributes', async ({
  browser,
}) => {
  // Three browsers, and waits for the panel's reads every 5 s.
  test.setTimeout(120_000);
  const facilitator = await createWorkshop(browser);
  const lea = await joinWorkshop(browser, facilitator.joinCode, { name: 'Léa Muller', group: 'elected' });
  const hugo = await joinWorkshop(browser, facilitator.joinCode, {
    name: 'Hugo Martinez',
    group: 'resident',
  });
  const { page } = facilitator;
  const balance = new BalancePanel(page);

  // Participants have no such panel.
  await expect(lea.page.getByTestId('balance.toggle')).toHaveCount(0);

  // Opened from the keyboard; its heading takes the focus.
  await balance.toggle.focus();
  await page.keyboard.press('Enter');
  await expect(balance.panel).toBeVisible();
  await expect(balance.panel.getByRole('heading', { name: 'Équilibre des collèges' })).toBeFocused();
  await expect(balance.panel.getByTestId('balance.step')).toHaveText('Diagnostic territorial');
  await expect(balance.panel.getByTestId('balance.round')).toHaveText('aucun pour l’instant');

  // Both groups here, nobody has contributed: an alert for each, in the announced region.
  for (const group of ['elected', 'resident']) {
    await expect(balance.row(group)).toHaveAttribute('data-members', '1');
    await expect(balance.row(group)).toHaveAttribute('data-here', '1');
    await expect(balance.row(group)).toHaveAttribute('data-contributed', '0');
    await expect(balance.row(group)).toHaveAttribute('data-silent', 'true');
  }
  await expect(balance.status).toHaveAttribute('aria-live', 'polite');
  await expect(balance.alert('elected')).toHaveText(
    'L’élu·e est présent·e mais n’a pas contribué à cette étape',
  );
  await expect(balance.alert('resident')).toHaveText(
    'L’habitant·e est présent·e mais n’a pas contribué à cette étape',
  );
  await expect(balance.status.getByTestId('balance.alert')).toHaveCount(2);
  // No vote round: no vote column.
  // (A soft hyphen lets "contribué" break in a narrow column.)
  await expect(balance.panel.getByRole('columnheader')).toHaveText([
    'Collège',
    'Présent·es',
    'Ont contri\u00adbué',
  ]);
  await expect(balance.row('elected').getByRole('rowheader')).toContainText('Élu·e');
  await expectNoSeriousA11yViolations(page, 'balance panel, two silent groups');
  await page.screenshot({ path: test.info().outputPath('balance-1280.png') });

  // Léa writes a note: the élu·es' alert goes, the habitant·es' stays.
  await lea.board.addNote('Pas de piste cyclable vers la gare');
  await expect(balance.alert('elected')).toHaveCount(0, NEXT_POLL);
  await expect(balance.row('elected')).toHaveAttribute('data-contributed', '1');
  await expect(balance.row('elected')).toHaveAttribute('data-silent', 'false');
  await expect(balance.alert('resident')).toBeVisible();
  await expect(balance.row('resident')).toHaveAttribute('data-silent', 'true');
  await expectNoSeriousA11yViolations(page, 'balance panel, one silent group');
  await page.screenshot({ path: test.info().outputPath('balance-after-note-1280.png') });

  // The room moves on: the new step's balance at once, where Léa has not contributed yet.
  await setRoomStep(page, 'issues');
  await expect(balance.panel.getByTestId('balance.step')).toHaveText('Enjeux prioritaires');
  await expect(balance.alert('elected')).toBeVisible();
  await expect(balance.row('elected')).toHaveAttribute('data-contributed', '0');

  // Hugo leaves: the habitant·es are not here any more, so not silent either.
  await hugo.context.close();
  await expect(balance.row('resident')).toHaveAttribute('data-here', '0');
  await expect(balance.alert('resident')).toHaveCount(0);
  await expect(balance.alert('elected')).toBeVisible();

  // On a phone's width the panel covers the board, still readable.
  await page.setViewportSize(PHONE);
  await expect(balance.panel).toBeVisible();
  const overflow = await balance.panel.evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: test.info().outputPath('balance-390.png') });
  await page.setViewportSize({ width: 1280, height: 800 });

  // Escape closes it, the focus back on its button; the panel asks the server nothing more.
  await balance.panel.getByRole('heading', { name: 'Équilibre des collèges' }).focus();
  await page.keyboard.press('Escape');
  await expect(balance.panel).toHaveCount(0);
  await expect(balance.toggle).toBeFocused();
  let reads = 0;
  page.on('request', (request) => {
    if (request.url().includes('/participation?')) reads++;
  });
  await page.waitForTimeout(6_000);
  expect(reads).toBe(0);

  for (const actor of [facilitator, lea]) await actor.context.close();
});
