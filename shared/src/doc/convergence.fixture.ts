import { expect } from 'vitest';
import * as Y from 'yjs';
import { buildStrategy, type StrategySource } from '../strategy/build';
import type { Strategy } from '../strategy/schema';
import { seedBoard } from './board';
import { seedControl } from './control';

/**
 * A test helper for the commands that merge: N replicas of a workshop's board and control
 * documents run the real commands on their own, then receive each other's updates in a
 * seeded random order — out of order, some twice, some held back for a later round, as a
 * flaky network and reconnects would deliver them — and must end with the same
 * `buildStrategy` output. The seed makes a failure reproduce; client ids are fixed too, so
 * Yjs breaks ties the same way on every run.
 */

export type DocKind = 'board' | 'control';

export interface Replica {
  readonly index: number;
  readonly board: Y.Doc;
  readonly control: Y.Doc;
}

export interface ConvergenceOptions {
  /** How many replicas (at least 2; 3 by default). */
  replicas?: number;
  /** The seed of the delivery order and of `random` (1 by default). */
  seed?: number;
  /**
   * The workshop everyone starts from, written once and copied to every replica before any
   * update is recorded. By default a seeded board and control document (the full template),
   * or a copy of `from`.
   */
  setup?: (board: Y.Doc, control: Y.Doc) => void;
  /** Documents a test already wrote: every replica starts as a copy of them. */
  from?: { board?: Y.Doc; control?: Y.Doc };
}

export interface Convergence {
  readonly replicas: readonly Replica[];
  /** The seeded random numbers in [0, 1): tests draw their commands from it too. */
  random(): number;
  /** One of `items`, drawn from `random`. */
  pick<T>(items: readonly T[]): T;
  /** Hands each replica a random part of what it has not received yet, shuffled, some twice. */
  deliverSome(): void;
  /** Hands every replica everything it has not received yet (shuffled, some twice). */
  deliverAll(): void;
  /** Each replica's `buildStrategy` output now. */
  strategies(): Strategy[];
  /**
   * Delivers everything, checks every replica integrated all it received (nothing left
   * pending) and that every replica's strategy deep-equals the first's; returns that strategy.
   */
  expectConverged(): Strategy;
}

/** Delivered updates carry this origin, so a replica does not send back what it received. */
const DELIVERY = Symbol('convergence delivery');

interface Parcel {
  kind: DocKind;
  update: Uint8Array;
  /** Already delivered once: this copy is the duplicate. */
  again: boolean;
}

const SOURCE: Omit<StrategySource, 'board' | 'control'> = {
  workshop: {
    id: 'w-converge',
    title: 'Convergence',
    territory: { name: 'Val de Loue', kind: 'epci' },
    locale: 'fr',
    createdAt: '2026-12-03T09:00:00.000Z',
  },
  people: [],
  exportedBy: { id: 'p-facilitator', name: 'Camille' },
  exportedAt: new Date(Date.UTC(2026, 11, 3, 17, 0, 0)),
  includeNames: true,
  appVersion: 'test',
};

/** Mulberry32: small, seedable, good enough to shuffle deliveries. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

function defaultSetup(board: Y.Doc, control: Y.Doc): void {
  seedBoard(board);
  seedControl(control);
}

export function convergence(options: ConvergenceOptions = {}): Convergence {
  const count = options.replicas ?? 3;
  if (count < 2) throw new Error('Convergence needs at least two replicas');
  const random = seeded(options.seed ?? 1);
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('Nothing to pick from');
    return items[Math.floor(random() * items.length)] as T;
  };

  const start = { board: new Y.Doc(), control: new Y.Doc() };
  start.board.clientID = 1;
  start.control.clientID = 2;
  const { from } = options;
  if (options.setup) options.setup(start.board, start.control);
  else if (from)
    for (const kind of ['board', 'control'] as const) {
      const doc = from[kind];
      if (doc) Y.applyUpdate(start[kind], Y.encodeStateAsUpdate(doc));
    }
  else defaultSetup(start.board, start.control);
  const initial = {
    board: Y.encodeStateAsUpdate(start.board),
    control: Y.encodeStateAsUpdate(start.control),
  };

  const inboxes: Parcel[][] = [];
  const replicas: Replica[] = [];
  for (let index = 0; index < count; index++) {
    const replica = { index, board: new Y.Doc(), control: new Y.Doc() };
    // Fixed client ids: ties (concurrent sets of one key) resolve the same way on every run.
    replica.board.clientID = 100 + index;
    replica.control.clientID = 200 + index;
    for (const kind of ['board', 'control'] as const) {
      Y.applyUpdate(replica[kind], initial[kind], DELIVERY);
      replica[kind].on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === DELIVERY) return;
        inboxes.forEach((inbox, to) => {
          if (to !== index) inbox.push({ kind, update, again: false });
        });
      });
    }
    replicas.push(replica);
    inboxes.push([]);
  }

  /** Takes `share` of a replica's inbox, shuffled, and applies it; some parcels come back once more. */
  const deliver = (share: () => boolean) => {
    replicas.forEach((replica, index) => {
      const inbox = inboxes[index]!;
      const now: Parcel[] = [];
      const later: Parcel[] = [];
      for (const parcel of inbox) (share() ? now : later).push(parcel);
      for (let i = now.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [now[i], now[j]] = [now[j]!, now[i]!];
      }
      inbox.length = 0;
      inbox.push(...later);
      for (const parcel of now) {
        Y.applyUpdate(replica[parcel.kind], parcel.update, DELIVERY);
        if (!parcel.again && random() < 0.25) inbox.push({ ...parcel, again: true });
      }
    });
  };

  const deliverAll = () => {
    while (inboxes.some((inbox) => inbox.length > 0)) deliver(() => true);
  };

  const strategies = () =>
    replicas.map((replica) => buildStrategy({ ...SOURCE, board: replica.board, control: replica.control }));

  return {
    replicas,
    random,
    pick,
    deliverSome: () => deliver(() => random() < 0.5),
    deliverAll,
    strategies,
    expectConverged() {
      deliverAll();
      for (const replica of replicas)
        for (const kind of ['board', 'control'] as const) {
          const { store } = replica[kind];
          expect(
            {
              replica: replica.index,
              kind,
              pending: store.pendingStructs !== null || store.pendingDs !== null,
            },
            'every update was integrated',
          ).toEqual({ replica: replica.index, kind, pending: false });
        }
      const [first, ...rest] = strategies();
      rest.forEach((other, i) => {
        expect(other, `replica ${i + 1} against replica 0`).toEqual(first);
      });
      return first!;
    },
  };
}
