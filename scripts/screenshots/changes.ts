import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import {
  addIndicator,
  addPartner,
  CreateSessionResponse,
  CreateStrategyResponse,
  createAction,
  FacilitateResponse,
  readActions,
  readAxes,
  readClusters,
  readPartners,
  removePartner,
  renameCluster,
  roomName,
  setActionBudget,
  setActionStatus,
  setActionText,
} from '@atelier/shared';
import { repoRoot } from '@atelier/testing';
import type { Browser } from '@playwright/test';
import type * as Y from 'yjs';
import { api, connect, tokenOf } from '../demo-room';

/** A sheet, an issue or an axis of the seeded board by its title (the fixture's). */
function byTitle<T extends { id: string; title: string }>(items: readonly T[], title: string): string {
  const found = items.find((item) => item.title.startsWith(title));
  if (!found) throw new Error(`Nothing titled "${title}" on the board`);
  return found.id;
}

/**
 * docs/screenshots/strategy-changes.png: the Val de Loue workshop becomes session 1 of a
 * strategy; session 2 (the action plan, the same people invited again) starts from its outcome.
 * Before anyone arrives the facilitator corrects a budget and an issue's title (edits made
 * "between sessions"); then the participants, each from their own connection, complete a sheet,
 * add one, take a partner off and add another, and an indicator. The strategy page's "Ce qui a
 * changé" shows it all with who and when.
 */
export async function shootStrategyChanges(base: string, browser: Browser, out: string): Promise<string> {
  const seeded = execFileSync(
    process.execPath,
    ['--import', 'tsx', 'scripts/seed-demo.ts', '--url', base, '--full'],
    { cwd: repoRoot, encoding: 'utf8' },
  );
  const firstLink = /Facilitator: (\S+)/.exec(seeded)?.[1];
  if (!firstLink) throw new Error(`seeding failed:\n${seeded}`);
  const first = /\/w\/([^#?]+)/.exec(firstLink)?.[1] ?? '';
  const created = await api(base, 'POST', '/strategies', {
    token: tokenOf(firstLink),
    body: { fromWorkshop: first, title: 'Stratégie d’innovation du Val de Loue' },
    schema: CreateStrategyResponse,
  });
  const strategy = { id: created.strategy.id, token: created.facilitatorToken };
  const second = await api(base, 'POST', `/strategies/${strategy.id}/sessions`, {
    token: strategy.token,
    body: {
      title: 'Plan d’actions et partenariats',
      date: '2027-01-14',
      template: 'sprint',
      invite: 'again',
    },
    schema: CreateSessionResponse,
  });
  const workshopId = second.session.workshopId;
  const board = roomName(workshopId, 'board');

  // Between sessions: the facilitator alone, no participant connected.
  const facilitator = await api(
    base,
    'POST',
    `/strategies/${strategy.id}/sessions/${workshopId}/facilitate`,
    {
      token: strategy.token,
      schema: FacilitateResponse,
    },
  );
  const alone = await connect(base, board, facilitator.facilitatorToken);
  const sheets = readActions(alone.doc);
  const hyperviseur = byTitle(sheets, 'Hyperviseur urbain');
  setActionBudget(alone.doc, hyperviseur, 380_000);
  renameCluster(
    alone.doc,
    byTitle(readClusters(alone.doc), 'Piloter l'),
    'Piloter l’action publique par des données partagées',
  );
  await alone.flush();
  alone.close();

  // The session: each person edits from their own connection, all of them there at once.
  const person = async (name: string) => {
    const invited = second.invited.find((p) => p.name === name);
    if (!invited) throw new Error(`${name} is not invited again`);
    return { invited, replica: await connect(base, board, tokenOf(invited.link), { cursor: null }) };
  };
  const lea = await person('Léa Muller');
  const hugo = await person('Hugo Martinez');
  const manon = await person('Manon Robert');
  const jade = await person('Jade Legrand');
  const lucas = await person('Lucas Laurent');
  const cycling = byTitle(sheets, 'Application d');
  const edit = async (
    who: { replica: { doc: Y.Doc; flush(): Promise<void> } },
    change: (doc: Y.Doc) => void,
  ) => {
    change(who.replica.doc);
    await who.replica.flush();
  };
  await edit(lea, (doc) => {
    setActionText(
      doc,
      cycling,
      'objectives',
      'Compter et analyser les déplacements à vélo pour planifier les aménagements, en publiant les comptages chaque mois.',
    );
    setActionStatus(doc, cycling, 'validated');
  });
  await edit(hugo, (doc) => {
    const sheet = createAction(doc, {
      title: 'Navette électrique gare – centre-ville',
      axis: byTitle(readAxes(doc), 'Un territoire accessible'),
    });
    setActionText(
      doc,
      sheet,
      'objectives',
      'Relier la gare au centre et aux zones d’activité toutes les 20 minutes.',
    );
  });
  // A partner taken off a sheet (its own row, unlike a sheet's deletion, which leaves them be).
  await edit(manon, (doc) => {
    const platform = byTitle(readActions(doc), 'Plateforme multiservice');
    const partner = readPartners(doc).find((p) => p.action === platform && p.name === 'Intégrateur IoT');
    if (partner) removePartner(doc, partner.id);
  });
  await edit(jade, (doc) =>
    setActionText(
      doc,
      byTitle(readActions(doc), 'Espaces de médiation'),
      'targetPublic',
      'Personnes âgées, demandeurs d’emploi, familles des hameaux sans connexion',
    ),
  );
  await edit(lucas, (doc) => {
    addIndicator(doc, {
      action: cycling,
      name: 'Passages vélo quotidiens aux compteurs',
      unit: 'passages/jour',
      baseline: 850,
      target: 1500,
      source: 'Compteurs automatiques',
      frequency: 'monthly',
    });
    addPartner(doc, {
      action: cycling,
      name: 'Association Vélo Val de Loue',
      kind: 'civil-society',
      role: 'Relevés de terrain et ateliers de réparation',
    });
  });

  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(created.links.facilitator);
  const changes = page.getByTestId('changes');
  await changes.getByTestId('changes.summary').waitFor();
  // The changes at the top of the picture, the session cards above them out of it.
  await page.evaluate(
    `window.scrollBy(0, document.querySelector('[data-testid="changes"]').getBoundingClientRect().top - 16)`,
  );
  const path = join(out, 'strategy-changes.png');
  await page.screenshot({ path });
  await context.close();
  for (const who of [lea, hugo, manon, jade, lucas]) who.replica.close();
  return path;
}
