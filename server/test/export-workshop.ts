/**
 * A workshop built through stock clients for the export tests: three participants and an
 * observer join; the participants write their notes from their own board clients; the
 * facilitator sorts them into issues, makes axes and action sheets with every field,
 * partners, indicators and process over the facilitator's board client; a dots round on the
 * issues is voted over HTTP and revealed. The facilitator's documents, synced, are what the
 * clients wrote: the export read back must match them.
 */

import {
  addFinancingLine,
  addIndicator,
  addMilestone,
  addNote,
  addPartner,
  attachIssue,
  createAction,
  createAxis,
  createCluster,
  readRounds,
  roomName,
  setActionBudget,
  setActionPriority,
  setActionStatus,
  setActionStructure,
  setActionText,
  setProcessStep,
} from '@atelier/shared';
import * as Y from 'yjs';
import { connectDoc, type DocClient, type RunningServer, waitDoc, workshopWith } from './harness';
import { ok, votesApi } from './votes-api';

/** What participants type, awkward cases included: a formula, markup, a Markdown link, quotes and `;`. */
export const NOTE_TEXTS = {
  alice: [
    'Pas de bus après 19 h',
    '=HYPERLINK("http://evil.example","clic")',
    'Cafés ; commerces "fermés" le lundi',
  ],
  bob: ['<script>alert(1)</script> zones blanches', '[lien](javascript:alert(1)) **gras**', '@SUM(A1:A3)'],
  hugo: ['Écoles mal isolées\nChauffage au fioul', '-1 médecin par an', '+ de covoiturage'],
} as const;

