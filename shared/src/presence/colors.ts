/**
 * Cursor and avatar colours, chosen to stay readable with white text (each at least 4.5:1,
 * WCAG AA for the avatars' small bold initials) and distinct from one another on a projector. A participant's colour is derived from their id, so the
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
  '#2e7d32',
  '#4b7d28',
  '#b95700',
  '#c73f14',
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
