import { type GroupBalance, PARTICIPANT_GROUPS, type ParticipantGroup } from '@atelier/shared';

/**
 * What the balance panel shows, from the groups' lines (`participationBalance`): the rows with
 * their bars, the alerts for the silent groups and the sentence said when there is none.
 */

/** Under this, a bar of one person in a large group would be a hairline nobody sees. */
export const MIN_BAR_PERCENT = 4;

/** A bar's width, in percent of `whole`: rounded, at least `MIN_BAR_PERCENT` when `part` is not 0. */
export function barWidth(part: number, whole: number): number {
  if (whole <= 0 || part <= 0) return 0;
  const percent = Math.round((Math.min(part, whole) / whole) * 100);
  return Math.max(MIN_BAR_PERCENT, percent);
}

/** One line of the table: a group's counts and its bars, each in percent of its members. */
export interface BalanceRow extends GroupBalance {
  bars: { here: number; contributed: number; voted: number | null };
}

const order = (group: ParticipantGroup) => PARTICIPANT_GROUPS.indexOf(group);

/**
 * The table's rows in the groups' usual order (élu·es first), whatever the order given: a row
 * never moves while the facilitator reads it, when a poll changes its counts.
 */
export function balanceRows(lines: readonly GroupBalance[]): BalanceRow[] {
  return [...lines]
    .sort((a, b) => order(a.group) - order(b.group))
    .map((line) => ({
      ...line,
      bars: {
        here: barWidth(line.here, line.members),
        contributed: barWidth(line.contributed, line.members),
        voted: line.voted === null ? null : barWidth(line.voted, line.members),
      },
    }));
}

/** An alert: a group here that has contributed nothing in the step, worded for `here` people. */
export interface SilentAlert {
  group: ParticipantGroup;
  /** The plural stem of its sentence ("Les élu·es sont présent·es mais…"). */
  stem: `balance.silent.${ParticipantGroup}`;
  /** How many of the group are here: picks the sentence's singular or plural. */
  here: number;
}

/**
 * The silent groups' alerts, the most people first (a silent table of twelve résident·es
 * matters more than one partner), then in the groups' usual order.
 */
export function silentAlerts(lines: readonly GroupBalance[]): SilentAlert[] {
  return lines
    .filter((line) => line.silent)
    .sort((a, b) => b.here - a.here || order(a.group) - order(b.group))
    .map((line) => ({ group: line.group, stem: `balance.silent.${line.group}` as const, here: line.here }));
}

/** What the panel says when no group is silent: why, or that all is well. */
export type BalanceCalm = 'empty' | 'nobodyHere' | 'balanced';

/** `null` while an alert is to be shown; otherwise which calm sentence. */
export function balanceCalm(lines: readonly GroupBalance[]): BalanceCalm | null {
  if (lines.length === 0) return 'empty';
  if (lines.some((line) => line.silent)) return null;
  return lines.some((line) => line.here > 0) ? 'balanced' : 'nobodyHere';
}
