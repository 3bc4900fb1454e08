import { z } from 'zod';

/** Kinds of local authority a workshop can be run for (French: type de territoire). */
export const TERRITORY_KINDS = [
  'municipality',
  'epci',
  'department',
  'region',
  'syndicate',
  'other',
] as const;
export const TerritoryKind = z.enum(TERRITORY_KINDS);
export type TerritoryKind = z.infer<typeof TerritoryKind>;

/** A participant's group (French: collège), used later to break vote results down. */
export const PARTICIPANT_GROUPS = [
  'elected',
  'staff',
  'resident',
  'business',
  'association',
  'partner',
  'other',
] as const;
export const ParticipantGroup = z.enum(PARTICIPANT_GROUPS);
export type ParticipantGroup = z.infer<typeof ParticipantGroup>;

/** Roles a person can join with; `facilitator` is only ever granted by creating the workshop. */
export const ROLES = ['facilitator', 'participant', 'observer'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const JoinRole = z.enum(['participant', 'observer']);
export type JoinRole = z.infer<typeof JoinRole>;

export const LOCALES = ['fr', 'en'] as const;
export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;

/** The six steps of the method, in order. */
export const STEPS = ['assessment', 'issues', 'axes', 'actions', 'partnerships', 'monitoring'] as const;
export const Step = z.enum(STEPS);
export type Step = z.infer<typeof Step>;

/**
 * The board's collections whose items are compared between sessions and journaled (who edited
 * what), in the method's order. Here, not in strategy/changes.ts, so the API schemas can name them.
 */
export const CHANGE_COLLECTIONS = ['notes', 'issues', 'axes', 'actions', 'partners', 'indicators'] as const;
export type ChangeCollection = (typeof CHANGE_COLLECTIONS)[number];
