import { describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from '../schema/enums';
import { buildStrategy } from './build';
import { methodRounds, weightedRound } from './rounds.fixture';
import type { Strategy } from './schema';
import type { Cell, StrategyTable } from './tableModel';
import { strategyTables } from './tables';
import { fixtureWorkshop } from './workshop.fixture';

const strategy = (includeNames = false) => buildStrategy({ ...fixtureWorkshop().source, includeNames });

const tablesOf = (s: Strategy, locale: Locale) => new Map(strategyTables(s, locale).map((t) => [t.name, t]));

function tableOf(s: Strategy, locale: Locale, name: string): StrategyTable {
  const found = tablesOf(s, locale).get(name);
  if (!found) throw new Error(`No table ${name}`);
  return found;
}

/** The rows as records keyed by header, as a reader of the spreadsheet sees them. */
const byHeader = (t: StrategyTable) =>
  t.rows.map((row) => Object.fromEntries(t.columns.map((c) => [c.header, row[c.key]])));

const rowOf = (t: StrategyTable, id: string) => {
  const row = t.rows.find((r) => r.id === id);
  if (!row) throw new Error(`No row ${id} in ${t.name}`);
  return row;
};

const cellMatches: Record<StrategyTable['columns'][number]['type'], (v: Cell) => boolean> = {
  id: (v) => typeof v === 'string',
  text: (v) => typeof v === 'string',
  longText: (v) => typeof v === 'string',
  integer: (v) => Number.isInteger(v),
  number: (v) => typeof v === 'number' && Number.isFinite(v),
  euros: (v) => typeof v === 'number' && Number.isFinite(v),
  date: (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v),
  datetime: (v) => typeof v === 'string' && !Number.isNaN(Date.parse(v)) && v.endsWith('Z'),
  boolean: (v) => typeof v === 'boolean',
};

describe('strategyTables', () => {
  it.each(LOCALES)('gives one table per entity, with valid sheet names and typed cells (%s)', (locale) => {
    const tables = strategyTables(strategy(), locale);
    expect(tables.map((t) => t.name)).toEqual([
      'workshop',
      'themes',
      'notes',
      'issues',
      'axes',
      'actions',
      'financing',
      'milestones',
      'partners',
      'indicators',
      'votes',
    ]);
    expect(new Set(tables.map((t) => t.title)).size).toBe(tables.length);
    for (const t of tables) {
      expect(t.title.length, t.title).toBeLessThanOrEqual(31);
      expect(t.title).not.toMatch(/[[\]:*?/\\]/);
      expect(new Set(t.columns.map((c) => c.key)).size, t.name).toBe(t.columns.length);
      expect(new Set(t.columns.map((c) => c.header)).size, t.name).toBe(t.columns.length);
      for (const column of t.columns) {
        expect(column.header, `${t.name}.${column.key}`).not.toMatch(/^$|export\.tables|\{/);
        expect(column.width).toBeGreaterThan(0);
      }
      for (const row of t.rows) {
        expect(Object.keys(row)).toEqual(t.columns.map((c) => c.key));
        for (const column of t.columns) {
          const value = row[column.key] ?? null;
          // The workshop sheet's value column holds texts and counts.
          const ok =
            value === null ||
            cellMatches[column.type](value) ||
            (t.name === 'workshop' && typeof value === 'number');
          expect(ok, `${t.name}.${column.key} = ${JSON.stringify(value)}`).toBe(true);
        }
      }
    }
  });

  it('says what the workshop is, who took part and where the file comes from', () => {
    const fields = Object.fromEntries(
      tableOf(strategy(), 'fr', 'workshop').rows.map((r) => [r.key, r.value]),
    );
    expect(fields).toMatchObject({
      title: 'Stratégie d’innovation — Val de Loue',
      date: '2026-12-03',
      territory: 'Communauté d’agglomération du Val de Loue',
      territoryKind: 'Intercommunalité (EPCI)',
      facilitator: 'Camille Martin',
      'question:assessment': 'Quels constats sur les mobilités ?',
      'question:axes': 'Quelles orientations pour le mandat ?',
      participants: 5,
      'group:resident': 1,
      'group:partner': 0,
      'role:facilitator': 2,
      'role:observer': 1,
      exportedAt: '2026-12-03T17:00:00.000Z',
      exportedBy: 'Camille Martin',
      app: 'Atelier 0.1.0',
      schemaVersion: 1,
    });
    const en = tableOf(strategy(), 'en', 'workshop');
    expect(en.title).toBe('Workshop');
    expect(en.rows.find((r) => r.key === 'group:resident')?.field).toBe('Group: Resident');
  });

  it('links each note to its theme and issue, with their labels', () => {
    const fr = tableOf(strategy(), 'fr', 'notes');
    expect(fr.title).toBe('Contributions');
    expect(byHeader(fr)[1]).toEqual({
      Identifiant: 'n2',
      Texte: '=HYPERLINK("http://evil")',
      'Thématique (identifiant)': 'mobility',
      Thématique: 'Mobilités douces',
      'Enjeu (identifiant)': 'i-mob',
      Enjeu: 'Mobilité du quotidien',
      'Auteur·rice (identifiant)': 'p-hugo',
      'Collège de l’auteur·rice': 'Élu·e',
      'Date de création (UTC)': '2026-12-03T09:02:00.000Z',
    });
    // An untagged note outside any issue; a note of an archived theme keeps its label.
    expect(rowOf(fr, 'n5')).toMatchObject({ theme: null, themeLabel: 'Sans thématique', issue: null });
    expect(rowOf(fr, 'n4')).toMatchObject({ themeLabel: 'Économie locale', issueLabel: 'Bâtiments publics' });
    const en = tableOf(strategy(), 'en', 'notes');
    expect(rowOf(en, 'n5')).toMatchObject({ themeLabel: 'No theme', authorGroup: 'Local authority staff' });
    expect(rowOf(en, 'n1').themeLabel).toBe('Soft mobility');
    expect(en.columns.map((c) => c.header)).toContain('Issue (id)');
  });

  it('names authors only when the facilitator included names', () => {
    expect(tableOf(strategy(), 'fr', 'notes').columns.map((c) => c.key)).not.toContain('authorName');
    const named = tableOf(strategy(true), 'fr', 'notes');
    expect(rowOf(named, 'n1')).toMatchObject({ author: 'p-lea', authorName: 'Léa Dubois' });
    // A removed person is not among the named people.
    expect(rowOf(named, 'n4')).toMatchObject({ author: 'p-gone', authorName: null });
  });

  it('ranks the issues and links them to their axes; the axes count their issues and sheets', () => {
    const s = strategy();
    expect(tableOf(s, 'fr', 'issues').rows).toEqual([
      {
        id: 'i-mob',
        rank: 1,
        title: 'Mobilité du quotidien',
        description: 'Se déplacer sans voiture',
        axis: 'a-acc',
        axisLabel: 'Un territoire accessible',
        noteCount: 2,
      },
      expect.objectContaining({ id: 'i-num', rank: 2, axis: 'a-acc', noteCount: 1 }),
      expect.objectContaining({ id: 'i-bat', rank: 3, axisLabel: 'Sobriété énergétique', noteCount: 2 }),
    ]);
    expect(tableOf(s, 'en', 'axes').rows).toEqual([
      expect.objectContaining({ id: 'a-acc', rank: 1, issueCount: 2, actionCount: 1 }),
      expect.objectContaining({ id: 'a-sob', rank: 2, title: 'Sobriété énergétique', issueCount: 1 }),
    ]);
    expect(tableOf(s, 'en', 'axes').columns.find((c) => c.key === 'issueCount')?.header).toBe(
      'Number of issues',
    );
  });

  it('gives every field of the action sheet editor, enum values in the workshop’s words', () => {
    const s = strategy();
    const fr = tableOf(s, 'fr', 'actions');
    expect(fr.title).toBe('Fiches action');
    expect(byHeader(fr)[0]).toEqual({
      Identifiant: 's-tad',
      'Axe stratégique (identifiant)': 'a-acc',
      'Axe stratégique': 'Un territoire accessible',
      'Rang dans l’axe': 1,
      'Enjeux (identifiants)': 'i-mob, i-num',
      Enjeux: 'Mobilité du quotidien\nCouverture numérique',
      Intitulé: 'Transport à la demande',
      Objectifs: 'Desservir les villages le soir',
      'Description / contenu de l’action': 'Un service réservable la veille.\nDeux minibus.',
      'Pilote (service ou élu·e référent·e)': 'Service mobilité',
      'Public cible': 'Jeunes, seniors',
      Partenaires: 'Région, transporteur',
      'Risques / points de vigilance': '+33 6 12 34 56 78 : fréquentation faible',
      'Budget prévisionnel (€ HT)': 250_000.5,
      'Montage juridique / contractuel': 'Concession de service',
      Priorité: 'Haute',
      Statut: 'Validée',
      Avancement: 'En cours',
      'Compétences (nomenclature M57)': '90-82',
      'Leviers de la planification écologique': 'Transports en commun ; Réduction des déplacements',
      Programme: 'CRTE',
      'SIRET du porteur': '20006721300005',
      'Début prévu': '2027-01-04',
      'Fin prévue': '2028-12-31',
      'Plan de financement : total (€)': 150_000.25,
      'Plan de financement : acquis (€)': 100_000,
      'Plan de financement : à solliciter (€)': 50_000.25,
      'Reste à financer (€)': 100_000.25,
      'Démarche : Étude socio-économique': 'Fait',
      'Démarche : Modèle économique': 'En cours',
      'Démarche : Plan de financement': 'À faire',
      'Démarche : Business plan': 'À faire',
      'Démarche : Choix du montage': 'À faire',
      'Démarche : Procédure de passation': 'Non concerné',
      'Nombre de jalons': 2,
      'Nombre de partenaires': 2,
      'Nombre d’indicateurs': 1,
      'Date de création (UTC)': '2026-12-03T09:09:00.000Z',
    });
    expect(fr.columns.find((c) => c.key === 'budget')?.type).toBe('euros');
    // A sheet with no axis, no budget and nothing chosen yet.
    expect(rowOf(fr, 's-free')).toMatchObject({
      axis: null,
      axisLabel: 'Sans axe',
      issues: '',
      budget: null,
      financingGap: null,
      structure: 'Non défini',
      priority: 'Non définie',
      status: 'Idée',
    });
    const en = tableOf(s, 'en', 'actions');
    expect(rowOf(en, 's-tad')).toMatchObject({
      structure: 'Service concession',
      priority: 'High',
      status: 'Validated',
      'process:procurement-procedure': 'Not applicable',
    });
    expect(en.columns.find((c) => c.key === 'title')?.header).toBe('Title');
    // The deleted sheet is not there.
    expect(fr.rows.map((r) => r.id)).toEqual(['s-tad', 's-eco', 's-free']);
  });

  it('lists financing lines, milestones, partners and indicators with their sheet', () => {
    const s = strategy();
    expect(tableOf(s, 'fr', 'financing').rows).toEqual([
      {
        id: 'f-1',
        action: 's-tad',
        actionLabel: 'Transport à la demande',
        source: 'Région',
        label: 'Contrat de mobilité',
        amount: 100_000,
        state: 'Acquis',
      },
      expect.objectContaining({ id: 'f-2', source: 'Autre', label: '@fonds local', state: 'À solliciter' }),
    ]);
    expect(rowOf(tableOf(s, 'en', 'financing'), 'f-2')).toMatchObject({
      source: 'Other',
      amount: 50_000.25,
      state: 'To apply for',
    });
    // Milestones by date.
    expect(tableOf(s, 'fr', 'milestones').rows).toEqual([
      {
        id: 'm-1',
        action: 's-tad',
        actionLabel: 'Transport à la demande',
        date: '2027-03-15',
        label: 'Appel d’offres',
      },
      {
        id: 'm-2',
        action: 's-tad',
        actionLabel: 'Transport à la demande',
        date: '2027-09-01',
        label: 'Mise en service',
      },
    ]);
    const partners = tableOf(s, 'fr', 'partners');
    expect(rowOf(partners, 'pa-1')).toMatchObject({
      action: 's-tad',
      name: 'Transdev',
      kind: 'Industriel',
      role: 'Exploitant',
      contact: 'contact@example.org',
    });
    // The partner of a deleted sheet is kept, and says so.
    expect(rowOf(partners, 'pa-orphan')).toMatchObject({
      action: null,
      actionLabel: 'Fiche supprimée',
      kind: 'Start-up',
    });
    const indicators = tableOf(s, 'en', 'indicators');
    expect(rowOf(indicators, 'k-2')).toMatchObject({
      action: 's-eco',
      actionLabel: 'Isolation des écoles',
      unit: 't CO₂/an',
      baseline: 320,
      target: -40.5,
      frequency: 'Yearly',
    });
    expect(rowOf(indicators, 'k-1')).toMatchObject({ baseline: 0, target: 1200, frequency: 'Monthly' });
  });

  it('gives a row per revealed round and target, never an unrevealed round', () => {
    const votes = tableOf(strategy(), 'fr', 'votes');
    expect(votes.rows.map((r) => [r.round, r.target, r.rank, r.result, r.positive, r.voters])).toEqual([
      ['r-issues', 'i-mob', 1, 3, 3, 2],
      ['r-issues', 'i-num', 1, 3, 3, 2],
      ['r-issues', 'i-bat', 1, 3, 3, 2],
    ]);
    expect(votes.rows[0]).toMatchObject({
      roundLabel: 'Enjeux prioritaires',
      mode: 'Vote par gommettes',
      targetKind: 'Enjeux',
      targetLabel: 'Mobilité du quotidien',
      negative: 0,
    });
  });

  it('adds a mean and a median column per criterion of the scoring rounds', () => {
    const s = strategy();
    const dots = s.rounds[0]!;
    s.rounds.push({
      ...dots,
      id: 'r-score',
      title: 'Notation des fiches',
      mode: 'scoring',
      targetKind: 'actions',
      targets: [{ id: 's-tad', label: 'Transport à la demande' }],
      dots: null,
      criteria: [
        { id: 'impact', label: 'Impact', weight: 2 },
        { id: 'cost', label: 'Coût', weight: 1 },
      ],
      results: {
        voters: 3,
        ties: [],
        byGroup: [],
        targets: [
          {
            targetId: 's-tad',
            rank: 1,
            total: 3.889,
            positive: 0,
            negative: 0,
            voters: 3,
            criteria: [
              { criterionId: 'impact', mean: 4.333, median: 4, count: 3 },
              { criterionId: 'cost', mean: 3, median: 3, count: 2 },
            ],
            profile: [],
            gauge: null,
          },
        ],
        pairwise: null,
        weighted: null,
        quorum: null,
      },
    });
    const votes = tableOf(s, 'fr', 'votes');
    expect(votes.columns.filter((c) => c.key.startsWith('criterion:')).map((c) => c.header)).toEqual([
      'Impact : moyenne',
      'Impact : médiane',
      'Coût : moyenne',
      'Coût : médiane',
    ]);
    expect(votes.rows.at(-1)).toMatchObject({
      mode: 'Notation multicritère',
      targetKind: 'Fiches action',
      result: 3.889,
      'criterion:impact:mean': 4.333,
      'criterion:impact:median': 4,
      'criterion:cost:mean': 3,
    });
    expect(votes.rows[0]).toMatchObject({ 'criterion:impact:mean': null });
  });

  it('gives a majority judgment’s grade and merit profile, and a ranking’s duels', () => {
    const s = strategy();
    s.rounds.push(...methodRounds(s));
    const votes = tableOf(s, 'fr', 'votes');
    const judged = votes.rows.filter((r) => r.round === 'r-judged');
    expect(judged.map((r) => [r.target, r.rank, r.result, r.majorityGrade])).toEqual([
      ['i-mob', 1, null, 'Très bien −'],
      ['i-num', 2, null, 'Bien −'],
      ['i-bat', 3, null, 'À rejeter'],
    ]);
    // Intl's French percentages come with a narrow no-break space.
    expect(String(judged[0]?.meritProfile).replace(/\s/g, ' ')).toBe(
      'Excellent 33 % · Très bien 33 % · Bien 33 % · À rejeter 0 %',
    );
    const ranked = votes.rows.filter((r) => r.round === 'r-ranked');
    expect(ranked.map((r) => [r.target, r.rank, r.result, r.pairwise])).toEqual([
      ['i-num', 1, 2, 'Mobilité du quotidien 2/3 · Bâtiments publics 2/3'],
      ['i-mob', 2, 1, 'Couverture numérique 1/3 · Bâtiments publics 3/3'],
      ['i-bat', 3, 0, 'Mobilité du quotidien 0/3 · Couverture numérique 1/3'],
    ]);
    expect(votes.rows[0]).toMatchObject({
      majorityGrade: null,
      meritProfile: null,
      pairwise: null,
    });
  });

  it('gives the result where each group weighs the same beside the plain one, and the quorum', () => {
    const s = strategy();
    s.rounds.push(weightedRound(s));
    const rows = tableOf(s, 'fr', 'votes').rows.filter((r) => r.round === 'r-weighted');
    expect(rows.map((r) => [r.target, r.rank, r.result, r.weightedRank, r.weightedResult])).toEqual([
      ['i-mob', 1, 6, 1, '4,5 gommettes'],
      ['i-num', 2, 3, 1, '4,5 gommettes'],
    ]);
    expect(String(rows[0]?.quorum).replace(/\s/g, ' ')).toBe(
      'Quorum de 50 % par collège non atteint (Élu·e 3/3, Habitant·e 6/6, Association 0/1) : résultats révélés malgré tout',
    );
    expect(tableOf(strategy(), 'fr', 'votes').rows[0]).toMatchObject({ weightedRank: null, quorum: null });
  });
});
