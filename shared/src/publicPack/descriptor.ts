import { z } from 'zod';
import type { Strategy } from '../strategy/schema';
import { slugOf } from '../textFold';
import { BETAGOUV_SCHEMA_SOURCE } from './schemas';
import type { PackTable } from './tables';

/**
 * The pack's `datapackage.json` (Frictionless Data Package, v1 descriptor, which the v2 profile
 * also accepts) and its data card: what the data is, who produced it, when, and how personal
 * data was handled — in the descriptor's `description` and as `LISEZMOI.md` in the zip.
 */

/** The licences a pack may be published under (the `licenses` entry of the descriptor). */
export const PACK_LICENCES = {
  'etalab-2.0': {
    name: 'etalab-2.0',
    title: 'Licence Ouverte / Open Licence 2.0',
    path: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence',
  },
  'ODbL-1.0': {
    name: 'ODbL-1.0',
    title: 'Open Database License (ODbL) 1.0',
    path: 'https://opendatacommons.org/licenses/odbl/1-0/',
  },
  'CC-BY-4.0': {
    name: 'CC-BY-4.0',
    title: 'Creative Commons Attribution 4.0 International',
    path: 'https://creativecommons.org/licenses/by/4.0/',
  },
} as const;
export const PackLicence = z.enum(['etalab-2.0', 'ODbL-1.0', 'CC-BY-4.0']);
export type PackLicence = z.infer<typeof PackLicence>;

/** A file of the pack that is not a CSV table (the TET import workbook). */
export interface PackFile {
  name: string;
  path: string;
  title: string;
  description: string;
  format: string;
  mediatype: string;
}

/** A package name: lowercase letters, digits, `-`, `.`, `_` (the profile's pattern). */
export function packageName(title: string, workshopId: string): string {
  const slug = slugOf(title).slice(0, 60);
  return `atelier-${slug || 'atelier'}-${workshopId.toLowerCase().replace(/[^a-z0-9._-]/g, '')}`;
}

/** The data card, in Markdown: the descriptor's `description` and the zip's `LISEZMOI.md`. */
export function dataCard(
  s: Strategy,
  tables: readonly PackTable[],
  files: readonly PackFile[],
  at: string,
): string {
  const w = s.workshop;
  const count = (name: string) => tables.find((t) => t.name === name)?.rows.length ?? 0;
  return [
    `# ${w.title} — pack de données publiques`,
    '',
    '## Ce que sont ces données',
    '',
    `Le plan d’action co-construit lors de l’atelier « ${w.title} » (${w.territory.name}, ${w.date}) : ${count('projets-territoire')} fiche(s) action, ${count('indicateurs')} indicateur(s) de suivi et la collectivité concernée. Les fiches suivent le schéma beta.gouv des projets de collectivités pour la transition écologique (${BETAGOUV_SCHEMA_SOURCE.version}) ; le fichier « plan-action-territoires-en-transitions.xlsx » s’importe dans Territoires en Transitions (import de plan d’action).`,
    '',
    '## Qui les a produites, et quand',
    '',
    `Produites par les participant·es de l’atelier, animé pour ${w.territory.name}, avec l’outil Atelier ; exportées le ${at.slice(0, 10)}. Ce sont des propositions issues d’une démarche participative : leur statut (phase, avancement) dit où chacune en est.`,
    '',
    '## Données personnelles',
    '',
    'Le pack ne contient aucune donnée personnelle : ni nom de participant·e, ni contribution individuelle, ni coordonnée de référent·e (les colonnes porteurReferent* sont vides). Le porteur d’une action n’y figure que par le SIRET de son organisation, quand il a été renseigné. Les textes des fiches sont ceux que l’atelier a rédigés collectivement.',
    '',
    '## Fichiers',
    '',
    ...tables.map((t) => `- \`${t.path}\` : ${t.title}. ${t.description}`),
    ...files.map((f) => `- \`${f.path}\` : ${f.title}. ${f.description}`),
    '- `datapackage.json` : la description de ces fichiers (Frictionless Data Package), avec le schéma de chaque tableau.',
    '',
  ].join('\n');
}

/** The `datapackage.json` object describing the pack's tables and files. */
export function packDescriptor(
  s: Strategy,
  tables: readonly PackTable[],
  files: readonly PackFile[],
  options: { licence: PackLicence; at: string },
) {
  return {
    profile: 'data-package',
    name: packageName(s.workshop.title, s.workshop.id),
    id: `urn:atelier:workshop:${s.workshop.id}`,
    title: `${s.workshop.title} — pack de données publiques`,
    description: dataCard(s, tables, files, options.at),
    created: options.at,
    version: '1.0.0',
    keywords: [
      'transition écologique',
      'collectivités territoriales',
      'plan d’action',
      'démarche participative',
    ],
    licenses: [PACK_LICENCES[options.licence]],
    contributors: [{ title: s.workshop.territory.name, role: 'publisher' }],
    sources: [
      {
        title: 'Schéma des projets de collectivités pour la transition écologique (beta.gouv)',
        path: `https://github.com/${BETAGOUV_SCHEMA_SOURCE.repository}`,
      },
    ],
    resources: [
      ...tables.map((t) => ({
        name: t.name,
        path: t.path,
        profile: 'tabular-data-resource',
        title: t.title,
        description: t.description,
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        schema: t.schema,
      })),
      ...files.map((f) => ({
        name: f.name,
        path: f.path,
        profile: 'data-resource',
        title: f.title,
        description: f.description,
        format: f.format,
        mediatype: f.mediatype,
      })),
    ],
  };
}
