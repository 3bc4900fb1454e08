import type { BoardState } from './store';

let lastInputs: [unknown, unknown] | null = null;
let lastNames: Readonly<Record<string, string>> = {};

/**
 * Participant id → display name, from the workshop's participant list and from who is in
 * the room right now (people who joined after we loaded the list). Memoised on its inputs
 * so thousands of note selectors share one map.
 */
export function personNames(
  state: Pick<BoardState, 'workshop' | 'people'>,
): Readonly<Record<string, string>> {
  if (lastInputs && lastInputs[0] === state.workshop && lastInputs[1] === state.people) return lastNames;
  const names: Record<string, string> = {};
  for (const p of state.workshop?.participants ?? []) names[p.id] = p.name;
  if (state.workshop) names[state.workshop.you.id] = state.workshop.you.name;
  for (const p of state.people) names[p.participantId] ??= p.name;
  lastInputs = [state.workshop, state.people];
  lastNames = names;
  return names;
}