export async function exportWorkshop(server: RunningServer) {
  const cast = await workshopWith(server.url, {
    alice: { name: 'Alice Martin', group: 'resident' },
    bob: { name: 'Bob Dupont', group: 'business' },
    hugo: { name: 'Hugo Petit', group: 'elected' },
    olga: { name: 'Olga', group: 'partner', role: 'observer' },
  });
  const id = cast.workshop.id;
  const fanny = cast.workshop.facilitatorToken;
  const clients: DocClient[] = [];
  const connect = async (room: string, token: string) => {
    const client = await connectDoc(server.wsUrl, room, token);
    clients.push(client);
    return client;
  };

  const board = await connect(roomName(id, 'board'), fanny);
  const control = await connect(roomName(id, 'control'), fanny);

  // Each participant writes their own notes from their own client.
  const noteIds: Record<keyof typeof NOTE_TEXTS, string[]> = { alice: [], bob: [], hugo: [] };
  const themes = ['mobility', 'digital', 'centre'];
  for (const who of ['alice', 'bob', 'hugo'] as const) {
    const client = await connect(roomName(id, 'board'), cast[who].token);
    NOTE_TEXTS[who].forEach((text, i) => {
      noteIds[who].push(
        addNote(client.doc, {
          x: i * 220,
          y: 0,
          author: cast[who].participantId,
          text,
          theme: themes[i] ?? null,
        }),
      );
    });
  }
  const allNotes = Object.values(noteIds).flat();
  await waitDoc(
    board,
    (d) => d.getMap('notes').size === allNotes.length,
    'the facilitator to see every note',
  );

  // The facilitator sorts, groups and plans.
  const doc = board.doc;
  const [a0, a1, a2] = noteIds.alice;
  const [b0, b1, b2] = noteIds.bob;
  const [h0, h1] = noteIds.hugo;
  const mobility = createCluster(doc, {
    title: 'Mobilité du quotidien',
    description: 'Sans voiture',
    x: 0,
    y: 0,
    notes: [a0!, h1!],
  });
  const digital = createCluster(doc, { title: 'Couverture numérique', x: 0, y: 200, notes: [b0!, b1!] });
  const buildings = createCluster(doc, {
    title: 'Bâtiments <publics>',
    x: 0,
    y: 400,
    notes: [h0!, a1!, b2!],
  });
  const access = createAxis(doc, { title: 'Un territoire accessible', description: 'Pour tous' });
  const energy = createAxis(doc, { title: 'Sobriété énergétique' });
  attachIssue(doc, mobility, access);
  attachIssue(doc, digital, access);
  attachIssue(doc, buildings, energy);
  void a2;

  const sheet = createAction(doc, { title: 'Transport à la demande', axis: access });
  setActionText(doc, sheet, 'objectives', 'Desservir les villages le soir');
  setActionText(doc, sheet, 'description', 'Réservation la veille.\n=2+2 minibus');
  setActionText(doc, sheet, 'lead', 'Service mobilité');
  setActionText(doc, sheet, 'targetPublic', 'Jeunes, seniors');
  setActionText(doc, sheet, 'partners', 'Région; transporteur');
  setActionText(doc, sheet, 'risks', '# Pas un titre');
  setActionBudget(doc, sheet, 250_000.5);
  setActionStructure(doc, sheet, 'service-concession');
  setActionPriority(doc, sheet, 'high');
  setActionStatus(doc, sheet, 'validated');
  addFinancingLine(doc, sheet, {
    source: 'region',
    label: 'Contrat mobilité',
    amount: 100_000,
    secured: true,
  });
  addFinancingLine(doc, sheet, { source: 'other', label: '=fonds local', amount: 50_000.25, secured: false });
  addMilestone(doc, sheet, { date: '2027-03-15', label: 'Appel d’offres' });
  addMilestone(doc, sheet, { date: '2027-09-01', label: 'Mise en service' });
  addPartner(doc, {
    action: sheet,
    name: 'Transdev',
    kind: 'manufacturer',
    role: 'Exploitant',
    contact: 'contact@example.org',
  });
  addIndicator(doc, {
    action: sheet,
    name: 'Trajets par mois',
    unit: 'trajets',
    baseline: 0,
    target: 1200,
    source: 'Billettique',
    frequency: 'monthly',
  });
  setProcessStep(doc, sheet, 'socio-economic-assessment', 'done');
  setProcessStep(doc, sheet, 'economic-model', 'in-progress');

  const schools = createAction(doc, { title: 'Isolation des écoles', axis: energy });
  setActionBudget(doc, schools, 1_200_000);
  addIndicator(doc, { action: schools, name: 'Émissions', unit: 't CO₂/an', baseline: 320, target: -40.5 });

  await serverHas(board);

  // A dots round on the issues, voted over HTTP and revealed.
  const votes = votesApi(server.url, id);
  const round = ok(
    await votes.create(fanny, {
      title: 'Enjeux prioritaires',
      targetKind: 'issues',
      targets: 'all',
      mode: 'dots',
      dots: { budget: 3, cap: 2, negative: false },
    }),
    201,
  );
  ok(await votes.act(fanny, round.id, 'open'));
  ok(
    await votes.cast(cast.alice.token, round.id, cast.alice.participantId, {
      dots: { [mobility]: 2, [digital]: 1 },
    }),
  );
  ok(
    await votes.cast(cast.bob.token, round.id, cast.bob.participantId, {
      dots: { [digital]: 2, [buildings]: 1 },
    }),
  );
  ok(await votes.cast(cast.hugo.token, round.id, cast.hugo.participantId, { dots: { [mobility]: 1 } }));
  ok(await votes.act(fanny, round.id, 'reveal'));
  await waitDoc(
    control,
    (d) => readRounds(d).some((r) => r.id === round.id && r.state === 'revealed'),
    'the facilitator to see the revealed round',
  );

  /** Waits until the server holds everything `client` wrote: a fresh client syncs to the same state. */
  async function serverHas(client: DocClient) {
    const fresh = await connect(client.provider.roomname, cast.olga.token);
    const same = () =>
      Buffer.from(Y.encodeStateVector(fresh.doc)).equals(Buffer.from(Y.encodeStateVector(client.doc)));
    await waitDoc(fresh, same, `the server to hold every write to ${client.provider.roomname}`);
  }

  return {
    cast,
    fanny,
    /** The facilitator's synced documents: what every client wrote. */
    board: board.doc,
    control: control.doc,
    ids: {
      notes: noteIds,
      issues: { mobility, digital, buildings },
      axes: { access, energy },
      sheets: { sheet, schools },
      round: round.id,
    },
    /** Closes every client this helper opened. */
    close: () => {
      for (const client of clients) client.destroy();
    },
  };
}
