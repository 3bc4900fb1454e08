import { z } from 'zod';
import { type ChangeCollection, PARTICIPANT_GROUPS, ParticipantGroup, Role, Step } from '../schema/enums';

/**
 * The balance of participation by group (issue 20 §2): for the facilitator, per participant
 * group, who is here, who has contributed in the current step and who has voted in the current
 * round, with an alert when a group present has not contributed. The server answers who has
 * contributed and voted (`Participation`, from the edit journal and the ballots); the client
 * adds who is here from presence and folds it per group (`participationBalance`).
 */

/**
 * What counts as contributing in each step: editing an item of the step's own collection (any
 * field, or its creation), or the move that belongs to the step in an earlier collection's item
 * (sorting a note into an issue; putting an issue under an axis).
 */
export const STEP_CONTRIBUTIONS: Record<Step, readonly { collection: ChangeCollection; field?: string }[]> = {
  assessment: [{ collection: 'notes' }],
  issues: [{ collection: 'issues' }, { collection: 'notes', field: 'cluster' }],
  axes: [{ collection: 'axes' }, { collection: 'issues', field: 'axis' }],
  actions: [{ collection: 'actions' }],
  partnerships: [{ collection: 'partners' }],
  monitoring: [{ collection: 'indicators' }],
};

/** Whether a journal row (a collection and a field, `null` for the item itself) is a contribution to `step`. */
export function contributesTo(
  step: Step,
  row: { collection: ChangeCollection; field: string | null },
): boolean {
  return STEP_CONTRIBUTIONS[step].some(
    (c) => c.collection === row.collection && (c.field === undefined || c.field === row.field),
  );
}

/** `GET /api/workshops/{id}/participation?step=…` (facilitators). */
export const ParticipationQuery = z.object({ step: Step });

/** Per person still in the workshop: whether they contributed in the step and voted in the round. */
export const Participation = z.object({
  step: Step,
  /** The round the votes are counted in: the open one, else the latest; `null` without rounds. */
  round: z.object({ id: z.string(), title: z.string(), state: z.string() }).nullable(),
  people: z.array(
    z.object({
      participantId: z.string(),
      group: ParticipantGroup,
      role: Role,
      /** Edited something of the step (see `STEP_CONTRIBUTIONS`). */
      contributed: z.boolean(),
      /** Their ballot in `round` holds something (a "done" with nothing is an abstention); `null` without a round. */
      voted: z.boolean().nullable(),
    }),
  ),
});
export type Participation = z.infer<typeof Participation>;

/** One group's line of the balance. */
export interface GroupBalance {
  group: ParticipantGroup;
  /** Participants of the group still in the workshop (observers and facilitators are not counted). */
  members: number;
  /** Of them, with the workshop open now. */
  here: number;
  /** Of them, who edited something of the step. */
  contributed: number;
  /** Of them, whose ballot in the round holds something (`null` without a round). */
  voted: number | null;
  /** The group is here but nobody of it has contributed in the step. */
  silent: boolean;
}

/**
 * The balance per group, in the groups' usual order, groups without members left out: the
 * server's `participation` and who is here now (participant ids with presence).
 */
export function participationBalance(
  participation: Participation,
  here: ReadonlySet<string>,
): GroupBalance[] {
  const lines = new Map<ParticipantGroup, GroupBalance>();
  for (const person of participation.people) {
    if (person.role !== 'participant') continue;
    const line = lines.get(person.group) ?? {
      group: person.group,
      members: 0,
      here: 0,
      contributed: 0,
      voted: participation.round ? 0 : null,
      silent: false,
    };
    line.members++;
    if (here.has(person.participantId)) line.here++;
    if (person.contributed) line.contributed++;
    if (line.voted !== null && person.voted === true) line.voted++;
    lines.set(person.group, line);
  }
  return PARTICIPANT_GROUPS.flatMap((group) => {
    const line = lines.get(group);
    return line ? [{ ...line, silent: line.here > 0 && line.contributed === 0 }] : [];
  });
}
