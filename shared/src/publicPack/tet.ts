import type { ActionPriority, ActionProgress } from '../doc/actions';
import { translate } from '../i18n/translate';
import type { Strategy, StrategyAction } from '../strategy/schema';

/**
 * A Territoires en Transitions plan d'action import (issue 20 §3): the 28 columns its parser
 * checks, in order, with their exact labels (repository `incubateur-ademe/territoires-en-transitions`,
 * `apps/backend/src/plans/plans/import-plan-aggregate/parsers/excel-parser.ts`, commit dbb36dc:
 * the sheet whose A2 reads "Axe (x)", labels on row 2, data from row 4). Pure: the server writes
 * the sheet (export/public-pack.ts). Mapping: docs/public-pack.md.
 */
export const TET_COLUMNS = [
  'Axe (x)',
  'Sous-axe (x.x)',
  'Sous-sous axe (x.x.x)',
  "Titre de l'action",
  'Titre de la sous-action',
  'Descriptif',
  'Instances de gouvernance',
  'Objectifs',
  'Indicateurs liés',
  'Structure pilote',
  'Moyens humains et techniques',
  'Partenaires',
  'Direction ou service pilote',
  'Personne pilote',
  'Élu·e référent·e',
  'Participation Citoyenne',
  'Financements',
  'Financeur 1',
  'Montant € HT',
  'Financeur 2',
  'Montant € HT',
  'Financeur 3',
  'Montant € HT',
  'Budget prévisionnel total € HT',
  'Statut',
  'Niveau de priorité',
  'Date de début',
  'Date de fin',
] as const;

/** Row 3 of the template: what each column takes, for whoever opens the file. */
export const TET_COLUMN_KINDS: readonly string[] = TET_COLUMNS.map((label) =>
  label.startsWith('Montant') || label.startsWith('Budget')
    ? 'Champ nombre'
    : label.startsWith('Date')
      ? 'Champ date'
      : label === 'Statut' || label === 'Niveau de priorité'
        ? 'Champ liste déroulante'
        : 'Champ texte',
);

/** Territoires en Transitions' `statut` of a followed action. */
export const TET_STATUS_OF_PROGRESS: Record<ActionProgress, string> = {
  planned: 'À venir',
  'in-progress': 'En cours',
  done: 'Réalisé',
  paused: 'En pause',
  late: 'En retard',
  blocked: 'Bloqué',
  abandoned: 'Abandonné',
};

export const TET_PRIORITY: Record<ActionPriority, string> = { high: 'Élevé', medium: 'Moyen', low: 'Bas' };

/** A cell: text, a number (amounts), a date (`YYYY-MM-DD`, written as a date cell) or empty. */
export type TetCell = string | number | { date: string } | null;

/**
 * A list cell: TET splits on commas except inside quotes, parentheses or « », so an item holding
 * a comma is put between « ».
 */
const listCell = (items: readonly string[]) =>
  items
    .map((item) => item.trim())
    .filter((item) => item !== '')
    .map((item) => (item.includes(',') ? `« ${item} »` : item))
    .join(', ') || null;

const text = (value: string) => (value.trim() === '' ? null : value);

/** The sheet's statut: its follow-up, else "À venir" once validated and "A discuter" before. */
function status(a: StrategyAction): string {
  if (a.progress !== null) return TET_STATUS_OF_PROGRESS[a.progress];
  return a.status === 'validated' ? 'À venir' : 'A discuter';
}

/** The rows of the plan: one per action sheet, in the plan's order (axes by rank, then their sheets). */
export function tetRows(s: Strategy): TetCell[][] {
  const locale = s.workshop.locale;
  const axes = [...s.axes].sort((a, b) => a.rank - b.rank);
  const axisPlace = new Map(axes.map((axis, i) => [axis.id, i + 1]));
  const issues = new Map(s.issues.map((issue) => [issue.id, issue]));
  const sheets = [...s.actions].sort(
    (a, b) =>
      (a.axis === null ? Number.MAX_SAFE_INTEGER : (axisPlace.get(a.axis) ?? 0)) -
        (b.axis === null ? Number.MAX_SAFE_INTEGER : (axisPlace.get(b.axis) ?? 0)) || a.rank - b.rank,
  );
  return sheets.map((a) => {
    const axis = a.axis === null ? undefined : axes.find((x) => x.id === a.axis);
    const place = axis === undefined ? undefined : axisPlace.get(axis.id);
    const axisCell =
      axis === undefined || place === undefined
        ? translate(locale, 'sheet.noAxis')
        : `${place}. ${axis.title.trim()}`;
    // An action answers every issue of its axis; TET puts it under one sub-axis: named when there is one.
    const only = axis?.issues.length === 1 ? issues.get(axis.issues[0] ?? '') : undefined;
    const subAxis = only === undefined || place === undefined ? null : `${place}.1. ${only.title}`;
    const lines = [...a.financing].sort((x, y) => y.amount - x.amount);
    const source = (line: (typeof lines)[number]) =>
      [translate(locale, `sheet.source.${line.source}`), line.label.trim()]
        .filter((p) => p !== '')
        .join(' – ');
    const funders = [0, 1, 2].flatMap((i): TetCell[] => {
      const line = lines[i];
      return line === undefined ? [null, null] : [source(line), line.amount];
    });
    return [
      axisCell,
      subAxis,
      null,
      a.title.trim() === '' ? translate(locale, 'sheet.untitled') : a.title,
      null,
      text(a.description),
      null,
      text(a.objectives),
      listCell(s.indicators.filter((x) => x.action === a.id).map((x) => x.name)),
      null,
      null,
      listCell(s.partners.filter((p) => p.action === a.id).map((p) => p.name)),
      text(a.lead),
      null,
      null,
      null,
      a.financing.length === 0
        ? null
        : a.financing
            .map(
              (line) =>
                `${source(line)} : ${line.amount} € HT${line.secured ? ` (${translate(locale, 'sheet.financing.secured')})` : ''}`,
            )
            .join(' ; '),
      ...funders,
      a.budget,
      status(a),
      a.priority === null ? null : TET_PRIORITY[a.priority],
      a.startDate === null ? null : { date: a.startDate },
      a.endDate === null ? null : { date: a.endDate },
    ];
  });
}
