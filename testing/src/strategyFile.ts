import { buildStrategyFile, type Strategy, StrategyFile } from '@atelier/shared';

/**
 * A strategy's file (`kind: "strategy"`) of these sessions' outcomes, in order, for the Val de
 * Loue strategy (session n on 2026-12-0n), validated as the export validates it: what the bench
 * measures and the import tests send.
 */
export function strategyFileOf(outcomes: readonly Strategy[]): StrategyFile {
  return StrategyFile.parse(
    buildStrategyFile({
      strategy: {
        id: 'val-de-loue-strategy',
        title: 'Val de Loue',
        territory: { name: 'Val de Loue', kind: 'epci' },
        locale: 'fr',
      },
      sessions: outcomes.map((outcome, i) => ({
        id: `session-${i + 1}`,
        title: `Séance ${i + 1}`,
        date: `2026-12-0${(i % 9) + 1}`,
        outcome,
      })),
      exportedBy: { id: 'p0', name: 'Participant 0' },
      exportedAt: new Date('2026-12-03T17:00:00.000Z'),
      appVersion: 'test',
    }),
  );
}
