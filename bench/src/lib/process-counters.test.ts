import { describe, expect, it } from 'vitest';
import { readCpuSeconds } from './proc';
import { counterDelta, parseChildren, processTree, sampleCounter } from './process-counters';

describe('counterDelta: the cost of a window from two samples of a changing set of processes', () => {
  it('counts what each process alive at both ends added', () => {
    const before = new Map([
      [10, 5],
      [11, 1.5],
    ]);
    const after = new Map([
      [10, 7],
      [11, 1.5],
    ]);
    expect(counterDelta(before, after)).toEqual({ total: 2, vanished: 0 });
  });

  it('counts a process born in the window whole (a backend forked for a new connection)', () => {
    expect(
      counterDelta(
        new Map([[10, 5]]),
        new Map([
          [10, 6],
          [12, 0.25],
        ]),
      ),
    ).toEqual({
      total: 1.25,
      vanished: 0,
    });
  });

  it('counts a reused pid, whose counter went down, as a new process', () => {
    expect(counterDelta(new Map([[10, 5]]), new Map([[10, 0.5]]))).toEqual({ total: 0.5, vanished: 0 });
  });

  it('reports the processes gone by the end, whose window share cannot be read', () => {
    expect(
      counterDelta(
        new Map([
          [10, 5],
          [11, 3],
        ]),
        new Map([[10, 5]]),
      ),
    ).toEqual({ total: 0, vanished: 1 });
  });
});

describe('reading /proc', () => {
  it('parses the children file', () => {
    expect(parseChildren('123 456 \n')).toEqual([123, 456]);
    expect(parseChildren('')).toEqual([]);
  });

  it('finds this process in its own tree and leaves out a pid that does not exist', () => {
    expect(processTree(process.pid)[0]).toBe(process.pid);
    const sample = sampleCounter([process.pid, 2 ** 22 + 1], readCpuSeconds);
    expect([...sample.keys()]).toEqual([process.pid]);
    expect(sample.get(process.pid)).toBeGreaterThan(0);
  });
});
