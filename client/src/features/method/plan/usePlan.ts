import {
  type Indicator,
  indicatorsReader,
  type OrphanGroup,
  type Partner,
  type PlanOverview,
  partnersReader,
  planReader,
} from '@atelier/shared';
import { create } from 'zustand';
import { useBoardValue } from '../../../state/useBoardValue';

/** The plan table (axes → sheets with their partners, process and indicators), kept live. */
export function usePlanOverview(): PlanOverview {
  return useBoardValue(planReader);
}

export function usePartners(): Partner[] {
  return useBoardValue(partnersReader);
}

export function useIndicators(): Indicator[] {
  return useBoardValue(indicatorsReader);
}

/**
 * The sheet this person looks at in steps 5 and 6 (a sheet id, or the id of a deleted sheet
 * whose partners or indicators are left): local to this tab, kept from one step to the other.
 */
export const usePlanSelection = create<{ selected: string | null; select: (id: string) => void }>((set) => ({
  selected: null,
  select: (selected) => set({ selected }),
}));

/** The sheet (or deleted sheet) to show: the one chosen if it is still listed, else the first. */
export function shownSelection(selected: string | null, listed: readonly string[]): string | null {
  if (selected !== null && listed.includes(selected)) return selected;
  return listed[0] ?? null;
}

/**
 * What a step lists and shows: the deleted sheets that still have leftovers of this step
 * (`leftovers`: their partners, or their indicators), and the sheet (or deleted sheet) shown.
 */
export function useShownSheet(
  plan: PlanOverview,
  leftovers: (orphan: OrphanGroup) => readonly { name: string }[],
) {
  const { selected, select } = usePlanSelection();
  const orphans = plan.orphans
    .filter((orphan) => leftovers(orphan).length > 0)
    .map((orphan) => ({ action: orphan.action, names: leftovers(orphan).map((item) => item.name) }));
  const listed = [
    ...plan.groups.flatMap((group) => group.actions.map((action) => action.id)),
    ...orphans.map((orphan) => orphan.action),
  ];
  return { orphans, shown: shownSelection(selected, listed), select };
}
