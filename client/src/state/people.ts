import type { WorkshopSummary } from '@atelier/shared';
import type { PresenceState } from './presenceStores';

let lastInputs: [unknown, unknown] | null = null;
let lastNames: Readonly<Record<string, string>> = {};

/**
 * Participant id → display name, from the workshop's participant list and from who is in
 * the room right now (people who joined after we loaded the list). Memoised on its inputs
 * so thousands of notes share one map.
 */
export function personNames(
  workshop: WorkshopSummary | null,
  people: PresenceState['people'],
): Readonly<Record<string, string>> {
  if (lastInputs && lastInputs[0] === workshop && lastInputs[1] === people) return lastNames;
  const names: Record<string, string> = {};
  for (const p of workshop?.participants ?? []) names[p.id] = p.name;
  if (workshop) names[workshop.you.id] = workshop.you.name;
  for (const p of people) names[p.participantId] ??= p.name;
  lastInputs = [workshop, people];
  lastNames = names;
  return names;
}
