import {
  formatEuros,
  formatNumber,
  type Step,
  type Strategy,
  type StrategyIssue,
  type StrategyNote,
  UNTHEMED_COLOR,
} from '@atelier/shared';
import type { MessageKey, Translator } from '../../../../i18n/translate';
import { tint } from '../../../../toolbox/notes/colors';
import { type Card, cardGrid, type Placed } from './cards';
import { type Column, columnBands } from './columns';
import { framedScene, type Heading } from './frame';
import { FONTS, INK, lineHeight, type Measure, MUTED, type Scene } from './scene';
import { tableShapes } from './table';

export interface PictureInput {
  strategy: Strategy;
  step: Step;
  /** Title, step and day, as the frame draws them. */
  heading: Omit<Heading, 'legend'>;
  t: Translator;
}

/** Notes in a row of the board's picture (step 1): 7 across a slide, ~20 characters a line. */
const NOTES_PER_ROW = 7;
const NOTE_LINES = 6;
const CARD_LINES = 4;
const SECTION_GAP = 48;
const AXIS_ACCENT = '#0b5cad';
const ISSUE_ACCENT = '#6f42c1';
const SHEET_ACCENT = '#1a7f37';
const LOOSE_ACCENT = '#8c959f';

const byRank = <T extends { rank: number }>(items: readonly T[]) =>
  [...items].sort((a, b) => a.rank - b.rank);

/** Each note's colours as on the board: its theme's tint, or the untagged yellow (an archived theme's notes too). */
function colours(strategy: Strategy) {
  const live = new Map(strategy.themes.filter((theme) => !theme.archived).map((theme) => [theme.id, theme]));
  return (themeId: string | null) => {
    const theme = themeId === null ? undefined : live.get(themeId);
    return theme
      ? { background: tint(theme.color, 0.78), accent: theme.color }
      : { background: UNTHEMED_COLOR, accent: '#c9b400' };
  };
}

function noteCard(strategy: Strategy, t: Translator) {
  const names = new Map((strategy.participation.people ?? []).map((person) => [person.id, person.name]));
  const colour = colours(strategy);
  return (note: StrategyNote): Card => {
    const name = note.author === null ? undefined : names.get(note.author);
    const group = note.authorGroup === null ? t('note.unknownAuthor') : t(`group.${note.authorGroup}`);
    return { text: note.text.trim() === '' ? '…' : note.text, footer: name ?? group, ...colour(note.theme) };
  };
}

/** Reading order on the board: top to bottom, then left to right. */
const onBoard = (a: StrategyNote, b: StrategyNote) =>
  a.position.y - b.position.y || a.position.x - b.position.x;

function empty(text: string): (x: number, y: number) => Placed {
  return (x, y) => ({
    shapes: [
      {
        kind: 'text',
        x,
        y,
        lines: [text],
        font: { ...FONTS.text, italic: true },
        color: MUTED,
        lineHeight: lineHeight(FONTS.text),
      },
    ],
    height: lineHeight(FONTS.text),
  });
}

/** Parts one under the other, a blank between them. */
function stacked(parts: ((top: number) => Placed)[], y: number): Placed {
  const shapes: Placed['shapes'] = [];
  let top = y;
  for (const part of parts) {
    const placed = part(top);
    shapes.push(...placed.shapes);
    top += placed.height + SECTION_GAP;
  }
  return { shapes, height: Math.max(0, top - y - SECTION_GAP) };
}

/** A theme's (or the unsorted) notes: a head with its colour, its name and its count, then the notes 7 abreast. */
function noteSection(
  t: Translator,
  label: string,
  accent: string,
  cards: Card[],
  x: number,
  y: number,
  width: number,
  measure: Measure,
): Placed {
  const n = formatNumber(t.locale, cards.length);
  const title = `${label} · ${t.plural('issues.notes', cards.length, { n })}`;
  const head = lineHeight(FONTS.section) + 14;
  const grid = cardGrid(cards, x, y + head, width, NOTES_PER_ROW, NOTE_LINES, measure);
  return {
    shapes: [
      { kind: 'rect', x, y: y + 4, w: 10, h: lineHeight(FONTS.section) - 8, fill: accent, radius: 3 },
      {
        kind: 'text',
        x: x + 22,
        y,
        lines: [title],
        font: FONTS.section,
        color: INK,
        lineHeight: lineHeight(FONTS.section),
      },
      ...grid.shapes,
    ],
    height: head + grid.height,
  };
}

