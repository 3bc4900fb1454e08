import { type APIRequestContext, type Browser, expect, type Page, test } from '@playwright/test';

const TITLE = 'Mobilités du Haut-Doubs';

/** A workshop whose facilitator has since issued a new code: the old link is dead. */
async function workshopWithNewCode(request: APIRequestContext) {
  const created = await request.post('/api/workshops', {
    data: { title: TITLE, territory: { name: 'Haut-Doubs', kind: 'epci' }, locale: 'fr' },
  });
  expect(created.status()).toBe(201);
  const workshop = (await created.json()) as { id: string; joinCode: string; facilitatorToken: string };
  const rotated = await request.post(`/api/workshops/${workshop.id}/join-code`, {
    headers: { authorization: `Bearer ${workshop.facilitatorToken}` },
  });
  expect(rotated.status()).toBe(200);
  const { joinCode } = (await rotated.json()) as { joinCode: string };
  return { id: workshop.id, oldCode: workshop.joinCode, newCode: joinCode };
}

async function pageIn(browser: Browser, locale: string): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width: 390, height: 844 } });
  return context.newPage();
}

/** The wrong-link card: its kind, heading and what to do. */
async function expectWrongLink(page: Page, kind: string, heading: string, todo: string, focused = true) {
  const card = page.getByTestId('wrongLink');
  await expect(card).toHaveAttribute('data-kind', kind);
  await expect(card.getByRole('heading', { level: 1 })).toHaveText(heading);
  await expect(page.getByTestId('wrongLink.todo')).toHaveText(todo);
  // Freshly opened, the code field has the focus (not after a click elsewhere, e.g. the language).
  if (focused) await expect(page.getByTestId('home.join-code')).toBeFocused();
}

const TODO_FR = 'Demandez à l’animateur·rice le code actuel de l’atelier, puis saisissez-le ci-dessous.';
const TODO_EN = 'Ask the facilitator for the workshop’s current code, then type it below.';

test('a participant on an old or wrong link reads what happened and what to do in their language, and gets in with the current code', async ({
  browser,
  request,
}) => {
  const workshop = await workshopWithNewCode(request);

  // A French phone opens the old link: the code was replaced, ask for the new one.
  const fr = await pageIn(browser, 'fr-FR');
  await fr.goto(`/join/${workshop.oldCode}`);
  await expectWrongLink(fr, 'unknownCode', 'Ce code n’ouvre plus d’atelier', TODO_FR);
  await expect(fr.getByTestId('join.error')).toHaveText(
    `Aucun atelier ne correspond au code « ${workshop.oldCode} » : l’animateur·rice l’a peut-être remplacé par un nouveau code, ou il a été mal recopié.`,
  );
  // The new code, typed as it is read aloud (lower case, a space), opens the workshop.
  const spoken = `${workshop.newCode.slice(0, 3).toLowerCase()} ${workshop.newCode.slice(3).toLowerCase()}`;
  await fr.getByTestId('home.join-code').fill(spoken);
  await fr.getByTestId('home.join').click();
  await expect(fr).toHaveURL(new RegExp(`/join/${workshop.newCode}$`));
  await expect(fr.getByTestId('join.workshop-title')).toHaveText(TITLE);

  // An English browser gets the same page in English; the language switch turns it to French.
  const en = await pageIn(browser, 'en-GB');
  await en.goto(`/join/${workshop.oldCode}`);
  await expectWrongLink(en, 'unknownCode', 'This code no longer opens a workshop', TODO_EN);
  await expect(en.getByTestId('join.error')).toContainText(
    `No workshop matches the code “${workshop.oldCode}”: the facilitator may have replaced it with a new code`,
  );
  await en.locator('[data-testid="locale.switch"][data-locale="fr"]').click();
  await expect(en.getByTestId('wrongLink').getByRole('heading', { level: 1 })).toHaveText(
    'Ce code n’ouvre plus d’atelier',
  );
  await expect(en.getByTestId('wrongLink.todo')).toHaveText(TODO_FR);

  // A link cut or mangled on its way: not a code at all, or not a page of the app.
  await fr.goto('/join/AB2');
  await expectWrongLink(fr, 'malformedCode', 'Ce lien est incomplet', TODO_FR);
  await fr.goto('/join/%E2%9C%93%20ok');
  await expectWrongLink(fr, 'malformedCode', 'Ce lien est incomplet', TODO_FR);
  await fr.goto(`/joi/${workshop.newCode}`);
  await expectWrongLink(fr, 'unknownPage', 'Cette page n’existe pas.', TODO_FR);
  await expect(fr.getByTestId('join.error')).toHaveText(
    'Cette adresse ne mène à aucun atelier : une partie du lien a peut-être été coupée en le copiant.',
  );

  // A board link of a workshop this server does not have.
  await en.goto('/w/nosuchworkshop42#token=not-a-token');
  await expectWrongLink(en, 'unknownWorkshop', 'Atelier introuvable', TODO_FR);
  await en.locator('[data-testid="locale.switch"][data-locale="en"]').click();
  await expectWrongLink(en, 'unknownWorkshop', 'Workshop not found', TODO_EN, false);

  // No horizontal scrolling on the phone.
  for (const page of [fr, en]) {
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.context().close();
  }
});
