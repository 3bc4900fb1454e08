import type { ActionSheet, Axis } from '@atelier/shared';
import type { Translator } from '../../../i18n/translate';

/** A column of the plan: an axis's sheets, or those attached to no (existing) axis. */
export interface SheetGroup {
  /** The axis id, or `null` for the "no axis" group. */
  axis: string | null;
  label: string;
  sheets: ActionSheet[];
}

/** `Axe 1 — Mobilités` (the axis's number in the strategy, then its title). */
export function axisLabel(t: Translator, axis: Axis, index: number): string {
  const number = t('sheet.axisN', { n: index + 1 });
  const title = axis.title.trim();
  return title ? `${number} — ${title}` : number;
}

/**
 * The sheets by axis, in the axes' order, each group in the sheets' order; then the sheets
 * without an axis, or whose axis was deleted, under "no axis" (always there, to add sheets to).
 */
export function groupSheets(
  t: Translator,
  sheets: readonly ActionSheet[],
  axes: readonly Axis[],
): SheetGroup[] {
  const known = new Set(axes.map((a) => a.id));
  const groups: SheetGroup[] = axes.map((axis, index) => ({
    axis: axis.id,
    label: axisLabel(t, axis, index),
    sheets: sheets.filter((s) => s.axis === axis.id),
  }));
  groups.push({
    axis: null,
    label: t('sheet.noAxis'),
    sheets: sheets.filter((s) => s.axis === null || !known.has(s.axis)),
  });
  return groups;
}
