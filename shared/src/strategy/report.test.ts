import { describe, expect, it } from 'vitest';
import { noEntries } from '../votes/ballot';
import { tallyRound } from '../votes/tally';
import { buildStrategy } from './build';
import { EMPTY_FIELD, type ReportBlock, type ReportRun, strategyReport } from './report';
import { methodRounds, weightedRound } from './rounds.fixture';
import type { StrategyRound } from './schema';
import { fixtureWorkshop } from './workshop.fixture';

/** Intl separates French thousands with narrow no-break spaces: compare with plain spaces. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const text = (runs: ReportRun[]) => plain(runs.map((r) => r.text).join(''));

const strategy = () => buildStrategy(fixtureWorkshop().source);

/** The blocks under a heading, up to the next heading of its level or above. */
function under(blocks: ReportBlock[], heading: string): ReportBlock[] {
  const start = blocks.findIndex((b) => b.kind === 'heading' && b.text === heading);
  if (start < 0) throw new Error(`No heading "${heading}"`);
  const level = (blocks[start] as { level: number }).level;
  const end = blocks.findIndex((b, i) => i > start && b.kind === 'heading' && b.level <= level);
  return blocks.slice(start + 1, end < 0 ? undefined : end);
}
const headings = (blocks: ReportBlock[], level: number) =>
  blocks.flatMap((b) => (b.kind === 'heading' && b.level === level ? [b.text] : []));
const tables = (blocks: ReportBlock[]) => blocks.flatMap((b) => (b.kind === 'table' ? [b] : []));
const items = (blocks: ReportBlock[]) =>
  blocks.flatMap((b) => (b.kind === 'bullets' ? b.items.map((item) => text(item.runs)) : []));
const lines = (blocks: ReportBlock[]) =>
  blocks.flatMap((b) => (b.kind === 'paragraph' ? [text(b.runs)] : []));
/** A two-column table as label → value. */
const fields = (blocks: ReportBlock[], index = 0) =>
  Object.fromEntries((tables(blocks)[index]?.rows ?? []).map(([k, v]) => [k, plain(v ?? '')]));
/** Every text of the report, in order. */
function allTexts(blocks: ReportBlock[]): string[] {
  return blocks.flatMap((b) => {
    if (b.kind === 'heading') return [b.text];
    if (b.kind === 'paragraph') return b.runs.map((r) => r.text);
    if (b.kind === 'bullets') return b.items.flatMap((item) => item.runs.map((r) => r.text));
    return [...b.header, ...b.rows.flat()];
  });
}

