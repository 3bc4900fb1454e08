import * as Y from 'yjs';
import {
  addFinancingLine,
  addMilestone,
  createAction,
  deleteAction,
  setActionBudget,
  setActionCompetences,
  setActionDates,
  setActionLeadSiret,
  setActionLevers,
  setActionPriority,
  setActionProgramme,
  setActionProgress,
  setActionStatus,
  setActionStructure,
  setActionText,
} from '../doc/actions';
import { attachIssue, createAxis } from '../doc/axes';
import { seedBoard } from '../doc/board';
import { createCluster } from '../doc/clusters';
import { seedControl, setStepQuestion } from '../doc/control';
import { addIndicator } from '../doc/indicators';
import { addNote } from '../doc/notes';
import { addPartner } from '../doc/partners';
import { setProcessStep } from '../doc/process';
import { setTerritoryCodes } from '../doc/territoryCodes';
import { setThemeArchived } from '../doc/themes';
import { noEntries } from '../votes/ballot';
import type { PublicRound } from '../votes/round';
import { tallyRound } from '../votes/tally';
import { publishRound } from '../votes/votesDoc';
import type { StrategySource } from './build';

/**
 * A small workshop with every field of the strategy set (and the awkward cases: an archived
 * theme, a note outside any issue, an issue with no axis, a sheet with no axis, a partner
 * whose sheet was deleted, a revealed and an unrevealed round), for the strategy's tests and
 * the export writers' tests. Texts carry what the writers must neutralise: a formula, markup.
 */
export const T0 = Date.UTC(2026, 11, 3, 9, 0, 0);

export const PEOPLE: StrategySource['people'] = [
  {
    id: 'p-camille',
    name: 'Camille Martin',
    group: 'staff',
    role: 'facilitator',
    coFacilitator: false,
    removed: false,
  },
  {
    id: 'p-lea',
    name: 'Léa Dubois',
    group: 'resident',
    role: 'participant',
    coFacilitator: false,
    removed: false,
  },
  {
    id: 'p-hugo',
    name: 'Hugo Petit',
    group: 'elected',
    role: 'participant',
    coFacilitator: false,
    removed: false,
  },
  {
    id: 'p-nina',
    name: 'Nina Roux',
    group: 'business',
    role: 'facilitator',
    coFacilitator: true,
    removed: false,
  },
  {
    id: 'p-omar',
    name: 'Omar Diallo',
    group: 'association',
    role: 'observer',
    coFacilitator: false,
    removed: false,
  },
  { id: 'p-gone', name: 'Intrus', group: 'other', role: 'participant', coFacilitator: false, removed: true },
];

