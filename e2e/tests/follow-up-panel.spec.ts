import { addNote } from '@atelier/shared';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from '../fixtures/a11y';
import { createWorkshop } from '../fixtures/actors';
import { seedBoard } from '../fixtures/seed-board';
import { seedPlan } from '../fixtures/seed-plan';
import { PHONE } from '../fixtures/small-screen';

/** The facilitator's "Page de suivi publique" panel, driven through its data-testids. */
class FollowUpPanel {
  constructor(readonly page: Page) {}

  get panel(): Locator {
    return this.page.getByTestId('followUp.panel');
  }

  /** Its way in, at the end of the share panel. */
  get entry(): Locator {
    return this.page.getByTestId('share.panel').getByTestId('followUp.toggle');
  }

  get state(): Locator {
    return this.panel.getByTestId('followUp.state');
  }

  get link(): Locator {
    return this.panel.getByTestId('followUp.link');
  }

  /** Sends a status CSV through the file input, as a spreadsheet saved it. */
  async importCsv(name: string, text: string): Promise<void> {
    await this.panel.getByTestId('followUp.import.file').setInputFiles({
      name,
      mimeType: 'text/csv',
      buffer: Buffer.from(`\uFEFF${text}`, 'utf8'),
    });
  }
}

test('the facilitator publishes the follow-up page from the panel, a phone opens its link, progress comes from a CSV, and the page is taken down', async ({
  browser,
}) => {
  const facilitator = await createWorkshop(browser, { title: 'Stratégie mobilités' });
  const { page } = facilitator;
  await seedBoard(page, (doc) => {
    addNote(doc, { text: 'Plus de bus le soir', x: 60, y: 80, author: 'seed' });
  });
  await seedPlan(page, {
    axes: [
      {
        title: 'Un territoire accessible',
        sheets: [{ title: 'Transport à la demande', status: 'validated' }, { title: 'Navette des marchés' }],
      },
    ],
  });
  const followUp = new FollowUpPanel(page);

  // Opened from the share panel (open once the workshop is created), with the keyboard: not
  // published, no names by default.
  await expect(followUp.entry).toBeVisible();
  await followUp.entry.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('share.panel')).toHaveCount(0);
  await expect(followUp.panel.getByRole('heading', { name: 'Page de suivi publique' })).toBeFocused();
  await expect(followUp.state).toHaveText('Non publiée');
  const names = followUp.panel.getByRole('checkbox', { name: 'Afficher les noms des auteur·rices' });
  await expect(names).not.toBeChecked();
  await expect(followUp.panel.getByText('Désactivé par défaut')).toBeVisible();
  await expect(followUp.panel.getByTestId('followUp.import.format')).toContainText('« avancement »');
  await expectNoSeriousA11yViolations(page, 'follow-up panel, not published');

  // Published with Enter; the focus goes to the link, which the panel shows whole, with its QR code.
  await followUp.panel.getByTestId('followUp.publish').press('Enter');
  await expect(followUp.state).toHaveAttribute('data-published', 'true');
  await expect(followUp.state).toContainText('Publiée le');
  await expect(followUp.link).toBeFocused();
  const url = ((await followUp.link.textContent()) ?? '').trim();
  expect(url).toMatch(/^https?:\/\/[^/]+\/suivi\/[A-Za-z0-9_-]{16,}$/);
  await expect(followUp.panel.getByTestId('followUp.open')).toHaveAttribute('href', url);
  await expect(followUp.panel.getByTestId('followUp.qr').locator('.qr')).toHaveAttribute('data-url', url);
  await expect(followUp.panel.getByTestId('followUp.qr').locator('svg')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'follow-up panel, published');
  await page.screenshot({ path: test.info().outputPath('follow-up-1280.png') });

  // A participant opens the link on a phone: the server's page.
  const phone = await browser.newContext({
    viewport: PHONE,
    isMobile: true,
    hasTouch: true,
    locale: 'fr-FR',
  });
  const reader = await phone.newPage();
  await reader.goto(url);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(
    'Ce que sont devenues les contributions',
  );
  await expect(reader.getByText('Plus de bus le soir')).toBeVisible();
  const transport = reader.getByRole('listitem').filter({ hasText: 'Transport à la demande' }).first();
  await expect(transport).toContainText('Avancement : Validée');

  // A file with mistakes is refused whole, each problem with its line.
  await followUp.importCsv(
    'avancements.csv',
    'titre;avancement\nTransport à la demande;presque fini\nNavette inconnue;en cours\n',
  );
  const problems = followUp.panel.getByTestId('followUp.import.problem');
  await expect(problems).toHaveCount(2);
  await expect(problems.nth(0)).toHaveAttribute('data-line', '2');
  await expect(problems.nth(0)).toContainText('« presque fini » n’est pas un avancement connu');
  await expect(problems.nth(1)).toHaveAttribute('data-line', '3');
  await expect(problems.nth(1)).toContainText('Aucune fiche action ne s’intitule « Navette inconnue »');
  await expect(followUp.panel.getByTestId('followUp.import.problems')).toContainText('rien n’a été modifié');
  // Below the fold of the panel, the refusal is brought into view by itself.
  await expect(followUp.panel.getByTestId('followUp.import.problems')).toBeInViewport({ ratio: 0.95 });
  await expectNoSeriousA11yViolations(page, 'follow-up panel, a refused CSV');
  await page.screenshot({ path: test.info().outputPath('follow-up-refused-1280.png') });

  // The corrected file: both sheets updated, and the page shows it.
  await followUp.importCsv(
    'avancements.csv',
    'titre;avancement\nTransport à la demande;en cours\nNavette des marchés;à venir\n',
  );
  await expect(followUp.panel.getByTestId('followUp.import.result')).toHaveText('2 fiches mises à jour');
  await expect(problems).toHaveCount(0);
  await reader.reload();
  await expect(
    reader.getByRole('listitem').filter({ hasText: 'Transport à la demande' }).first(),
  ).toContainText('Avancement : En cours');

  // Names shown, then hidden again: the link stays the same.
  await names.check();
  await expect(followUp.panel.getByTestId('followUp.done')).toHaveText(
    'Les noms des auteur·rices sont affichés sur la page.',
  );
  await expect(names).toBeChecked();
  await names.uncheck();
  await expect(followUp.panel.getByTestId('followUp.done')).toHaveText(
    'Les noms des auteur·rices ne sont plus affichés.',
  );
  await expect(followUp.link).toHaveText(url);

  // On a phone's width the panel covers the board, nothing cut off sideways.
  await page.setViewportSize(PHONE);
  const overflow = await followUp.panel.evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: test.info().outputPath('follow-up-390.png') });
  await followUp.panel.getByTestId('followUp.import.outcome').scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('follow-up-390-import.png') });
  await page.setViewportSize({ width: 1280, height: 800 });

  // Taken down after a confirmation whose safe answer has the focus; the link answers 404.
  await followUp.panel.getByTestId('followUp.takeDown').click();
  const confirm = page.getByTestId('followUp.confirm');
  await expect(confirm).toBeVisible();
  await expect(confirm.getByTestId('confirm.cancel')).toBeFocused();
  await confirm.getByTestId('confirm.ok').click();
  await expect(followUp.state).toHaveText('Non publiée');
  await expect(followUp.state).toHaveAttribute('data-published', 'false');
  await expect(followUp.panel.getByTestId('followUp.publish')).toBeFocused();
  await expect(followUp.link).toHaveCount(0);
  const gone = await reader.goto(url);
  expect(gone?.status()).toBe(404);
  await expect(reader.getByText('Plus de bus le soir')).toHaveCount(0);

  // Escape closes the panel, the focus back on "Partager", whose panel led here.
  await page.keyboard.press('Escape');
  await expect(followUp.panel).toHaveCount(0);
  await expect(page.getByTestId('share.toggle')).toBeFocused();

  await phone.close();
  await facilitator.context.close();
});