describe('strategyReport', () => {
  it('opens with a title page: the workshop, its territory, date, facilitator and the export', () => {
    const report = strategyReport(strategy(), 'fr');
    expect(report.title).toBe('Stratégie d’innovation — Val de Loue');
    expect(report.titlePage.subtitle).toBe('Rapport de l’atelier');
    expect(report.titlePage.lines.map(text)).toEqual([
      'Territoire : Communauté d’agglomération du Val de Loue — Intercommunalité (EPCI)',
      'Date de l’atelier : 3 déc. 2026',
      'Animateur·rice : Camille Martin',
    ]);
    expect(report.titlePage.madeWith).toBe('Rapport établi avec Atelier le 3 déc. 2026');
    expect(report.author).toBe('Camille Martin');
  });

  it('has its sections in the method’s order, in the workshop’s language', () => {
    expect(headings(strategyReport(strategy(), 'fr').blocks, 1)).toEqual([
      'Synthèse',
      'Diagnostic territorial',
      'Enjeux prioritaires',
      'Axes stratégiques',
      'Plan d’actions',
      'Partenariats',
      'Suivi et évaluation',
      'Résultats des votes',
    ]);
    expect(headings(strategyReport(strategy(), 'en').blocks, 1)).toEqual([
      'Summary',
      'Territorial assessment',
      'Priority issues',
      'Strategic axes',
      'Action plan',
      'Partnerships',
      'Monitoring and evaluation',
      'Vote results',
    ]);
  });

  it('sums the workshop up: key figures, people by group, and the axes with their issues and sheets', () => {
    const summary = under(strategyReport(strategy(), 'fr').blocks, 'Synthèse');
    expect(fields(summary)).toEqual({
      Participant·es: '5',
      Contributions: '6',
      'Enjeux prioritaires': '3',
      'Axes stratégiques': '2',
      'Fiches action': '3',
      'Budget total': '1 450 000,50 € (dont 1 fiche non chiffrée)',
      'Financement acquis': '100 000 €',
      Partenaires: '3',
      'Indicateurs de suivi': '2',
      'Votes révélés': '1',
    });
    expect(tables(summary)[0]?.align).toEqual(['left', 'right']);
    expect(fields(summary, 1)).toMatchObject({ Élu·e: '1', Habitant·e: '1', Partenaire: '0' });
    expect(items(under(summary, 'La stratégie en un coup d’œil'))).toEqual([
      'Axe 1 · Un territoire accessible',
      'Enjeu : Mobilité du quotidien',
      'Enjeu : Couverture numérique',
      'Fiche action : Transport à la demande',
      'Axe 2 · Sobriété énergétique',
      'Enjeu : Bâtiments publics',
      'Fiche action : Isolation des écoles',
      'Sans axe',
      'Aucun enjeu rattaché',
      'Fiche action : Tiers-lieu numérique',
    ]);
  });

  it('groups the assessment’s notes by theme, each with its author’s group, untagged ones last', () => {
    const assessment = under(strategyReport(strategy(), 'fr').blocks, 'Diagnostic territorial');
    expect(headings(assessment, 2)).toEqual([
      'Mobilités douces',
      'Services numériques',
      'Énergie des bâtiments',
      'Économie locale',
      'Sans thématique',
    ]);
    expect(items(under(assessment, 'Mobilités douces'))).toEqual([
      'Pas de bus après 19 h — Habitant·e',
      '=HYPERLINK("http://evil") — Élu·e',
    ]);
    expect(items(under(assessment, 'Sans thématique'))).toEqual(['Idée en vrac — Agent de la collectivité']);
    const en = under(strategyReport(strategy(), 'en').blocks, 'Territorial assessment');
    expect(headings(en, 2)[0]).toBe('Soft mobility');
  });

  it('starts each step’s section with the question the facilitator put to the room', () => {
    const blocks = strategyReport(strategy(), 'fr').blocks;
    const after = (heading: string) =>
      blocks[blocks.findIndex((b) => b.kind === 'heading' && b.text === heading) + 1];
    expect(after('Diagnostic territorial')).toEqual({
      kind: 'paragraph',
      runs: [
        { text: 'Question pour la salle\u00a0: ', bold: true },
        { text: 'Quels constats sur les mobilités ?' },
      ],
    });
    expect(lines(under(blocks, 'Axes stratégiques'))[0]).toBe(
      'Question pour la salle : Quelles orientations pour le mandat ?',
    );
    // A step without a question opens on its content.
    expect(after('Enjeux prioritaires')).toMatchObject({ kind: 'heading', level: 2 });
  });

  it('ranks the priority issues, each with the notes behind it and its vote', () => {
    const issues = under(strategyReport(strategy(), 'fr').blocks, 'Enjeux prioritaires');
    expect(headings(issues, 2)).toEqual([
      'Enjeu n° 1\u00a0: Mobilité du quotidien',
      'Enjeu n° 2\u00a0: Couverture numérique',
      'Enjeu n° 3\u00a0: Bâtiments publics',
    ]);
    const first = under(issues, 'Enjeu n° 1\u00a0: Mobilité du quotidien');
    expect(lines(first)).toEqual([
      'Se déplacer sans voiture',
      'Axe stratégique : Axe 1 · Un territoire accessible',
    ]);
    expect(items(under(first, 'Contributions à l’appui'))).toEqual([
      '=HYPERLINK("http://evil") — Élu·e',
      'Pas de bus après 19 h — Habitant·e',
    ]);
    expect(items(under(first, 'Résultats de vote'))).toEqual([
      'Enjeux prioritaires : Rang 1 (ex aequo), 3 gommettes, 2 votant·es',
    ]);
    const second = under(issues, 'Enjeu n° 2\u00a0: Couverture numérique');
    expect(lines(second)[0]).toBe('Pas de description.');
    expect(items(under(second, 'Contributions à l’appui'))).toEqual([
      '<b>Zones blanches</b> & *fibre* — Habitant·e',
    ]);
  });

  it('describes each axis with its issues and sheets', () => {
    const axes = under(strategyReport(strategy(), 'fr').blocks, 'Axes stratégiques');
    const first = under(axes, 'Axe 1 · Un territoire accessible');
    expect(lines(first)).toEqual(['Mobilité et numérique pour tous']);
    expect(items(under(first, 'Enjeux rattachés'))).toEqual([
      'Enjeu n° 1 : Mobilité du quotidien',
      'Enjeu n° 2 : Couverture numérique',
    ]);
    expect(items(under(first, 'Fiches action'))).toEqual(['Transport à la demande']);
  });

  it('gives each action sheet its fields, financing plan with totals, milestones and issues', () => {
    const plan = under(strategyReport(strategy(), 'fr').blocks, 'Plan d’actions');
    expect(headings(plan, 2)).toEqual([
      'Transport à la demande',
      'Isolation des écoles',
      'Tiers-lieu numérique',
    ]);
    const sheet = under(plan, 'Transport à la demande');
    expect(fields(sheet)).toEqual({
      'Axe stratégique': 'Axe 1 · Un territoire accessible',
      'Pilote (service ou élu·e référent·e)': 'Service mobilité',
      'Public cible': 'Jeunes, seniors',
      Objectifs: 'Desservir les villages le soir',
      'Description / contenu de l’action': 'Un service réservable la veille.\nDeux minibus.',
      Partenaires: 'Région, transporteur',
      'Risques / points de vigilance': '+33 6 12 34 56 78 : fréquentation faible',
      'Budget prévisionnel (€ HT)': '250 000,50 €',
      'Montage juridique / contractuel': 'Concession de service',
      Priorité: 'Haute',
      Statut: 'Validée',
      Avancement: 'En cours',
      'Début prévu': '4 janv. 2027',
      'Fin prévue': '31 déc. 2028',
      Programme: 'CRTE',
      'SIRET du porteur': '20006721300005',
      'Compétences (nomenclature M57)': '90-82 Transports publics de voyageurs',
      'Leviers de la planification écologique': 'Transports en commun ; Réduction des déplacements',
    });
    const [financing, totals, milestones] = tables(under(sheet, 'Plan de financement')).concat(
      tables(under(sheet, 'Calendrier et jalons')),
    );
    expect(financing?.rows.map((row) => row.map(plain))).toEqual([
      ['Région', 'Contrat de mobilité', '100 000 €', 'Acquis'],
      ['Autre', '@fonds local', '50 000,25 €', 'À solliciter'],
    ]);
    expect(financing?.align).toEqual(['left', 'left', 'right', 'left']);
    expect(totals?.rows.map((row) => row.map(plain))).toEqual([
      ['Total du plan', '150 000,25 €'],
      ['Acquis', '100 000 €'],
      ['À solliciter', '50 000,25 €'],
      ['Écart avec le budget', 'Reste à financer : 100 000,25 €'],
    ]);
    expect(milestones?.rows).toEqual([
      ['15 mars 2027', 'Appel d’offres'],
      ['1 sept. 2027', 'Mise en service'],
    ]);
    expect(items(under(sheet, 'Enjeux auxquels répond l’action'))).toEqual([
      'Enjeu n° 1 : Mobilité du quotidien',
      'Enjeu n° 2 : Couverture numérique',
    ]);

    // Empty fields say so.
    const bare = under(plan, 'Tiers-lieu numérique');
    expect(fields(bare)).toMatchObject({
      'Axe stratégique': 'Sans axe',
      'Public cible': EMPTY_FIELD,
      'Budget prévisionnel (€ HT)': 'Budget à définir',
      'Montage juridique / contractuel': 'Non défini',
      Priorité: 'Non définie',
      Statut: 'Idée',
    });
    expect(lines(under(bare, 'Plan de financement'))).toEqual([
      'Aucune ligne de financement pour l’instant.',
    ]);
    expect(fields(under(bare, 'Plan de financement'))['Écart avec le budget']).toBe('Budget à définir');
    expect(lines(under(bare, 'Enjeux auxquels répond l’action'))).toEqual([
      'Aucun : la fiche n’a pas d’axe, ou son axe n’a pas d’enjeu.',
    ]);
  });

  it('writes numbers, euros and dates the English way in English', () => {
    const report = strategyReport(strategy(), 'en');
    const sheet = under(under(report.blocks, 'Action plan'), 'Transport à la demande');
    expect(fields(sheet)).toMatchObject({
      'Estimated budget (€ excl. VAT)': '€250,000.50',
      'Legal / contract structure': 'Service concession',
      Priority: 'High',
    });
    expect(tables(under(sheet, 'Timeline and milestones'))[0]?.rows[0]).toEqual([
      '15 Mar 2027',
      'Appel d’offres',
    ]);
    expect(report.titlePage.lines.map(text)[1]).toBe('Workshop date: 3 Dec 2026');
    const monitoring = tables(under(report.blocks, 'Monitoring and evaluation'))[0];
    expect(monitoring?.rows.map((row) => row.slice(1, 6))).toEqual([
      ['Trajets par mois', 'trajets', '0', '1,200', 'Monthly'],
      ['Émissions', 't CO₂/an', '320', '-40.5', 'Yearly'],
    ]);
  });

  it('lists the partners and the partnership process of each sheet, and the deleted sheet’s partner', () => {
    const partnerships = under(strategyReport(strategy(), 'fr').blocks, 'Partenariats');
    expect(headings(partnerships, 2)).toEqual([
      'Transport à la demande',
      'Isolation des écoles',
      'Tiers-lieu numérique',
      'Fiche supprimée',
    ]);
    const sheet = under(partnerships, 'Transport à la demande');
    const [partners, process] = tables(sheet);
    expect(partners?.header).toEqual(['Nom', 'Type d’acteur', 'Rôle dans l’action', 'Contact']);
    expect(partners?.rows).toEqual([
      ['Transdev', 'Industriel', 'Exploitant', 'contact@example.org'],
      ['Comité des usagers', 'Société civile / association', 'Avis', EMPTY_FIELD],
    ]);
    expect(lines(sheet)).toEqual(['1 sur 5 étapes faites']);
    expect(process?.rows).toEqual([
      ['Étude socio-économique', 'Fait'],
      ['Modèle économique', 'En cours'],
      ['Plan de financement', 'À faire'],
      ['Business plan', 'À faire'],
      ['Choix du montage', 'À faire'],
      ['Procédure de passation', 'Non concerné'],
    ]);
    expect(lines(under(partnerships, 'Isolation des écoles'))[0]).toBe(
      'Aucun partenaire pour cette fiche pour l’instant.',
    );
    expect(tables(under(partnerships, 'Fiche supprimée'))[0]?.rows).toEqual([
      ['Start-up locale', 'Start-up', EMPTY_FIELD, EMPTY_FIELD],
    ]);
  });

  it('tables the indicators with their sheet, values and frequency', () => {
    const [table] = tables(under(strategyReport(strategy(), 'fr').blocks, 'Suivi et évaluation'));
    expect(table?.header).toEqual([
      'Fiche action',
      'Indicateur',
      'Unité',
      'Valeur de référence',
      'Valeur cible',
      'Fréquence',
      'Source',
    ]);
    expect(table?.rows.map((row) => row.map(plain))).toEqual([
      ['Transport à la demande', 'Trajets par mois', 'trajets', '0', '1 200', 'Mensuelle', 'Billettique'],
      ['Isolation des écoles', 'Émissions', 't CO₂/an', '320', '-40,5', 'Annuelle', EMPTY_FIELD],
    ]);
  });

  it('gives each revealed round its ranking and its breakdown by group', () => {
    const votes = under(strategyReport(strategy(), 'fr').blocks, 'Résultats des votes');
    expect(headings(votes, 2)).toEqual(['Enjeux prioritaires']);
    expect(lines(votes)).toEqual([
      'Vote par gommettes · Enjeux · 3 votant·es · révélé le 3 déc. 2026',
      '3 gommettes par personne, 2 au plus par élément',
      'Trop peu de votant·es par collège : tous sont regroupés pour préserver le secret du vote.',
    ]);
    const [ranking, byGroup] = tables(votes);
    expect(ranking?.header).toEqual(['Rang', 'Élément', 'Total', 'Votant·es']);
    expect(ranking?.rows).toEqual([
      ['1 (ex aequo)', 'Mobilité du quotidien', '3', '2'],
      ['1 (ex aequo)', 'Couverture numérique', '3', '2'],
      ['1 (ex aequo)', 'Bâtiments publics', '3', '2'],
    ]);
    expect(byGroup?.header).toEqual([
      'Élément',
      'Autres (dont Élu·e, Agent de la collectivité, Habitant·e) · 3 votant·es',
    ]);
    expect(byGroup?.rows[0]).toEqual(['Mobilité du quotidien', '3']);
  });

  it('gives a majority judgment its grades and merit profiles, and a ranking its pairwise duels', () => {
    const s = strategy();
    s.rounds.push(...methodRounds(s));
    const votes = under(strategyReport(s, 'fr').blocks, 'Résultats des votes');
    const judged = under(votes, 'Jugement des enjeux');
    expect(lines(judged)[1]).toBe(
      'Une mention par élément : Excellent, Très bien, Bien, À rejeter (sans mention : À rejeter)',
    );
    const [ranking] = tables(judged);
    expect(ranking?.header).toEqual(['Rang', 'Élément', 'Total', 'Votant·es', 'Profil de mérite']);
    expect(ranking?.rows.map((row) => row.slice(0, 3).map(plain))).toEqual([
      ['1', 'Mobilité du quotidien', 'Très bien −'],
      ['2', 'Couverture numérique', 'Bien −'],
      ['3', 'Bâtiments publics', 'À rejeter'],
    ]);
    expect(plain(ranking?.rows[1]?.[4] ?? '')).toBe(
      'Excellent 0 % · Très bien 0 % · Bien 67 % · À rejeter 33 %',
    );

    const ranked = under(votes, 'Classement des enjeux');
    expect(lines(ranked)[1]).toBe(
      'Chacun·e classe les éléments ; dépouillement par la méthode de Schulze (Condorcet)',
    );
    const [order, duels] = tables(ranked);
    expect(order?.rows.map((row) => row.slice(0, 3))).toEqual([
      ['1', 'Couverture numérique', 'bat 2 éléments'],
      ['2', 'Mobilité du quotidien', 'bat 1 élément'],
      ['3', 'Bâtiments publics', 'bat 0 élément'],
    ]);
    expect(headings(ranked, 3)).toContain('Duels (méthode de Schulze)');
    expect(duels?.header).toEqual(['', 'Mobilité du quotidien', 'Couverture numérique', 'Bâtiments publics']);
    expect(duels?.rows).toEqual([
      ['Mobilité du quotidien', '—', '1', '3'],
      ['Couverture numérique', '2', '—', '2'],
      ['Bâtiments publics', '0', '1', '—'],
    ]);
  });

  it('gives a round counted with college weighting both results, and says the quorum was not met', () => {
    const s = strategy();
    s.rounds.push(weightedRound(s));
    const round = under(under(strategyReport(s, 'fr').blocks, 'Résultats des votes'), 'Enjeux, à poids égal');
    expect(lines(round)).toContain(
      'Quorum de 50 % par collège non atteint (Élu·e 3/3, Habitant·e 6/6, Association 0/1) : résultats révélés malgré tout',
    );
    expect(headings(round, 3)).toContain('Résultat à poids égal par collège');
    const weighted = tables(round)[1];
    expect(weighted?.rows.map((row) => row.map(plain))).toEqual([
      ['1 (ex aequo)', 'Mobilité du quotidien', '4,5 gommettes'],
      ['1 (ex aequo)', 'Couverture numérique', '4,5 gommettes'],
    ]);
  });

  it('gives a scoring round each criterion’s mean and median, scores out of 5', () => {
    const s = strategy();
    const dots = s.rounds[0] as StrategyRound;
    const round: StrategyRound = {
      ...dots,
      id: 'r-scores',
      title: 'Fiches à lancer',
      targetKind: 'actions',
      targets: [
        { id: 's-tad', label: 'Transport à la demande' },
        { id: 's-eco', label: 'Isolation des écoles' },
      ],
      mode: 'scoring',
      dots: null,
      criteria: [
        { id: 'impact', label: 'Impact', weight: 1 },
        { id: 'cost', label: 'Coût', weight: 2 },
      ],
    };
    const ballot = (participantId: string, group: 'resident' | 'elected' | 'staff', scores: number[][]) => ({
      participantId,
      group,
      ...noEntries(),
      scores: {
        's-tad': { impact: scores[0]?.[0] ?? 0, cost: scores[0]?.[1] ?? 0 },
        's-eco': { impact: scores[1]?.[0] ?? 0, cost: scores[1]?.[1] ?? 0 },
      },
      done: true,
    });
    round.results = tallyRound(round, [
      ballot('p-lea', 'resident', [
        [5, 4],
        [2, 1],
      ]),
      ballot('p-hugo', 'elected', [
        [4, 3],
        [3, 2],
      ]),
      ballot('p-camille', 'staff', [
        [2, 3],
        [1, 4],
      ]),
    ]);
    const votes = under(strategyReport({ ...s, rounds: [round] }, 'fr').blocks, 'Résultats des votes');
    expect(lines(votes).slice(0, 2)).toEqual([
      'Notation multicritère · Fiches action · 3 votant·es · révélé le 3 déc. 2026',
      'Notes de 0 à 5 : Impact, Coût',
    ]);
    const [ranking] = tables(votes);
    expect(ranking?.header).toEqual(['Rang', 'Élément', 'Total', 'Votant·es', 'Impact', 'Coût']);
    expect(ranking?.align).toEqual(['left', 'left', 'right', 'right', 'right', 'right']);
    expect(ranking?.rows).toEqual([
      ['1', 'Transport à la demande', '3,4 / 5', '3', '3,7 (méd. 4)', '3,3 (méd. 3)'],
      ['2', 'Isolation des écoles', '2,2 / 5', '3', '2 (méd. 2)', '2,3 (méd. 2)'],
    ]);
  });

  it('keeps what participants typed verbatim, formulas and markup included', () => {
    const texts = allTexts(strategyReport(strategy(), 'fr').blocks);
    for (const typed of [
      '=HYPERLINK("http://evil")',
      '<b>Zones blanches</b> & *fibre*',
      '+33 6 12 34 56 78 : fréquentation faible',
      '@fonds local',
      'Un service réservable la veille.\nDeux minibus.',
    ])
      expect(texts).toContain(typed);
  });

  it('says so in one line when a part of the outcome is empty', () => {
    const s = strategy();
    const empty = strategyReport(
      {
        ...s,
        workshop: { ...s.workshop, questions: {} },
        notes: [],
        issues: [],
        axes: [],
        actions: [],
        partners: [],
        indicators: [],
        rounds: [],
      },
      'fr',
    );
    const after = (heading: string) => under(empty.blocks, heading);
    expect(lines(after('Diagnostic territorial'))).toEqual(['Aucune contribution.']);
    expect(lines(after('Enjeux prioritaires'))).toEqual(['Aucun enjeu prioritaire.']);
    expect(lines(after('Axes stratégiques'))).toEqual(['Aucun axe stratégique.']);
    expect(lines(after('Plan d’actions'))).toEqual(['Aucune fiche action.']);
    expect(lines(after('Partenariats'))).toEqual(['Aucun partenaire n’a été identifié.']);
    expect(lines(after('Suivi et évaluation'))).toEqual(['Aucun indicateur de suivi.']);
    expect(lines(after('Résultats des votes'))).toEqual(['Aucun vote révélé.']);
    expect(items(after('La stratégie en un coup d’œil'))).toEqual([]);
    expect(lines(after('La stratégie en un coup d’œil'))).toEqual(['Aucun axe stratégique.']);
  });
});
