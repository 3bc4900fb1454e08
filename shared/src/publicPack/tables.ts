import type { ActionProgress, ActionStatus } from '../doc/actions';
import { translate } from '../i18n/translate';
import type { TerritoryKind } from '../schema/enums';
import type { Strategy, StrategyAction } from '../strategy/schema';
import { COLLECTIVITES_SCHEMA, INDICATORS_SCHEMA, PROJECTS_SCHEMA, type TableSchema } from './schemas';

/**
 * The "Pack données publiques" (issue 20 §3) as data: the workshop's action sheets as rows of the
 * beta.gouv schema for collectivités' ecological-transition projects, its territory as a row of
 * the same schema's `collectivites`, its indicators, and the rows of a Territoires en Transitions
 * plan d'action import. Pure: the server writes them as CSV, the TET sheet as xlsx, and the
 * descriptor (`descriptor.ts`). Mapping field by field: docs/public-pack.md.
 */

/** A cell of a pack's CSV: text, a number, or empty; arrays are written as JSON text, as the beta.gouv examples do. */
export type PackCell = string | number | null;

export interface PackTable {
  /** The resource's name in `datapackage.json` (lowercase, dashes). */
  name: string;
  /** Its file in the zip. */
  path: string;
  title: string;
  description: string;
  schema: TableSchema;
  rows: Record<string, PackCell>[];
}

/** A stable UUID for an entity of the workshop (the beta.gouv schema wants UUIDs; ours are not). */
export type UuidOf = (kind: 'project' | 'collectivite' | 'indicator', id: string) => string;

/** The beta.gouv `phase` of a sheet, from where it stands in the workshop. */
export const PHASE_OF_STATUS: Record<ActionStatus, string> = {
  idea: 'Idée',
  drafting: 'Étude',
  validated: 'Opération',
};

/**
 * The beta.gouv `phaseStatut` of a followed action: its enum has no "to come" nor "done" of its
 * own ("À venir" reads "En cours", "Réalisée" "Terminé"), as Territoires en Transitions' own
 * mapper to the communs does.
 */
export const PHASE_STATUS_OF_PROGRESS: Record<ActionProgress, string> = {
  planned: 'En cours',
  'in-progress': 'En cours',
  done: 'Terminé',
  paused: 'En pause',
  late: 'En retard',
  blocked: 'Bloqué',
  abandoned: 'Abandonné',
};

/** The beta.gouv `collectivites.type` of a territory kind; a syndicate or another body has none. */
export const COLLECTIVITE_TYPE: Partial<Record<TerritoryKind, string>> = {
  municipality: 'Commune',
  epci: 'EPCI',
  department: 'Département',
  region: 'Région',
};

const json = (values: readonly string[]) => JSON.stringify(values);

/** A commune's department, from its INSEE code: two characters (2A, 2B included), three overseas (97x). */
export function departmentOfInsee(insee: string): string {
  return insee.startsWith('97') ? insee.slice(0, 3) : insee.slice(0, 2);
}

/** The `collectivites` table: the workshop's territory, when its kind has a beta.gouv type. */
export function collectivitesTable(s: Strategy, uuidOf: UuidOf, at: string): PackTable {
  const { territory, territoryCodes: codes, id } = s.workshop;
  const type = COLLECTIVITE_TYPE[territory.kind];
  const rows: Record<string, PackCell>[] =
    type === undefined
      ? []
      : [
          {
            id: uuidOf('collectivite', id),
            nom: territory.name,
            type,
            codeInsee: territory.kind === 'municipality' ? codes.insee : null,
            codeDepartements: json(codes.insee === null ? [] : [departmentOfInsee(codes.insee)]),
            codeRegions: json([]),
            codeEpci: territory.kind === 'epci' ? codes.siren : null,
            siren: codes.siren,
            createdAt: `${s.workshop.date}T00:00:00.000Z`,
            updatedAt: at,
          },
        ];
  return {
    name: 'collectivites',
    path: 'collectivites.csv',
    title: 'Collectivités',
    description:
      'La collectivité pour laquelle l’atelier a été mené (schéma beta.gouv des collectivités, v0.1.0).',
    schema: COLLECTIVITES_SCHEMA,
    rows,
  };
}

/** The sheet's description for the projects table: its description, or its objectives when it has none. */
function projectDescription(a: StrategyAction): string | null {
  const text = a.description.trim() !== '' ? a.description : a.objectives;
  return text.trim() === '' ? null : text;
}

/** The `projets-territoire` table: one row per action sheet. */
export function projectsTable(s: Strategy, uuidOf: UuidOf, at: string): PackTable {
  const collectivite =
    COLLECTIVITE_TYPE[s.workshop.territory.kind] === undefined ? [] : [uuidOf('collectivite', s.workshop.id)];
  return {
    name: 'projets-territoire',
    path: 'projets-territoire.csv',
    title: 'Projets de la collectivité',
    description:
      'Les fiches action de l’atelier, au schéma beta.gouv des projets de collectivités pour la transition écologique (v0.1.0). Aucune coordonnée de référent : le pack ne contient pas de données personnelles.',
    schema: PROJECTS_SCHEMA,
    rows: s.actions.map((a) => ({
      id: uuidOf('project', a.id),
      createdAt: a.createdAt,
      updatedAt: at,
      nom: a.title.trim() === '' ? translate(s.workshop.locale, 'sheet.untitled') : a.title,
      description: projectDescription(a),
      budgetPrevisionnel: a.budget === null ? null : Math.round(a.budget),
      dateDebutPrevisionnelle: a.startDate,
      phase: PHASE_OF_STATUS[a.status],
      phaseStatut: a.progress === null ? null : PHASE_STATUS_OF_PROGRESS[a.progress],
      programme: a.programme === '' ? null : a.programme,
      porteurCodeSiret: a.leadSiret === '' ? null : a.leadSiret,
      porteurReferentEmail: null,
      porteurReferentTelephone: null,
      porteurReferentPrenom: null,
      porteurReferentNom: null,
      porteurReferentFonction: null,
      competences: json(a.competences),
      leviers: json(a.levers),
      mecId: null,
      tetId: null,
      recocoId: null,
      collectiviteIds: json(collectivite),
    })),
  };
}

/** The indicators table: each indicator with its project, its CRTE reference and values. */
export function indicatorsTable(s: Strategy, uuidOf: UuidOf): PackTable {
  return {
    name: 'indicateurs',
    path: 'indicateurs.csv',
    title: 'Indicateurs de suivi',
    description:
      'Les indicateurs de suivi des fiches action, avec l’indicateur du CRTE dont ils reprennent la définition (référentiel de Territoires en Transitions), le cas échéant.',
    schema: INDICATORS_SCHEMA,
    rows: s.indicators.map((x) => ({
      id: uuidOf('indicator', x.id),
      projetId: x.action === null ? null : uuidOf('project', x.action),
      nom: x.name.trim() === '' ? null : x.name,
      unite: x.unit === '' ? null : x.unit,
      referenceCrte: x.reference,
      valeurInitiale: x.baseline,
      valeurCible: x.target,
      source: x.source === '' ? null : x.source,
      frequence: translate('fr', `plan.frequency.${x.frequency}`),
    })),
  };
}
