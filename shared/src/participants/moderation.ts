import type { Role } from '../schema/enums';

/** What a facilitator can do to someone from the participants panel. */
export type ModerationAction = 'remove' | 'promote' | 'demote';

/** Why an action is refused; `null` from {@link moderationRefusal} means it is allowed. */
export type ModerationRefusal =
  /** Only facilitators (the workshop's creator and co-facilitators) moderate. */
  | 'not-facilitator'
  /** The person was already removed. */
  | 'removed'
  /** Nobody removes or demotes themselves: a slip of the mouse would lock them out. */
  | 'self'
  /** The facilitator who created the workshop holds its only way back in (the facilitator link). */
  | 'owner'
  /** A workshop always keeps a facilitator. */
  | 'last-facilitator'
  /** In a session of a strategy, the strategy's facilitator: the strategy's way into it. */
  | 'strategy-facilitator';

/** The part of a participant the rules look at (a `ParticipantSummary` or a server record). */
export interface ModeratedPerson {
  id: string;
  role: Role;
  coFacilitator: boolean;
  removed: boolean;
  /** The strategy's facilitator, in a session of a strategy. */
  strategyFacilitator?: boolean | undefined;
}

/** The workshop's creator: a facilitator who was not promoted. */
export function isOwner(person: ModeratedPerson): boolean {
  return person.role === 'facilitator' && !person.coFacilitator;
}

/**
 * Whether `actor` may apply `action` to `target`, given everyone in the workshop. Shared by
 * the server (which enforces it) and the panel (which only offers what is allowed).
 * Promoting a facilitator or demoting someone who is not a co-facilitator is allowed and
 * changes nothing.
 */
export function moderationRefusal(
  actor: ModeratedPerson,
  target: ModeratedPerson,
  action: ModerationAction,
  everyone: readonly ModeratedPerson[],
): ModerationRefusal | null {
  if (actor.removed || actor.role !== 'facilitator') return 'not-facilitator';
  if (target.removed) return 'removed';
  if (actor.id === target.id) return 'self';
  if (action === 'promote') return null;
  // Before `owner`: in an adopted workshop they are not its creator, but as much its facilitator.
  if (target.strategyFacilitator) return 'strategy-facilitator';
  if (isOwner(target)) return 'owner';
  const facilitators = everyone.filter((p) => !p.removed && p.role === 'facilitator').length;
  if (target.role === 'facilitator' && facilitators <= 1) return 'last-facilitator';
  return null;
}
