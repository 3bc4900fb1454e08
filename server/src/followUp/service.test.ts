import { fixtureWorkshop } from '@atelier/shared/workshop.fixture';
import { describe, expect, it } from 'vitest';
import type { StrategyReader } from '../export/read';
import { type CapturedSession, strategyOf } from '../export/render';
import type { FollowUpStore } from '../store/followUp';
import type { WorkshopStore } from '../store/workshops';
import { WorkPoolBusy } from '../workers/pool';
import { createFollowUpService } from './service';

/** A published page over the fixture workshop, its strategy read by `readStrategy` (the pool's part). */
function serviceWith(readStrategy: (session: CapturedSession) => Promise<ReturnType<typeof strategyOf>>) {
  const { source } = fixtureWorkshop();
  const page = { workshopId: source.workshop.id, publicId: 'pub', showNames: false, publishedAt: '' };
  const facilitator = { id: 'p-fac', name: 'Claire', role: 'facilitator', promotedFrom: null };
  const reads = { here: 0, captured: 0 };
  const strategies: StrategyReader = {
    read: async () => {
      reads.here++;
      return strategyOf(source);
    },
    capture: async () => {
      reads.captured++;
      return { ...source, board: [], control: [] };
    },
  };
  const service = createFollowUpService({
    followUps: { byPublicId: async (id: string) => (id === 'pub' ? page : null) } as unknown as FollowUpStore,
    workshops: {
      get: async () => source.workshop,
      participants: async () => [facilitator],
    } as unknown as WorkshopStore,
    strategies,
    reader: { readStrategy },
    rooms: { withDoc: async () => Promise.reject(new Error('not used')) },
  });
  return { service, reads, source };
}

describe('the follow-up page service', () => {
  it('builds the page’s strategy in the worker pool, not on the sync loop', async () => {
    const { service, reads, source } = serviceWith(async () => strategyOf(fixtureWorkshop().source));
    const html = await service.render('pub', '');
    expect(html).toContain(source.workshop.title);
    expect(reads).toEqual({ here: 0, captured: 1 });
    expect(await service.render('nope', '')).toBeNull();
  });

  it('builds it here when every worker is busy, and fails loudly when the worker failed', async () => {
    const busy = serviceWith(async () => Promise.reject(new WorkPoolBusy('busy')));
    expect(await busy.service.render('pub', '')).toContain(busy.source.workshop.title);
    expect(busy.reads.here).toBe(1);
    const broken = serviceWith(async () => Promise.reject(new Error('the worker died')));
    await expect(broken.service.render('pub', '')).rejects.toThrow('the worker died');
  });
});
