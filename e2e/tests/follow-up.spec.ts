import { addNote, assignNote, attachIssue, createCluster, setActionProgress } from '@atelier/shared';
import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from '../fixtures/a11y';
import { createWorkshop } from '../fixtures/actors';
import { seedBoard } from '../fixtures/seed-board';
import { seedPlan } from '../fixtures/seed-plan';
import { PHONE, touchActor } from '../fixtures/small-screen';

/** The facilitator's workshop id and token, as their page holds them. */
async function session(page: import('@playwright/test').Page) {
  const workshopId = /\/w\/([^/#?]+)/.exec(new URL(page.url()).pathname)?.[1] ?? '';
  const token = await page.evaluate(
    (id) =>
      (JSON.parse(localStorage.getItem(`atelier:session:${id}`) ?? '{}') as { token?: string }).token ?? '',
    workshopId,
  );
  return { workshopId, token };
}

test('a participant follows their note on a phone: issue, axis, action and where it stands, without JavaScript', async ({
  browser,
}) => {
  const facilitator = await createWorkshop(browser, {
    title: 'Stratégie mobilités',
    territory: 'Val de Loue',
  });
  const { page } = facilitator;
  let issue = '';
  await seedBoard(page, (doc) => {
    const notes = [
      'Plus de bus le soir',
      'Des pistes cyclables entre villages',
      'Un tiers-lieu au bourg',
    ].map((text, i) => addNote(doc, { text, x: 60 + i * 240, y: 80, author: 'seed' }));
    issue = createCluster(doc, { title: 'Mobilité du quotidien', x: 60, y: 360 });
    assignNote(doc, notes[0] ?? '', issue);
  });
  const ids = await seedPlan(page, {
    axes: [
      {
        title: 'Un territoire accessible',
        sheets: [{ title: 'Transport à la demande', status: 'validated' }],
      },
    ],
  });
  await seedBoard(page, (doc) => {
    attachIssue(doc, issue, ids['Un territoire accessible'] ?? '');
    setActionProgress(doc, ids['Transport à la demande'] ?? '', 'in-progress');
  });

  // Published by the facilitator (PUT …/follow-up): an unlisted link.
  const { workshopId, token } = await session(page);
  const published = await page.request.put(`/api/workshops/${workshopId}/follow-up`, {
    headers: { authorization: `Bearer ${token}` },
    data: { showNames: false },
  });
  expect(published.status()).toBe(200);
  const { url } = (await published.json()) as { url: string };

  // A participant opens it on a phone with JavaScript off: it is plain HTML.
  const phone = await touchActor(browser, PHONE);
  const context = await browser.newContext({
    viewport: PHONE,
    isMobile: true,
    hasTouch: true,
    javaScriptEnabled: false,
    locale: 'fr-FR',
  });
  const reader = await context.newPage();
  await reader.goto(url);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(
    'Ce que sont devenues les contributions',
  );
  await expect(reader.getByRole('heading', { name: 'Les actions décidées' })).toBeVisible();
  await expect(reader.getByText('3 contributions')).toBeVisible();

  // Finding her note by a few words, through the form (a GET: no script needed).
  await reader.getByLabel('Retrouver une contribution').fill('bus');
  await reader.getByRole('button', { name: 'Chercher' }).click();
  await expect(reader.getByText('1 contribution pour « bus »')).toBeVisible();
  const note = reader.getByRole('listitem').filter({ hasText: 'Plus de bus le soir' });
  await expect(note).toContainText('Enjeu : Mobilité du quotidien');
  await expect(note).toContainText('Axe stratégique : Un territoire accessible');
  await expect(note).toContainText('Action : Transport à la demande Avancement : En cours');
  await expect(reader.getByText('Des pistes cyclables')).toHaveCount(0);

  // Fits the phone: no sideways scrolling.
  const overflow = await reader.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await reader.screenshot({ path: test.info().outputPath('follow-up-phone.png'), fullPage: true });

  // Accessible (axe needs script: the same page in a context that runs it).
  await phone.page.goto(`${url}?q=bus`);
  await expectNoSeriousA11yViolations(phone.page, 'follow-up page (phone)');

  // Taken down: the link shows nothing any more.
  await page.request.delete(`/api/workshops/${workshopId}/follow-up`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const gone = await reader.goto(url);
  expect(gone?.status()).toBe(404);
  await expect(reader.getByText('Plus de bus le soir')).toHaveCount(0);
  await context.close();
  await phone.context.close();
  await facilitator.context.close();
});
