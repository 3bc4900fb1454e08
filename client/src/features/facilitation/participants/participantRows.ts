import type { ParticipantSummary, PresenceUser } from '@atelier/shared';

/** How the panel names a person's part in the workshop. */
export type RoleLabel = 'facilitator' | 'coFacilitator' | 'participant' | 'observer';

/** One line of the participants panel. */
export interface ParticipantRow extends ParticipantSummary {
  label: RoleLabel;
  /** Has at least one tab in the room now. */
  here: boolean;
  /** Notes on the board written by them. */
  notes: number;
}

const RANK: Record<RoleLabel, number> = { facilitator: 0, coFacilitator: 1, participant: 2, observer: 3 };

export function roleLabel(p: Pick<ParticipantSummary, 'role' | 'coFacilitator'>): RoleLabel {
  return p.coFacilitator ? 'coFacilitator' : p.role;
}

/** Number of notes per author id, computed once per version of the notes record. */
export const notesByAuthor = (() => {
  let lastNotes: object | null = null;
  let last: Readonly<Record<string, number>> = {};
  return (notes: Readonly<Record<string, { author: string }>>): Readonly<Record<string, number>> => {
    if (notes === lastNotes) return last;
    const counts: Record<string, number> = {};
    for (const note of Object.values(notes)) counts[note.author] = (counts[note.author] ?? 0) + 1;
    lastNotes = notes;
    last = counts;
    return counts;
  };
})();

/**
 * Everyone in the workshop, from the server's list plus whoever is in the room but joined
 * after the list was loaded: facilitators first, then participants, observers; within each,
 * people here now before the others, then by name. Removed people come last.
 */
export function participantRows(
  listed: readonly ParticipantSummary[],
  present: readonly PresenceUser[],
  counts: Readonly<Record<string, number>>,
  locale: string,
): ParticipantRow[] {
  const here = new Set(present.map((p) => p.participantId));
  const byId = new Map<string, ParticipantSummary>(listed.map((p) => [p.id, p]));
  for (const p of present) {
    if (byId.has(p.participantId)) continue;
    const { participantId: id, name, group, role, color } = p;
    byId.set(id, { id, name, group, role, color, coFacilitator: false, removed: false });
  }
  const rows = [...byId.values()].map((p) => ({
    ...p,
    label: roleLabel(p),
    here: !p.removed && here.has(p.id),
    notes: counts[p.id] ?? 0,
  }));
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  return rows.sort(
    (a, b) =>
      Number(a.removed) - Number(b.removed) ||
      RANK[a.label] - RANK[b.label] ||
      Number(b.here) - Number(a.here) ||
      collator.compare(a.name, b.name),
  );
}
