/** The follow-up pages' store, on every backend (docs/scale-out.md, "Store contract suite"). */
import { describe, expect, it } from 'vitest';
import { useBackends } from './backends.fixture';

const backends = useBackends();

describe.each(backends)('follow-up pages on $name', (backend) => {
  it('publishes a page under a random id, keeps its link when names are switched, revokes it for good', async () => {
    const stores = await backend.open();
    await stores.addWorkshop('w1', []);
    await stores.addWorkshop('w2', []);
    const { followUps } = stores;
    expect(await followUps.ofWorkshop('w1')).toBeNull();
    const page = await followUps.publish('w1', false);
    expect(page).toMatchObject({ workshopId: 'w1', showNames: false });
    expect(page.publicId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(await followUps.byPublicId(page.publicId)).toEqual(page);
    const named = await followUps.publish('w1', true);
    expect(named).toEqual({ ...page, showNames: true });
    const other = await followUps.publish('w2', false);
    expect(other.publicId).not.toBe(page.publicId);

    expect(await followUps.revoke('w1')).toBe(true);
    expect(await followUps.revoke('w1')).toBe(false);
    expect(await followUps.byPublicId(page.publicId)).toBeNull();
    const again = await followUps.publish('w1', false);
    expect(again.publicId).not.toBe(page.publicId);
    expect(await followUps.byPublicId(page.publicId)).toBeNull();
  });

  it('goes with its workshop', async () => {
    const stores = await backend.open();
    await stores.addWorkshop('w1', []);
    const page = await stores.followUps.publish('w1', false);
    expect(await stores.purge.deleteWorkshop('w1')).toBe(true);
    expect(await stores.followUps.byPublicId(page.publicId)).toBeNull();
  });
});