/** Step 1: every note, grouped by theme in the themes' order, untagged last, under a head naming the theme and its count. */
function assessment({ strategy, t, heading }: PictureInput, measure: Measure): Scene {
  const card = noteCard(strategy, t);
  const colour = colours(strategy);
  const themes = [...strategy.themes].filter((theme) => !theme.archived).sort((a, b) => a.order - b.order);
  const known = new Set(themes.map((theme) => theme.id));
  const groups = [
    ...themes.map((theme) => ({
      label: theme.label[t.locale] || theme.label.fr,
      accent: colour(theme.id).accent,
      notes: strategy.notes.filter((note) => note.theme === theme.id),
    })),
    {
      label: t('note.noTheme'),
      accent: colour(null).accent,
      notes: strategy.notes.filter((note) => note.theme === null || !known.has(note.theme)),
    },
  ].filter((group) => group.notes.length > 0);
  const legend = groups.map((group) => ({
    label: `${group.label} (${formatNumber(t.locale, group.notes.length)})`,
    color: group.accent,
  }));
  const body = (x: number, y: number, width: number): Placed => {
    if (groups.length === 0) return empty(t('export.panel.pictureEmpty'))(x, y);
    return stacked(
      groups.map(
        (group) => (top: number) =>
          noteSection(
            t,
            group.label,
            group.accent,
            [...group.notes].sort(onBoard).map(card),
            x,
            top,
            width,
            measure,
          ),
      ),
      y,
    );
  };
  return framedScene({ ...heading, legend }, body, measure);
}

const issueTitle = (t: Translator, issue: StrategyIssue) =>
  `${issue.rank}. ${issue.title.trim() || t('issues.untitled')}`;

/** Step 2: each issue in rank order with the notes sorted into it, then the notes in none. */
function issues({ strategy, t, heading }: PictureInput, measure: Measure): Scene {
  const card = noteCard(strategy, t);
  const notes = new Map(strategy.notes.map((note) => [note.id, note]));
  const count = (n: number) => t.plural('issues.notes', n, { n: formatNumber(t.locale, n) });
  const columns: Column[] = byRank(strategy.issues).map((issue) => ({
    title: issueTitle(t, issue),
    text: issue.description,
    meta: count(issue.notes.length),
    accent: ISSUE_ACCENT,
    // Three issues abreast, each with its notes two abreast: words like « intercommunalité » fit a line.
    cards: issue.notes.flatMap((id) => notes.get(id) ?? []).map(card),
  }));
  const loose = strategy.notes.filter((note) => note.issue === null).sort(onBoard);
  const body = (x: number, y: number, width: number): Placed => {
    if (columns.length === 0 && loose.length === 0) return empty(t('export.report.noIssues'))(x, y);
    return stacked(
      [
        (top: number) =>
          columnBands(columns, x, top, width, { lines: CARD_LINES, minWidth: 240, minColumn: 520 }, measure),
        ...(loose.length > 0
          ? [
              (top: number) =>
                noteSection(
                  t,
                  t('export.picture.unsorted'),
                  LOOSE_ACCENT,
                  loose.map(card),
                  x,
                  top,
                  width,
                  measure,
                ),
            ]
          : []),
      ],
      y,
    );
  };
  return framedScene(heading, body, measure);
}

