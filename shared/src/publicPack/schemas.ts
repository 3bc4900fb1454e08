import collectivites from './schemas/collectivites.json' with { type: 'json' };
import projets from './schemas/projets-territoire.json' with { type: 'json' };

/**
 * The Table Schemas of the pack's CSV files. Two are the published beta.gouv schemas, shipped as
 * read (repository `betagouv/schema-projet-collectivites-transition-ecologique`, commit a383dc3,
 * 2025-05-20, Licence Ouverte 2.0: docs/public-pack-sources.md §1), so a row the pack writes is
 * checked against the very schema the State's tools check it with; the indicators' is Atelier's.
 */

/** A Frictionless Table Schema descriptor (v1), as far as the pack uses it. */
export interface TableSchema {
  fields: {
    name: string;
    title?: string;
    description?: string;
    type: string;
    format?: string;
    constraints?: { required?: boolean; pattern?: string; enum?: string[]; minimum?: number };
  }[];
  primaryKey?: string | string[];
  missingValues?: string[];
  [key: string]: unknown;
}

export const BETAGOUV_SCHEMA_SOURCE = {
  repository: 'betagouv/schema-projet-collectivites-transition-ecologique',
  commit: 'a383dc326755330ea34e896229b95fad5d4f4fd5',
  committed: '2025-05-20',
  version: 'v0.1.0',
} as const;

export const PROJECTS_SCHEMA: TableSchema = projets;
export const COLLECTIVITES_SCHEMA: TableSchema = collectivites;

const UUID = { type: 'string', format: 'uuid' };

export const INDICATORS_SCHEMA: TableSchema = {
  $schema: 'https://frictionlessdata.io/schemas/table-schema.json',
  name: 'indicateurs',
  title: 'Indicateurs de suivi des projets',
  missingValues: [''],
  primaryKey: 'id',
  fields: [
    { name: 'id', title: 'Identifiant', ...UUID, constraints: { required: true } },
    {
      name: 'projetId',
      title: 'Projet',
      description:
        'Le projet (projets-territoire.id) que l’indicateur suit ; vide si sa fiche a été supprimée.',
      ...UUID,
    },
    { name: 'nom', title: 'Nom', type: 'string' },
    { name: 'unite', title: 'Unité', type: 'string' },
    {
      name: 'referenceCrte',
      title: 'Indicateur CRTE',
      description: 'Identifiant de l’indicateur du CRTE repris (référentiel de Territoires en Transitions).',
      type: 'string',
    },
    { name: 'valeurInitiale', title: 'Valeur de référence', type: 'number' },
    { name: 'valeurCible', title: 'Valeur cible', type: 'number' },
    { name: 'source', title: 'Source de la donnée', type: 'string' },
    {
      name: 'frequence',
      title: 'Fréquence de mesure',
      type: 'string',
      constraints: {
        enum: ['Mensuelle', 'Trimestrielle', 'Semestrielle', 'Annuelle', 'Ponctuelle', 'Autre'],
      },
    },
  ],
  foreignKeys: [{ fields: 'projetId', reference: { resource: 'projets-territoire', fields: 'id' } }],
};
