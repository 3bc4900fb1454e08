import { describe, expect, it } from 'vitest';
import type { TransactionStores, TurnShare, TurnWriter } from '../store/transaction';
import { type Transaction, TurnFlusher, type TurnRetry } from './turn';

/** The writers a test's transaction hands its rooms: these rooms write nothing themselves. */
const NO_STORES = {} as TransactionStores;
const plain: Transaction = (work) => work(NO_STORES);
/** A transaction that says when it begins and commits. */
const logged =
  (events: string[]): Transaction =>
  async (work) => {
    events.push('begin');
    await work(NO_STORES);
    events.push('commit');
  };

function recorder(flusher: TurnFlusher, events: string[], name: string) {
  const socket = { flush: () => events.push(`write ${name}`) };
  return {
    socket,
    room: {
      name,
      persist: async (_tx: TransactionStores, again: boolean) => {
        events.push(again ? `persist ${name} again` : `persist ${name}`);
      },
      share: (again: boolean): TurnShare => {
        events.push(again ? `share ${name} again` : `share ${name}`);
        return { doc: name, updates: [new Uint8Array([1])], journal: [] };
      },
      persisted: (lastSeq: number) => {
        events.push(`persisted ${name} ${lastSeq}`);
      },
      settle: (stored: boolean) => {
        events.push(`settle ${name} ${stored}`);
        // Settling queues broadcasts; they leave in the same pass.
        flusher.send(socket);
      },
    },
  };
}

