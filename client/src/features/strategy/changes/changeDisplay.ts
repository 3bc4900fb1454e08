import {
  CHANGE_COLLECTIONS,
  type ChangeCollection,
  type ItemChange,
  type ParticipantGroup,
  type StrategyChanges,
} from '@atelier/shared';

/**
 * How the changes between two sessions are laid out for reading (the strategy page's comparison
 * and the recap shown to the room): per collection in the method's order, what was added, then
 * changed, then removed, and each field's values before and after in a form a person can read.
 * Pure, so it is tested without a browser.
 */

export interface ChangeSection {
  collection: ChangeCollection;
  added: ItemChange[];
  changed: ItemChange[];
  removed: ItemChange[];
}

/** The collections that changed, in the method's order (notes, issues, axes, sheets, partners, indicators). */
export function changeSections(changes: StrategyChanges): ChangeSection[] {
  return CHANGE_COLLECTIONS.map((collection) => {
    const items = changes[collection];
    return {
      collection,
      added: items.filter((item) => item.change === 'added'),
      changed: items.filter((item) => item.change === 'changed'),
      removed: items.filter((item) => item.change === 'removed'),
    };
  }).filter((section) => section.added.length + section.changed.length + section.removed.length > 0);
}

/** How many items changed in all (added, changed or removed). */
export function changeCount(changes: StrategyChanges): number {
  return CHANGE_COLLECTIONS.reduce((sum, collection) => sum + changes[collection].length, 0);
}

/**
 * Fields that hold another item's id (a note's theme or issue, an issue's axis, a sheet's axis,
 * a partner's or indicator's sheet). The ids mean nothing to a person and the comparison does
 * not carry the other item's name: the field is said to have moved, without values.
 */
const LINK_FIELDS: Partial<Record<ChangeCollection, readonly string[]>> = {
  notes: ['theme', 'issue'],
  issues: ['axis'],
  actions: ['axis'],
  partners: ['action'],
  indicators: ['action'],
};

/** Fields whose values are one of a list, shown with that list's word. */
const CHOICE_FIELDS: Record<string, string> = {
  priority: 'sheet.priority',
  status: 'sheet.status',
  structure: 'sheet.structure',
  kind: 'plan.kind',
  frequency: 'plan.frequency',
};

/** One value as shown: nothing, text (quoted), a number or amount, a choice's word, a count of entries, or a link that moved. */
export type ShownValue =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number; euros: boolean }
  | { kind: 'choice'; key: string }
  | { kind: 'count'; n: number }
  | { kind: 'other' };

const MAX_TEXT = 160;

export function shownValue(field: string, value: unknown): ShownValue {
  if (value === null || value === undefined || value === '') return { kind: 'empty' };
  if (typeof value === 'number') return { kind: 'number', value, euros: field === 'budget' };
  if (typeof value === 'string') {
    const choice = CHOICE_FIELDS[field];
    if (choice) return { kind: 'choice', key: `${choice}.${value}` };
    const text = value.trim().replace(/\s+/g, ' ');
    return { kind: 'text', text: text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text };
  }
  if (Array.isArray(value))
    return value.length === 0 ? { kind: 'empty' } : { kind: 'count', n: value.length };
  return { kind: 'other' };
}

/** Whether a field links to another item (shown as "moved", without its ids). */
export function isLinkField(collection: ChangeCollection, field: string): boolean {
  return LINK_FIELDS[collection]?.includes(field) ?? false;
}

/** The two sessions a comparison opens on: the one before the last, and the last (`null` with fewer than two). */
export function defaultPair<T extends { workshopId: string }>(
  sessions: readonly T[],
): [string, string] | null {
  const last = sessions.at(-1);
  const before = sessions.at(-2);
  return last && before ? [before.workshopId, last.workshopId] : null;
}

/** One of an item's last editors as shown: their name where the session's people give one, their group, or neither (erased). */
export interface ShownEditor {
  name: string | null;
  group: ParticipantGroup | null;
}

/**
 * An item's last editors, most recent first, named from the later session's people (`names`, by
 * participant id: the names the strategy's facilitator already sees); empty when the journal
 * has nothing of it.
 */
export function shownEditors(item: ItemChange, names: Readonly<Record<string, string>>): ShownEditor[] {
  return (item.editors ?? []).map((editor) => ({
    name: editor.participant === null ? null : (names[editor.participant] ?? null),
    group: editor.group,
  }));
}
