import { expect, type Page, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from '../fixtures/a11y';
import { createWorkshop } from '../fixtures/actors';

const workshopIdOf = (page: Page) => new URL(page.url()).pathname.split('/').pop() ?? '';

test('a facilitator finds the workshops they created on the home page, opens one, forgets another; another browser sees none until given a facilitator link', async ({
  browser,
}) => {
  const facilitator = await createWorkshop(browser, {
    title: 'Diagnostic mobilités',
    territory: 'Val de Loue',
    kind: 'epci',
    template: 'assessment',
  });
  const { page } = facilitator;
  const firstId = workshopIdOf(page);

  // Back home, the facilitator lands on their list; "Nouvel atelier" makes a second workshop.
  await page.goto('/');
  const cards = page.getByTestId('home.workshop');
  await expect(cards).toHaveCount(1);
  await expect(page.getByTestId('home.title')).toHaveCount(0);
  await page.getByTestId('home.new').click();
  await expect(page.getByTestId('home.new')).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByTestId('home.title')).toBeFocused();
  await page.getByTestId('home.title').fill('Plan d’actions vélo');
  await page.getByTestId('home.territory-name').fill('Besançon');
  await page.getByTestId('home.territory-kind').selectOption('municipality');
  await page.getByTestId('home.facilitator-name').fill('Camille');
  await page.getByTestId('home.template').selectOption('sprint');
  await page.getByTestId('home.create').click();
  await expect(page).toHaveURL(/\/w\/[^/#]+$/);
  await expect(page.getByTestId('share.panel')).toBeVisible();
  await facilitator.board.expectConnected();
  const secondId = workshopIdOf(page);
  expect(secondId).not.toBe(firstId);

  // Both listed, newest first, with their territory, steps and dates.
  await page.goto('/');
  await expect(cards).toHaveCount(2);
  await expect(cards.nth(0)).toHaveAttribute('data-id', secondId);
  await expect(cards.nth(1)).toHaveAttribute('data-id', firstId);
  await expect(cards.nth(0).getByTestId('home.workshop.open')).toHaveText('Plan d’actions vélo');
  await expect(cards.nth(0)).toContainText('Besançon · Commune');
  await expect(cards.nth(0)).toContainText('Axes stratégiques');
  await expect(cards.nth(0)).toContainText('Suivi et évaluation');
  await expect(cards.nth(1).getByTestId('home.workshop.open')).toHaveText('Diagnostic mobilités');
  await expect(cards.nth(1)).toContainText('Val de Loue · Intercommunalité (EPCI)');
  await expect(cards.nth(1)).toContainText('Diagnostic territorial');
  await expect(cards.nth(1)).toContainText('Enjeux prioritaires');
  await expect(cards.nth(1)).not.toContainText('Axes stratégiques');
  await expect(cards.nth(1)).toContainText('Créé le');
  await expect(cards.nth(1)).toContainText('Dernière ouverture');
  await expectNoSeriousA11yViolations(page, 'the facilitator’s home');

  // The first one on the list opens as facilitator: the facilitator's bar is there.
  await cards.nth(0).getByTestId('home.workshop.open').click();
  await expect(page).toHaveURL(new RegExp(`/w/${secondId}$`));
  await facilitator.board.expectConnected();
  await expect(page.getByRole('region', { name: 'Outils d’animation' })).toBeVisible();
  await expect(page.getByTestId('header.you')).toHaveAttribute('data-role', 'facilitator');

  // Forgetting the other one asks first, and says the workshop itself stays.
  await page.goto('/');
  const forget = cards.nth(1).getByTestId('home.workshop.forget');
  await expect(forget).toHaveAccessibleName(/^Oublier «\s*Diagnostic mobilités\s*» sur ce navigateur$/);
  await forget.click();
  const dialog = page.getByTestId('home.forgetConfirm');
  await expect(dialog).toContainText('L’atelier n’est pas supprimé');
  await expectNoSeriousA11yViolations(page, 'forgetting a workshop');
  await dialog.getByTestId('confirm.ok').click();
  await expect(dialog).toHaveCount(0);
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toHaveAttribute('data-id', secondId);
  await expect(cards.first().getByTestId('home.workshop.open')).toBeFocused();
  await page.reload();
  await expect(cards).toHaveCount(1);
  // Only forgotten here: its code still opens it for participants.
  expect((await page.request.get(`/api/join/${facilitator.joinCode}`)).status()).toBe(200);

  // Another browser has no workshop: the empty home says how to create one or paste a link.
  const other = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 800 } });
  const elsewhere = await other.newPage();
  await elsewhere.goto('/');
  await expect(elsewhere.getByTestId('home.empty')).toBeVisible();
  await expect(elsewhere.getByTestId('home.link')).toBeVisible();
  await expect(elsewhere.getByTestId('home.create')).toBeVisible();
  await expect(elsewhere.getByTestId('home.workshop')).toHaveCount(0);
  await expectNoSeriousA11yViolations(elsewhere, 'the empty home');

  // A facilitator link given to this browser (made through the API, as a script would) opens
  // the workshop as facilitator from the empty home, which lists it from then on.
  const created = await elsewhere.request.post('/api/workshops', {
    data: { title: 'Atelier partagé', territory: { name: 'Ornans', kind: 'municipality' }, locale: 'fr' },
  });
  expect(created.status()).toBe(201);
  const { id: sharedId, links } = (await created.json()) as { id: string; links: { facilitator: string } };
  await elsewhere.getByTestId('home.link').fill('pas un lien');
  await elsewhere.getByTestId('home.link-open').click();
  await expect(elsewhere.getByRole('alert')).toContainText('Ce n’est pas un lien d’animation');
  await elsewhere.getByTestId('home.link').fill(links.facilitator);
  await elsewhere.getByTestId('home.link-open').click();
  await expect(elsewhere).toHaveURL(new RegExp(`/w/${sharedId}$`));
  await expect(elsewhere.getByRole('region', { name: 'Outils d’animation' })).toBeVisible();
  await elsewhere.goto('/');
  await expect(elsewhere.getByTestId('home.workshop')).toHaveCount(1);
  await expect(elsewhere.getByTestId('home.workshop.open')).toHaveText('Atelier partagé');

  await other.close();
  await facilitator.context.close();
});