describe('TurnFlusher', () => {
  it('stores a turn’s rooms in name order, whatever order they came in (no deadlock between nodes)', async () => {
    const events: string[] = [];
    const flusher = new TurnFlusher(plain);
    for (const name of ['w2', 'w1/control', 'w1', 'w10'])
      flusher.commit(recorder(flusher, events, name).room);
    await new Promise((resolve) => setImmediate(resolve));
    expect(events.filter((e) => e.startsWith('persist'))).toEqual([
      'persist w1',
      'persist w1/control',
      'persist w10',
      'persist w2',
    ]);
  });

  it('stores every room in one transaction, then settles, then writes sockets, once per turn', async () => {
    const events: string[] = [];
    const flusher = new TurnFlusher(logged(events));
    const a = recorder(flusher, events, 'a');
    const b = recorder(flusher, events, 'b');
    flusher.send(a.socket);
    flusher.commit(a.room);
    flusher.commit(b.room);
    flusher.commit(a.room);
    expect(events).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(events).toEqual([
      'begin',
      'persist a',
      'persist b',
      'commit',
      'settle a true',
      'settle b true',
      'write a',
      'write b',
    ]);
  });

  it('tells every room when the transaction could not commit', async () => {
    const events: string[] = [];
    const errors: unknown[] = [];
    const flusher = new TurnFlusher(
      async (work) => {
        await work(NO_STORES);
        throw new Error('disk full');
      },
      { onStoreError: (error) => errors.push(error) },
    );
    flusher.commit(recorder(flusher, events, 'a').room);
    await flusher.run();
    expect(events).toEqual(['persist a', 'settle a false', 'write a']);
    expect(errors).toHaveLength(1);
  });

  it('reports how long each turn with updates took to commit, and nothing for a turn without', async () => {
    const commits: number[] = [];
    const flusher = new TurnFlusher(
      async (work) => {
        const until = performance.now() + 5;
        await work(NO_STORES);
        while (performance.now() < until) {
          // a slow disk
        }
      },
      { onCommit: (seconds) => commits.push(seconds) },
    );
    flusher.send({ flush: () => {} });
    await flusher.run();
    expect(commits).toEqual([]);
    flusher.commit(recorder(flusher, [], 'a').room);
    await flusher.run();
    expect(commits).toHaveLength(1);
    expect(commits[0]).toBeGreaterThanOrEqual(0.005);
    expect(commits[0]).toBeLessThan(1);
  });

  it('keeps the commits waiting while the storage refuses writes, still writes sockets, and runs them on resume', async () => {
    const events: string[] = [];
    let writable = false;
    const flusher = new TurnFlusher(plain, { writable: () => writable });
    const a = recorder(flusher, events, 'a');
    flusher.commit(a.room);
    flusher.send(a.socket);
    await flusher.run();
    expect(events).toEqual(['write a']);
    writable = true;
    flusher.resume();
    await new Promise((resolve) => setImmediate(resolve));
    expect(events).toEqual(['write a', 'persist a', 'settle a true', 'write a']);
  });

  it('runs one turn’s transaction at a time: what arrives while one is in flight is the next turn', async () => {
    const events: string[] = [];
    let release: () => void = () => {};
    const flusher = new TurnFlusher(async (work) => {
      events.push('begin');
      await work(NO_STORES);
      // A slow database: the commit answers later.
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      events.push('commit');
    });
    const a = recorder(flusher, events, 'a');
    const b = recorder(flusher, events, 'b');
    flusher.commit(a.room);
    const first = flusher.run();
    await Promise.resolve();
    flusher.commit(b.room);
    const second = flusher.run();
    await new Promise((resolve) => setImmediate(resolve));
    expect(events).toEqual(['begin', 'persist a']);
    release();
    await first;
    await new Promise((resolve) => setImmediate(resolve));
    release();
    await second;
    expect(events).toEqual([
      'begin',
      'persist a',
      'commit',
      'settle a true',
      'write a',
      'begin',
      'persist b',
      'commit',
      'settle b true',
      'write b',
    ]);
  });

  it('writes frames queued while a commit is in flight at the end of their own turn, not after the commit', async () => {
    const events: string[] = [];
    let release: () => void = () => {};
    const flusher = new TurnFlusher(async (work) => {
      await work(NO_STORES);
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      events.push('commit');
    });
    const a = recorder(flusher, events, 'a');
    flusher.commit(a.room);
    const running = flusher.run();
    await new Promise((resolve) => setImmediate(resolve));
    // A presence frame for b's socket, queued while a's commit waits.
    flusher.send({ flush: () => events.push('write b') });
    await new Promise((resolve) => setImmediate(resolve));
    expect(events).toEqual(['persist a', 'write b']);
    release();
    await running;
    expect(events).toEqual(['persist a', 'write b', 'commit', 'settle a true', 'write a']);
  });

  describe('a transaction conflict (PostgreSQL’s deadlock victim or serialization failure)', () => {
    /** A PostgreSQL error as `pg` gives it: the code is what tells it apart. */
    const conflict = (code: '40P01' | '40001') =>
      Object.assign(new Error(code === '40P01' ? 'deadlock detected' : 'could not serialize access'), {
        code,
      });
    const retries = (waits: number[]): TurnRetry => ({
      retries: 3,
      delayMs: (retry) => {
        waits.push(retry);
        return 0;
      },
    });

    it('runs the whole turn again, the same rooms told so, and settles it stored: no store error', async () => {
      const events: string[] = [];
      const errors: unknown[] = [];
      const waits: number[] = [];
      const failures = [conflict('40P01'), conflict('40001')];
      const flusher = new TurnFlusher(
        async (work) => {
          events.push('begin');
          await work(NO_STORES);
          const failure = failures.shift();
          if (failure) {
            events.push('rolled back');
            throw failure;
          }
          events.push('commit');
        },
        { onStoreError: (error) => errors.push(error), retry: retries(waits) },
      );
      flusher.commit(recorder(flusher, events, 'b').room);
      flusher.commit(recorder(flusher, events, 'a').room);
      await flusher.run();
      expect(events).toEqual([
        'begin',
        'persist a',
        'persist b',
        'rolled back',
        'begin',
        'persist a again',
        'persist b again',
        'rolled back',
        'begin',
        'persist a again',
        'persist b again',
        'commit',
        'settle a true',
        'settle b true',
        'write a',
        'write b',
      ]);
      expect(waits).toEqual([1, 2]);
      expect(errors).toEqual([]);
    });

    it('gives up after its retries: the conflict is then the turn’s failure', async () => {
      const events: string[] = [];
      const errors: unknown[] = [];
      const waits: number[] = [];
      const flusher = new TurnFlusher(
        async (work) => {
          await work(NO_STORES);
          throw conflict('40P01');
        },
        { onStoreError: (error) => errors.push(error), retry: retries(waits) },
      );
      flusher.commit(recorder(flusher, events, 'a').room);
      await flusher.run();
      expect(events).toEqual([
        'persist a',
        'persist a again',
        'persist a again',
        'persist a again',
        'settle a false',
        'write a',
      ]);
      expect(waits).toEqual([1, 2, 3]);
      expect(errors).toEqual([expect.objectContaining({ code: '40P01' })]);
    });

    it('does not run again a turn that failed for anything else', async () => {
      const events: string[] = [];
      const waits: number[] = [];
      const flusher = new TurnFlusher(
        async (work) => {
          await work(NO_STORES);
          throw Object.assign(new Error('could not write'), { code: '58030' });
        },
        { retry: retries(waits) },
      );
      flusher.commit(recorder(flusher, events, 'a').room);
      await flusher.run();
      expect(events).toEqual(['persist a', 'settle a false', 'write a']);
      expect(waits).toEqual([]);
    });
  });
  describe('a turn in one statement (PostgreSQL’s `TurnWriter`)', () => {
    /** A writer numbering each document's updates from 1, as a fresh database would. */
    const numbering = (events: string[], failures: unknown[] = []): TurnWriter => {
      const heads = new Map<string, number>();
      return async (shares) => {
        events.push(`statement ${shares.map((s) => s.doc).join(',')}`);
        const failure = failures.shift();
        if (failure) throw failure;
        for (const share of shares) heads.set(share.doc, (heads.get(share.doc) ?? 0) + share.updates.length);
        return new Map(shares.map((s) => [s.doc, heads.get(s.doc) ?? 0]));
      };
    };
    const noTransaction: Transaction = () => Promise.reject(new Error('no transaction expected'));

    it('writes every room of the turn in one statement, in name order, then settles and writes sockets', async () => {
      const events: string[] = [];
      const flusher = new TurnFlusher(noTransaction, { writeTurn: numbering(events) });
      flusher.commit(recorder(flusher, events, 'b').room);
      flusher.commit(recorder(flusher, events, 'a').room);
      await flusher.run();
      expect(events).toEqual([
        'share a',
        'share b',
        'statement a,b',
        'persisted a 1',
        'persisted b 1',
        'settle a true',
        'settle b true',
        'write a',
        'write b',
      ]);
    });

    it('runs a conflicting statement again after a wait, the rooms told so', async () => {
      const events: string[] = [];
      const waits: number[] = [];
      const deadlock = Object.assign(new Error('deadlock detected'), { code: '40P01' });
      const flusher = new TurnFlusher(noTransaction, {
        retry: {
          retries: 3,
          delayMs: (retry) => {
            waits.push(retry);
            return 0;
          },
        },
        writeTurn: numbering(events, [deadlock]),
      });
      flusher.commit(recorder(flusher, events, 'a').room);
      await flusher.run();
      expect(events).toEqual([
        'share a',
        'statement a',
        'share a again',
        'statement a',
        'persisted a 1',
        'settle a true',
        'write a',
      ]);
      expect(waits).toEqual([1]);
    });

    it('writes a turn whose statement failed otherwise again in a transaction, where each room is kept apart', async () => {
      const events: string[] = [];
      const told: unknown[] = [];
      const flusher = new TurnFlusher(logged(events), {
        writeTurn: numbering(events, [Object.assign(new Error('foreign key violation'), { code: '23503' })]),
        onStatementFailed: (error) => told.push(error),
      });
      flusher.commit(recorder(flusher, events, 'a').room);
      await flusher.run();
      expect(events).toEqual([
        'share a',
        'statement a',
        'begin',
        'persist a again',
        'commit',
        'settle a true',
        'write a',
      ]);
      expect(told).toEqual([expect.objectContaining({ code: '23503' })]);
    });

    it('never settles a room stored without its number: the turn goes to a transaction', async () => {
      const events: string[] = [];
      const flusher = new TurnFlusher(logged(events), { writeTurn: async () => new Map() });
      flusher.commit(recorder(flusher, events, 'a').room);
      await flusher.run();
      expect(events).toEqual(['share a', 'begin', 'persist a again', 'commit', 'settle a true', 'write a']);
    });
  });
});
