import type { WorkshopSummary } from '@atelier/shared';
import type { PresenceState } from './presenceStores';

/** Memoises a function of one object argument on that object's identity (one slot). */
function lastOf<A extends object | null, R>(fn: (arg: A) => R): (arg: A) => R {
  let lastArg: A | undefined;
  let lastResult: R | undefined;
  return (arg) => {
    if (lastResult === undefined || arg !== lastArg) {
      lastArg = arg;
      lastResult = fn(arg);
    }
    return lastResult;
  };
}

/**
 * Participant id → display name from the workshop's participant list. Memoised, so
 * thousands of notes selecting their author's name share one map.
 */
export const listedNames = lastOf((workshop: WorkshopSummary | null): Readonly<Record<string, string>> => {
  const names: Record<string, string> = {};
  for (const p of workshop?.participants ?? []) names[p.id] = p.name;
  if (workshop) names[workshop.you.id] = workshop.you.name;
  return names;
});

/** Participant id → display name of the people in the room now (who may have joined after the list loaded). */
export const presentNames = lastOf((people: PresenceState['people']): Readonly<Record<string, string>> => {
  const names: Record<string, string> = {};
  for (const p of people) names[p.participantId] ??= p.name;
  return names;
});

/** Participant id → group (French: collège) from the workshop's participant list, for the board's filter. */
export const listedGroups = lastOf((workshop: WorkshopSummary | null): Readonly<Record<string, string>> => {
  const groups: Record<string, string> = {};
  for (const p of workshop?.participants ?? []) groups[p.id] = p.group;
  if (workshop) groups[workshop.you.id] = workshop.you.group;
  return groups;
});
