import type { Strategy } from './schema';

/**
 * A strategy's content: what an import must give back unchanged (export → import → export).
 * Left out: what describes one export or one session rather than the strategy — the workshop's
 * id and date, who took part, the provenance, creation times, note authors' ids (an import
 * cannot bring people back: their groups stay) and vote rounds' ids and times.
 */
export function strategyContent(s: Strategy): unknown {
  const { id: _id, date: _date, facilitator: _f, ...workshop } = s.workshop;
  const roundIds = new Map(s.rounds.map((round, i) => [round.id, `round-${i + 1}`]));
  const votes = <T extends { votes: { round: string }[] }>(item: T) => ({
    ...item,
    votes: item.votes.map((vote) => ({ ...vote, round: roundIds.get(vote.round) ?? vote.round })),
  });
  const untimed = <T extends { createdAt: string }>({ createdAt: _c, ...item }: T) => item;
  return {
    schemaVersion: s.schemaVersion,
    workshop,
    themes: s.themes,
    notes: s.notes.map(({ author: _a, ...note }) => votes(untimed(note))),
    issues: s.issues.map(votes),
    axes: s.axes.map((axis) => votes(untimed(axis))),
    actions: s.actions.map((action) => votes(untimed(action))),
    partners: s.partners.map(untimed),
    indicators: s.indicators.map(untimed),
    rounds: s.rounds.map(({ id, createdAt: _c, openedAt: _o, closedAt: _cl, revealedAt: _r, ...round }) => ({
      ...round,
      id: roundIds.get(id),
    })),
  };
}
