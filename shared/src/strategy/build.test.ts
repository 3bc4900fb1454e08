import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { z } from 'zod';
import { readActions } from '../doc/actions';
import { readAxes } from '../doc/axes';
import { binNote, restoreNote } from '../doc/bin';
import { createCluster, mergeClusters } from '../doc/clusters';
import { setItemTable } from '../doc/tableField';
import { addTable, seatParticipants } from '../doc/tables';
import { buildStrategy } from './build';
import { STRATEGY_SCHEMA_MINOR, STRATEGY_SCHEMA_VERSION, Strategy } from './schema';
import { fixtureWorkshop, T0 } from './workshop.fixture';

const minutes = (n: number) => new Date(T0 + n * 60_000).toISOString();

describe('buildStrategy', () => {
  it('reads the workshop, its participation and its themes', () => {
    const s = buildStrategy(fixtureWorkshop().source);
    expect(s.schemaVersion).toBe(STRATEGY_SCHEMA_VERSION);
    expect(s.workshop).toEqual({
      id: 'w-loue',
      title: 'Stratégie d’innovation — Val de Loue',
      date: '2026-12-03',
      territory: { name: 'Communauté d’agglomération du Val de Loue', kind: 'epci' },
      facilitator: 'Camille Martin',
      locale: 'fr',
      steps: ['assessment', 'issues', 'axes', 'actions', 'partnerships', 'monitoring'],
      questions: {
        assessment: 'Quels constats sur les mobilités ?',
        axes: 'Quelles orientations pour le mandat ?',
      },
      territoryCodes: { insee: null, siren: '200067213' },
    });
    // The removed person is not counted; the co-facilitator counts as a facilitator.
    expect(s.participation).toEqual({
      total: 5,
      byGroup: { elected: 1, staff: 1, resident: 1, business: 1, association: 1, partner: 0, other: 0 },
      byRole: { facilitator: 2, participant: 2, observer: 1 },
      people: null,
    });
    expect(s.themes).toHaveLength(8);
    expect(s.themes[0]).toEqual({
      id: 'mobility',
      label: { fr: 'Mobilités douces', en: 'Soft mobility' },
      color: '#4caf50',
      order: 0,
      archived: false,
    });
    expect(s.themes.find((t) => t.id === 'economy')?.archived).toBe(true);
  });

  it('names people only when the facilitator opts in', () => {
    const { source } = fixtureWorkshop();
    const s = buildStrategy({ ...source, includeNames: true });
    expect(s.participation.people).toEqual([
      { id: 'p-camille', name: 'Camille Martin', group: 'staff', role: 'facilitator' },
      { id: 'p-lea', name: 'Léa Dubois', group: 'resident', role: 'participant' },
      { id: 'p-hugo', name: 'Hugo Petit', group: 'elected', role: 'participant' },
      { id: 'p-nina', name: 'Nina Roux', group: 'business', role: 'facilitator' },
      { id: 'p-omar', name: 'Omar Diallo', group: 'association', role: 'observer' },
    ]);
    expect(JSON.stringify(buildStrategy(source))).not.toContain('Léa Dubois');
  });

  it('keeps every note with its theme, author group, issue and place, oldest first', () => {
    const s = buildStrategy(fixtureWorkshop().source);
    expect(s.notes.map((n) => n.id)).toEqual(['n1', 'n2', 'n3', 'n4', 'n5', 'n6']);
    expect(s.notes[0]).toEqual({
      id: 'n1',
      text: 'Pas de bus après 19 h',
      theme: 'mobility',
      author: 'p-lea',
      authorGroup: 'resident',
      issue: 'i-mob',
      position: { x: 0, y: 0 },
      createdAt: minutes(1),
      votes: [],
    });
    // A removed author keeps their group; an archived theme stays named.
    expect(s.notes[3]).toMatchObject({ theme: 'economy', authorGroup: 'other', issue: 'i-bat' });
    expect(s.notes[4]).toMatchObject({ theme: null, authorGroup: 'staff', issue: null });
  });

  it('leaves binned notes out, and takes a restored note back', () => {
    const { source } = fixtureWorkshop();
    binNote(source.board, 'n2', 'p-lea');
    expect(buildStrategy(source).notes.map((n) => n.id)).toEqual(['n1', 'n3', 'n4', 'n5', 'n6']);
    restoreNote(source.board, 'n2');
    expect(buildStrategy(source).notes.map((n) => n.id)).toEqual(['n1', 'n2', 'n3', 'n4', 'n5', 'n6']);
  });

  it('links each level to the one it came from: note → issue → axis → action', () => {
    const s = buildStrategy(fixtureWorkshop().source);
    expect(s.issues.map((i) => [i.id, i.rank, i.axis, i.notes])).toEqual([
      ['i-mob', 1, 'a-acc', ['n2', 'n1']],
      ['i-num', 2, 'a-acc', ['n3']],
      ['i-bat', 3, 'a-sob', ['n6', 'n4']],
    ]);
    expect(s.issues[0]).toMatchObject({
      title: 'Mobilité du quotidien',
      description: 'Se déplacer sans voiture',
    });
    expect(s.axes).toEqual([
      {
        id: 'a-acc',
        rank: 1,
        title: 'Un territoire accessible',
        description: 'Mobilité et numérique pour tous',
        issues: ['i-mob', 'i-num'],
        actions: ['s-tad'],
        createdAt: minutes(7),
        votes: [],
      },
      {
        id: 'a-sob',
        rank: 2,
        title: 'Sobriété énergétique',
        description: '',
        issues: ['i-bat'],
        actions: ['s-eco'],
        createdAt: minutes(8),
        votes: [],
      },
    ]);
    // By axis, then the sheet with no axis; the deleted sheet is gone.
    expect(s.actions.map((a) => [a.id, a.axis, a.rank, a.issues])).toEqual([
      ['s-tad', 'a-acc', 1, ['i-mob', 'i-num']],
      ['s-eco', 'a-sob', 1, ['i-bat']],
      ['s-free', null, 1, []],
    ]);
  });

  it('gives every field of an action sheet, its financing, milestones, partners, indicators and process', () => {
    const s = buildStrategy(fixtureWorkshop().source);
    expect(s.actions[0]).toEqual({
      id: 's-tad',
      axis: 'a-acc',
      rank: 1,
      issues: ['i-mob', 'i-num'],
      title: 'Transport à la demande',
      objectives: 'Desservir les villages le soir',
      description: 'Un service réservable la veille.\nDeux minibus.',
      lead: 'Service mobilité',
      targetPublic: 'Jeunes, seniors',
      partnersText: 'Région, transporteur',
      risks: '+33 6 12 34 56 78 : fréquentation faible',
      budget: 250_000.5,
      structure: 'service-concession',
      priority: 'high',
      status: 'validated',
      financing: [
        { id: 'f-1', source: 'region', label: 'Contrat de mobilité', amount: 100_000, secured: true },
        { id: 'f-2', source: 'other', label: '@fonds local', amount: 50_000.25, secured: false },
      ],
      financingTotals: { total: 150_000.25, secured: 100_000, toFind: 50_000.25, gap: 100_000.25 },
      milestones: [
        { id: 'm-1', date: '2027-03-15', label: 'Appel d’offres' },
        { id: 'm-2', date: '2027-09-01', label: 'Mise en service' },
      ],
      partners: ['pa-1', 'pa-2'],
      indicators: ['k-1'],
      process: {
        'socio-economic-assessment': 'done',
        'economic-model': 'in-progress',
        'financing-plan': 'todo',
        'business-plan': 'todo',
        'structure-choice': 'todo',
        'procurement-procedure': 'not-applicable',
      },
      createdAt: minutes(9),
      votes: [],
      competences: ['90-82'],
      levers: ['Transports en commun', 'Réduction des déplacements'],
      programme: 'CRTE',
      leadSiret: '20006721300005',
      startDate: '2027-01-04',
      endDate: '2028-12-31',
      progress: 'in-progress',
    });
    expect(s.partners.find((p) => p.id === 'pa-1')).toEqual({
      id: 'pa-1',
      action: 's-tad',
      name: 'Transdev',
      kind: 'manufacturer',
      role: 'Exploitant',
      contact: 'contact@example.org',
      createdAt: minutes(14),
    });
    // Kept although its sheet was deleted, with no dangling link.
    expect(s.partners.find((p) => p.id === 'pa-orphan')).toMatchObject({ action: null, kind: 'startup' });
    expect(s.indicators).toEqual([
      {
        id: 'k-1',
        action: 's-tad',
        name: 'Trajets par mois',
        unit: 'trajets',
        baseline: 0,
        target: 1200,
        source: 'Billettique',
        frequency: 'monthly',
        createdAt: minutes(16),
        reference: null,
      },
      {
        id: 'k-2',
        action: 's-eco',
        name: 'Émissions',
        unit: 't CO₂/an',
        baseline: 320,
        target: -40.5,
        source: '',
        frequency: 'yearly',
        createdAt: minutes(18),
        reference: 'cae_1.a',
      },
    ]);
  });

  it('carries the revealed rounds and each entity’s results, never an unrevealed round', () => {
    const s = buildStrategy(fixtureWorkshop().source);
    expect(s.rounds.map((r) => r.id)).toEqual(['r-issues']);
    const round = s.rounds[0];
    expect(round).toMatchObject({ title: 'Enjeux prioritaires', mode: 'dots', targetKind: 'issues' });
    expect(round?.results.voters).toBe(3);
    expect(round).not.toHaveProperty('state');
    // i-mob 3 dots, i-num 3, i-bat 3: all tied first.
    expect(s.issues[0]?.votes).toEqual([
      {
        round: 'r-issues',
        roundTitle: 'Enjeux prioritaires',
        mode: 'dots',
        rank: 1,
        total: 3,
        positive: 3,
        negative: 0,
        voters: 2,
        criteria: [],
        profile: [],
        gauge: null,
      },
    ]);
    expect(s.actions[0]?.votes).toEqual([]);
    expect(JSON.stringify(s)).not.toContain('r-pending');
  });

  it('records where and when it comes from', () => {
    const s = buildStrategy(fixtureWorkshop().source);
    expect(s.provenance).toEqual({
      exportedAt: new Date(T0 + 8 * 3600_000).toISOString(),
      exportedBy: { id: 'p-camille', name: 'Camille Martin' },
      workshopId: 'w-loue',
      app: 'Atelier',
      appVersion: '0.1.0',
      layoutVersion: 1,
    });
  });

  it('gives an object the schema accepts, and changes nothing in the documents', () => {
    const { board, control, source } = fixtureWorkshop();
    const before = [board, control].map((doc) => JSON.stringify(doc.toJSON()));
    const s = buildStrategy(source);
    expect(Strategy.safeParse(s).success).toBe(true);
    expect([board, control].map((doc) => JSON.stringify(doc.toJSON()))).toEqual(before);
  });
});

