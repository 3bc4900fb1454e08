/**
 * Cursor and avatar colours, chosen to stay readable with white text and distinct from
 * one another on a projector. A participant's colour is derived from their id, so the
 * server (which vouches for it in awareness) and every client agree without storing it.
 */
export const PRESENCE_COLORS = [
  '#d32f2f',
  '#c2185b',
  '#7b1fa2',
  '#512da8',
  '#303f9f',
  '#1976d2',
  '#0277bd',
  '#00838f',
  '#00796b',
  '#388e3c',
  '#558b2f',
  '#ef6c00',
  '#d84315',
  '#5d4037',
  '#455a64',
  '#ad1457',
] as const;

export function participantColor(participantId: string): string {
  let hash = 2166136261;
  for (let i = 0; i < participantId.length; i++) {
    hash ^= participantId.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return PRESENCE_COLORS[(hash >>> 0) % PRESENCE_COLORS.length] ?? '#455a64';
}