export function fixtureWorkshop(): { board: Y.Doc; control: Y.Doc; source: StrategySource } {
  const board = new Y.Doc();
  const control = new Y.Doc();
  seedBoard(board);
  seedControl(control, 'full');
  setThemeArchived(control, 'economy', true);
  setStepQuestion(control, 'assessment', 'Quels constats sur les mobilités ?');
  setStepQuestion(control, 'axes', 'Quelles orientations pour le mandat ?');
  setTerritoryCodes(control, { insee: null, siren: '200067213' });
  let clock = T0;
  const now = () => (clock += 60_000);

  addNote(board, {
    id: 'n1',
    x: 0,
    y: 0,
    author: 'p-lea',
    theme: 'mobility',
    text: 'Pas de bus après 19 h',
    now: now(),
  });
  addNote(board, {
    id: 'n2',
    x: 220,
    y: 0,
    author: 'p-hugo',
    theme: 'mobility',
    text: '=HYPERLINK("http://evil")',
    now: now(),
  });
  addNote(board, {
    id: 'n3',
    x: 440,
    y: 0,
    author: 'p-lea',
    theme: 'digital',
    text: '<b>Zones blanches</b> & *fibre*',
    now: now(),
  });
  addNote(board, {
    id: 'n4',
    x: 660,
    y: 0,
    author: 'p-gone',
    theme: 'economy',
    text: 'Commerces fermés le lundi',
    now: now(),
  });
  addNote(board, {
    id: 'n5',
    x: 0,
    y: 220,
    author: 'p-camille',
    theme: null,
    text: 'Idée en vrac',
    now: now(),
  });
  addNote(board, {
    id: 'n6',
    x: 220,
    y: 220,
    author: 'p-hugo',
    theme: 'energy',
    text: 'Écoles mal isolées',
    now: now(),
  });

  createCluster(
    board,
    {
      title: 'Mobilité du quotidien',
      description: 'Se déplacer sans voiture',
      x: 0,
      y: 0,
      notes: ['n2', 'n1'],
    },
    'i-mob',
  );
  createCluster(board, { title: 'Couverture numérique', x: 440, y: 0, notes: ['n3'] }, 'i-num');
  createCluster(board, { title: 'Bâtiments publics', x: 220, y: 220, notes: ['n6', 'n4'] }, 'i-bat');

  createAxis(
    board,
    { title: 'Un territoire accessible', description: 'Mobilité et numérique pour tous' },
    'a-acc',
    now(),
  );
  createAxis(board, { title: 'Sobriété énergétique' }, 'a-sob', now());
  attachIssue(board, 'i-mob', 'a-acc');
  attachIssue(board, 'i-num', 'a-acc');
  attachIssue(board, 'i-bat', 'a-sob');

  createAction(board, { title: 'Transport à la demande', axis: 'a-acc' }, 's-tad', now());
  setActionText(board, 's-tad', 'objectives', 'Desservir les villages le soir');
  setActionText(board, 's-tad', 'description', 'Un service réservable la veille.\nDeux minibus.');
  setActionText(board, 's-tad', 'lead', 'Service mobilité');
  setActionText(board, 's-tad', 'targetPublic', 'Jeunes, seniors');
  setActionText(board, 's-tad', 'partners', 'Région, transporteur');
  setActionText(board, 's-tad', 'risks', '+33 6 12 34 56 78 : fréquentation faible');
  setActionBudget(board, 's-tad', 250_000.5);
  setActionStructure(board, 's-tad', 'service-concession');
  setActionPriority(board, 's-tad', 'high');
  setActionStatus(board, 's-tad', 'validated');
  setActionCompetences(board, 's-tad', ['90-82']);
  setActionLevers(board, 's-tad', ['Transports en commun', 'Réduction des déplacements']);
  setActionProgramme(board, 's-tad', 'CRTE');
  setActionLeadSiret(board, 's-tad', '20006721300005');
  setActionDates(board, 's-tad', { startDate: '2027-01-04', endDate: '2028-12-31' });
  setActionProgress(board, 's-tad', 'in-progress');
  addFinancingLine(
    board,
    's-tad',
    { source: 'region', label: 'Contrat de mobilité', amount: 100_000, secured: true },
    'f-1',
    now(),
  );
  addFinancingLine(
    board,
    's-tad',
    { source: 'other', label: '@fonds local', amount: 50_000.25, secured: false },
    'f-2',
    now(),
  );
  addMilestone(board, 's-tad', { date: '2027-09-01', label: 'Mise en service' }, 'm-2', now());
  addMilestone(board, 's-tad', { date: '2027-03-15', label: 'Appel d’offres' }, 'm-1', now());
  addPartner(
    board,
    {
      action: 's-tad',
      name: 'Transdev',
      kind: 'manufacturer',
      role: 'Exploitant',
      contact: 'contact@example.org',
    },
    'pa-1',
    now(),
  );
  addPartner(
    board,
    { action: 's-tad', name: 'Comité des usagers', kind: 'civil-society', role: 'Avis' },
    'pa-2',
    now(),
  );
  addIndicator(
    board,
    {
      action: 's-tad',
      name: 'Trajets par mois',
      unit: 'trajets',
      baseline: 0,
      target: 1200,
      source: 'Billettique',
      frequency: 'monthly',
    },
    'k-1',
    now(),
  );
  setProcessStep(board, 's-tad', 'socio-economic-assessment', 'done');
  setProcessStep(board, 's-tad', 'economic-model', 'in-progress');
  setProcessStep(board, 's-tad', 'procurement-procedure', 'not-applicable');

  createAction(board, { title: 'Isolation des écoles', axis: 'a-sob' }, 's-eco', now());
  setActionBudget(board, 's-eco', 1_200_000);
  addIndicator(
    board,
    {
      action: 's-eco',
      name: 'Émissions',
      unit: 't CO₂/an',
      baseline: 320,
      target: -40.5,
      frequency: 'yearly',
      reference: 'cae_1.a',
    },
    'k-2',
    now(),
  );

  createAction(board, { title: 'Tiers-lieu numérique', axis: null }, 's-free', now());

  createAction(board, { title: 'Fiche abandonnée', axis: 'a-acc' }, 's-gone', now());
  addPartner(board, { action: 's-gone', name: 'Start-up locale', kind: 'startup' }, 'pa-orphan', now());
  deleteAction(board, 's-gone');

  const issuesRound: PublicRound = {
    id: 'r-issues',
    title: 'Enjeux prioritaires',
    targetKind: 'issues',
    targets: [
      { id: 'i-mob', label: 'Mobilité du quotidien' },
      { id: 'i-num', label: 'Couverture numérique' },
      { id: 'i-bat', label: 'Bâtiments publics' },
    ],
    mode: 'dots',
    visibility: 'secret',
    dots: { budget: 3, cap: 2, negative: false },
    criteria: null,
    grades: null,
    points: null,
    quorum: null,
    collegeWeighting: false,
    state: 'revealed',
    durationMinutes: null,
    endsAt: null,
    createdAt: new Date(now()).toISOString(),
    openedAt: new Date(now()).toISOString(),
    closedAt: new Date(now()).toISOString(),
    revealedAt: new Date(now()).toISOString(),
    results: null,
  };
  const groups = new Map(PEOPLE.map((p) => [p.id, p.group]));
  const ballot = (participantId: string, dots: Record<string, number>) => ({
    participantId,
    group: groups.get(participantId) ?? 'other',
    ...noEntries(),
    dots,
    done: true,
  });
  issuesRound.results = tallyRound(issuesRound, [
    ballot('p-lea', { 'i-mob': 2, 'i-num': 1 }),
    ballot('p-hugo', { 'i-mob': 1, 'i-bat': 2 }),
    ballot('p-camille', { 'i-num': 2, 'i-bat': 1 }),
  ]);
  const pending: PublicRound = {
    ...issuesRound,
    id: 'r-pending',
    title: 'Actions (en cours)',
    targetKind: 'actions',
    targets: [{ id: 's-tad', label: 'Transport à la demande' }],
    state: 'open',
    revealedAt: null,
    closedAt: null,
    results: null,
  };
  publishRound(control, issuesRound);
  publishRound(control, pending);

  return {
    board,
    control,
    source: {
      board,
      control,
      workshop: {
        id: 'w-loue',
        title: 'Stratégie d’innovation — Val de Loue',
        territory: { name: 'Communauté d’agglomération du Val de Loue', kind: 'epci' },
        locale: 'fr',
        createdAt: new Date(T0).toISOString(),
      },
      people: PEOPLE,
      exportedBy: { id: 'p-camille', name: 'Camille Martin' },
      exportedAt: new Date(T0 + 8 * 3600_000),
      includeNames: false,
      appVersion: '0.1.0',
    },
  };
}
