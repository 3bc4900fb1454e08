import { type ActionProgress, readActions, roomName, setActionProgress } from '@atelier/shared';
import type { StrategyReader } from '../export/read';
import type { CapturedSession, StrategyRead } from '../export/render';
import type { FollowUpPage, FollowUpStore } from '../store/followUp';
import type { WorkshopRecord, WorkshopStore } from '../store/workshops';
import type { RoomManager } from '../sync/rooms';
import { WorkPoolBusy } from '../workers/pool';
import { followUpHtml } from './page';
import { readStatusCsv, type StatusProblem } from './statusCsv';

/**
 * The public follow-up page ("droit de suite", issue 20 §4; docs/follow-up.md): published and
 * revoked by a facilitator, rendered from the live documents for anyone holding its link, and the
 * sheets' progress updated from a status CSV. A page is rendered at most once per `CACHE_MS` per
 * workshop (a room on phones reloading it costs one build), so a change shows within that time.
 */
export interface FollowUpService {
  ofWorkshop(workshopId: string): Promise<FollowUpPage | null>;
  publish(workshopId: string, showNames: boolean): Promise<FollowUpPage>;
  revoke(workshopId: string): Promise<boolean>;
  /** The page's HTML for `publicId`, or `null` when no page is published under it. */
  render(publicId: string, query: string): Promise<string | null>;
  /** Applies a status CSV to the workshop's sheets: how many changed, or every problem (nothing changed). */
  importStatuses(
    workshop: WorkshopRecord,
    csv: string,
  ): Promise<{ updated: number; unchanged: number; problems?: never } | { problems: StatusProblem[] }>;
}

export const CACHE_MS = 10_000;

export function createFollowUpService(deps: {
  followUps: FollowUpStore;
  workshops: WorkshopStore;
  strategies: StrategyReader;
  /**
   * Builds the strategy object off the sync loop (the worker pool); without it, or when every
   * worker is busy, it is built here from the live documents.
   */
  reader?: { readStrategy(session: CapturedSession): Promise<StrategyRead> };
  rooms: Pick<RoomManager, 'withDoc'>;
  now?: () => number;
}): FollowUpService {
  const { followUps, workshops, strategies, rooms, reader } = deps;
  const now = deps.now ?? Date.now;
  const built = new Map<string, { at: number; strategy: Parameters<typeof followUpHtml>[0]['strategy'] }>();

  async function strategyOf(page: FollowUpPage) {
    const key = `${page.workshopId}/${page.showNames}`;
    const cached = built.get(key);
    if (cached && now() - cached.at < CACHE_MS) return cached.strategy;
    const workshop = await workshops.get(page.workshopId);
    if (!workshop) return null;
    const people = await workshops.participants(page.workshopId);
    // Provenance only: the page names nobody unless names were chosen.
    const by = people.find((p) => p.role === 'facilitator' && p.promotedFrom === null) ?? people[0];
    if (!by) return null;
    const options = { includeNames: page.showNames };
    const read = await offThread(workshop, by, options).catch((error: unknown) => {
      if (error instanceof WorkPoolBusy) return strategies.read(workshop, by, options);
      throw error;
    });
    if (!read.strategy) return null;
    built.set(key, { at: now(), strategy: read.strategy });
    return read.strategy;
  }

  function offThread(...[workshop, by, options]: Parameters<StrategyReader['read']>) {
    if (!reader) return strategies.read(workshop, by, options);
    return strategies.capture(workshop, by, options).then((session) => reader.readStrategy(session));
  }

  return {
    ofWorkshop: (workshopId) => followUps.ofWorkshop(workshopId),
    async publish(workshopId, showNames) {
      const page = await followUps.publish(workshopId, showNames);
      built.delete(`${workshopId}/${showNames}`);
      return page;
    },
    revoke: (workshopId) => followUps.revoke(workshopId),
    async render(publicId, query) {
      const page = await followUps.byPublicId(publicId);
      if (!page) return null;
      const strategy = await strategyOf(page);
      return strategy ? followUpHtml({ strategy, query }) : null;
    },
    async importStatuses(workshop, csv) {
      return rooms.withDoc(roomName(workshop.id, 'board'), (board) => {
        const sheets = readActions(board);
        const read = readStatusCsv(csv, sheets);
        if (read.problems) return { problems: read.problems };
        const current = new Map<string, ActionProgress | null>(sheets.map((s) => [s.id, s.progress]));
        let updated = 0;
        board.transact(() => {
          for (const [id, progress] of read.changes) {
            if (current.get(id) === progress) continue;
            setActionProgress(board, id, progress);
            updated++;
          }
        });
        for (const key of built.keys()) if (key.startsWith(`${workshop.id}/`)) built.delete(key);
        return { updated, unchanged: read.changes.size - updated };
      });
    },
  };
}
