import type { RetentionInfo } from '@atelier/shared';

const DAY_MS = 86_400_000;
/** How long before the planned deletion the facilitator is warned. */
export const WARNING_DAYS = 7;

/**
 * Whether to warn, and the dates to say (epoch ms): the last activity before this visit, the
 * deletion it led to, and the one this visit leads to (now + the retention). `null` when the
 * deletion was more than a week away.
 */
export function retentionWarning(
  retention: RetentionInfo,
  now: number,
): { since: number; due: number; postponed: number } | null {
  const due = Date.parse(retention.deletionPlannedAt);
  if (!Number.isFinite(due) || due - now > WARNING_DAYS * DAY_MS) return null;
  return { since: Date.parse(retention.lastActiveAt), due, postponed: now + retention.days * DAY_MS };
}