/** Steps 3 and 4: each axis in order with its issues (step 3) or its action sheets (step 4), then what has no axis. */
function axes({ strategy, t, heading, step }: PictureInput, measure: Measure): Scene {
  const issuesById = new Map(strategy.issues.map((issue) => [issue.id, issue]));
  const sheetsById = new Map(strategy.actions.map((action) => [action.id, action]));
  const issueCard = (issue: StrategyIssue): Card => ({
    title: issueTitle(t, issue),
    text: issue.description,
    footer: t.plural('issues.notes', issue.notes.length, { n: formatNumber(t.locale, issue.notes.length) }),
    background: '#f4f0fb',
    accent: ISSUE_ACCENT,
  });
  const sheetCard = (id: string): Card[] => {
    const sheet = sheetsById.get(id);
    if (!sheet) return [];
    const label = (key: MessageKey, value: string) =>
      `${t('export.report.label', { label: t(key) })}${value}`;
    const lines = [
      sheet.lead.trim() === '' ? null : label('plan.overview.lead', sheet.lead),
      sheet.budget === null
        ? null
        : label('plan.overview.budget', formatEuros(sheet.budget, t.locale, { whole: true })),
      label('sheet.field.priority', t(`sheet.priority.${sheet.priority ?? 'none'}`)),
    ];
    return [
      {
        title: sheet.title.trim() || t('sheet.untitled'),
        text: lines.filter((line) => line !== null).join('\n'),
        footer: t(`sheet.status.${sheet.status}`),
        background: '#eef7f0',
        accent: SHEET_ACCENT,
      },
    ];
  };
  const sheets = step === 'actions';
  const columns: Column[] = byRank(strategy.axes).map((axis) => ({
    title: t('export.report.axisHeading', { n: axis.rank, title: axis.title.trim() || t('axes.untitled') }),
    text: axis.description,
    accent: AXIS_ACCENT,
    cards: sheets
      ? axis.actions.flatMap(sheetCard)
      : byRank(axis.issues.flatMap((id) => issuesById.get(id) ?? [])).map(issueCard),
    empty: t(sheets ? 'axes.sheets.none' : 'axes.noIssue'),
  }));
  const loose = sheets
    ? strategy.actions.filter((action) => action.axis === null).flatMap((action) => sheetCard(action.id))
    : byRank(strategy.issues.filter((issue) => issue.axis === null)).map(issueCard);
  if (loose.length > 0) columns.push({ title: t('sheet.noAxis'), accent: LOOSE_ACCENT, cards: loose });
  const none = sheets ? 'export.report.noSheets' : 'export.report.noAxes';
  const body = (x: number, y: number, width: number) =>
    columns.length === 0
      ? empty(t(none))(x, y)
      : columnBands(columns, x, y, width, { lines: CARD_LINES, minWidth: 380 }, measure);
  return framedScene(heading, body, measure);
}

/** Steps 5 and 6: the partners, or the indicators, of every sheet as one table. */
function tables({ strategy, t, heading, step }: PictureInput, measure: Measure): Scene {
  const sheetName = new Map(strategy.actions.map((a) => [a.id, a.title.trim() || t('sheet.untitled')]));
  const sheet = (id: string | null) =>
    id === null ? t('plan.orphans') : (sheetName.get(id) ?? t('plan.orphans'));
  const order = new Map(strategy.actions.map((a, i) => [a.id, i]));
  const bySheet = <T extends { action: string | null }>(items: readonly T[]) =>
    [...items].sort((a, b) => (order.get(a.action ?? '') ?? 1e9) - (order.get(b.action ?? '') ?? 1e9));
  const value = (n: number | null) => (n === null ? '—' : formatNumber(t.locale, n));
  const table =
    step === 'partnerships'
      ? {
          header: [
            t('plan.overview.action'),
            t('plan.partners.name'),
            t('plan.partners.kind'),
            t('plan.partners.role'),
          ],
          weights: [3, 3, 2, 4],
          rows: bySheet(strategy.partners).map((p) => [
            sheet(p.action),
            p.name,
            t(`plan.kind.${p.kind}`),
            p.role,
          ]),
          none: 'export.report.noPartners' as const,
        }
      : {
          header: [
            t('plan.overview.action'),
            t('plan.indicators.name'),
            t('plan.indicators.unit'),
            t('plan.indicators.baseline'),
            t('plan.indicators.target'),
            t('plan.indicators.source'),
            t('plan.indicators.frequency'),
          ],
          weights: [3, 3.3, 1.7, 1.3, 1.2, 2.3, 1.5],
          align: ['left', 'left', 'left', 'right', 'right', 'left', 'left'] as ('left' | 'right')[],
          rows: bySheet(strategy.indicators).map((i) => [
            sheet(i.action),
            i.name,
            i.unit,
            value(i.baseline),
            value(i.target),
            i.source,
            t(`plan.frequency.${i.frequency}`),
          ]),
          none: 'export.report.noIndicators' as const,
        };
  // A sheet's name once, on its first row: the rows under it are its own.
  const rows = table.rows.map((row, i) =>
    i > 0 && table.rows[i - 1]?.[0] === row[0] ? ['', ...row.slice(1)] : row,
  );
  const body = (x: number, y: number, width: number) =>
    rows.length === 0 ? empty(t(table.none))(x, y) : tableShapes({ ...table, rows }, x, y, width, measure);
  return framedScene(heading, body, measure);
}

/** The picture of a step: its whole content, whatever is on screen. */
export function stepScene(input: PictureInput, measure: Measure): Scene {
  switch (input.step) {
    case 'assessment':
      return assessment(input, measure);
    case 'issues':
      return issues(input, measure);
    case 'axes':
    case 'actions':
      return axes(input, measure);
    case 'partnerships':
    case 'monitoring':
      return tables(input, measure);
  }
}