describe('Strategy schema', () => {
  it('accepts what a live board can hold: a title being retyped, a name two people cleared', () => {
    const { board, source } = fixtureWorkshop();
    for (const [root, id, field] of [
      ['clusters', 'i-mob', 'title'],
      ['axes', 'a-acc', 'title'],
      ['partners', 'pa-1', 'name'],
      ['indicators', 'k-1', 'name'],
    ] as const) {
      const text = board.getMap<Y.Map<unknown>>(root).get(id)?.get(field) as Y.Text;
      text.delete(0, text.length);
    }
    const result = Strategy.safeParse(buildStrategy(source));
    expect(result.success && result.data.issues[0]?.title).toBe('');
  });

  const valid = () => buildStrategy(fixtureWorkshop().source);
  const problems = (value: unknown) => {
    const result = Strategy.safeParse(value);
    return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('refuses another schema version', () => {
    expect(problems({ ...valid(), schemaVersion: 2 })).toEqual([expect.stringMatching(/^schemaVersion: /)]);
  });

  it('names each field that is wrong', () => {
    const s = valid();
    const broken = JSON.parse(JSON.stringify(s)) as unknown as {
      notes: { text: unknown }[];
      actions: { budget: unknown }[];
    };
    (broken.notes[0] as { text: unknown }).text = 42;
    (broken.actions[0] as { budget: unknown }).budget = -5;
    expect(problems(broken)).toEqual([
      expect.stringMatching(/^notes\.0\.text: /),
      expect.stringMatching(/^actions\.0\.budget: /),
    ]);
  });

  it('refuses a workshop title of spaces only', () => {
    const s = valid();
    expect(problems({ ...s, workshop: { ...s.workshop, title: '   ' } })).toEqual([
      'workshop.title: A workshop needs a title',
    ]);
  });

  it('refuses dangling links and lists that disagree with the links', () => {
    const s = valid();
    s.notes[0] = { ...s.notes[0]!, issue: 'i-nowhere' };
    s.axes[1] = { ...s.axes[1]!, issues: [] };
    s.partners.push({ ...s.partners[0]!, id: 'pa-1' });
    expect(problems(s)).toEqual([
      'partners.3.id: Duplicate id pa-1',
      'notes.0.issue: Unknown issue i-nowhere',
      'issues.0.notes: Lists notes [n2, n1] but these point to it: [n2]',
      'axes.1.issues: Lists issues [] but these point to it: [i-bat]',
      'actions.0.partners: Lists partners [pa-1, pa-2] but these point to it: [pa-1, pa-2, pa-1]',
    ]);
  });

  it('turns into a JSON Schema', () => {
    const schema = z.toJSONSchema(Strategy, { io: 'input' }) as {
      properties: Record<string, unknown>;
      required: string[];
    };
    expect(Object.keys(schema.properties)).toEqual([
      'schemaVersion',
      'schemaMinor',
      'workshop',
      'participation',
      'tables',
      'themes',
      'notes',
      'issues',
      'axes',
      'actions',
      'partners',
      'indicators',
      'rounds',
      'provenance',
    ]);
    expect(schema.required).toContain('schemaVersion');
  });
});

describe('buildStrategy with tables', () => {
  it('gives items the table they were made at, and merged issues every table they came from', () => {
    const { source, board, control } = fixtureWorkshop();
    addTable(control, { name: 'Table 1', color: '#e53935' }, 't1');
    addTable(control, { name: 'Table 2', color: '#1e88e5' }, 't2');
    const axis = readAxes(board)[0]!.id;
    const sheet = readActions(board)[0]!.id;
    setItemTable(board, 'notes', 'n1', 't1');
    // A table since removed reads as the plenary.
    setItemTable(board, 'notes', 'n2', 'gone');
    setItemTable(board, 'axes', axis, 't2');
    setItemTable(board, 'actions', sheet, 't2');
    createCluster(board, { title: 'Vélo', x: 0, y: 0, table: 't1' }, 'i-t1');
    createCluster(board, { title: 'Pistes cyclables', x: 0, y: 0, table: 't2' }, 'i-t2');
    mergeClusters(board, 'i-t2', 'i-t1');
    const s = Strategy.parse(buildStrategy(source));
    expect(s.notes.find((n) => n.id === 'n1')?.table).toBe('t1');
    expect(s.notes.find((n) => n.id === 'n2')).not.toHaveProperty('table');
    expect(s.axes.find((a) => a.id === axis)?.table).toBe('t2');
    expect(s.actions.find((a) => a.id === sheet)?.table).toBe('t2');
    expect(s.issues.find((i) => i.id === 'i-t1')).toMatchObject({ table: 't1', fromTables: ['t1', 't2'] });
    // Plenary items carry neither field: exports of workshops without tables are as before.
    const plenary = s.issues.find((i) => i.id !== 'i-t1');
    expect(plenary).not.toHaveProperty('table');
    expect(plenary).not.toHaveProperty('fromTables');
  });

  it('lists the tables and who sat there, names only in participation when asked', () => {
    const { source, control } = fixtureWorkshop();
    addTable(control, { name: 'Mobilités', color: '#E53935' }, 't1');
    addTable(control, { name: 'Habitat', color: '#1e88e5' }, 't2');
    seatParticipants(control, { 'p-lea': 't1', 'p-hugo': 't1' });
    const s = Strategy.parse(buildStrategy(source));
    expect(s.schemaMinor).toBe(STRATEGY_SCHEMA_MINOR);
    expect(s.tables).toEqual([
      { id: 't1', name: 'Mobilités', color: '#e53935', participants: ['p-lea', 'p-hugo'] },
      { id: 't2', name: 'Habitat', color: '#1e88e5', participants: [] },
    ]);
    expect(s.participation.people).toBeNull();
    expect(JSON.stringify(s)).not.toContain('Léa');
    const named = buildStrategy({ ...source, includeNames: true });
    expect(named.participation.people?.find((p) => p.id === 'p-lea')?.name).toBe('Léa Dubois');
  });

  it('has no tables list for a workshop without tables, and refuses items at unlisted tables', () => {
    const { source } = fixtureWorkshop();
    const s = buildStrategy(source);
    expect(s).not.toHaveProperty('tables');
    const bad = { ...s, tables: [], notes: s.notes.map((n, i) => (i === 0 ? { ...n, table: 'tx' } : n)) };
    expect(Strategy.safeParse(bad).error?.issues.map((i) => i.path.join('.'))).toEqual(['notes.0.table']);
  });
});
