import type { Page } from '@playwright/test';
import { sleep } from '../lib/clock';

export interface MainThreadLoad {
  seconds: number;
  /** CPU time of the page's main thread in tasks, as a share of wall time (0–1). */
  busy: number;
  script: number;
  layout: number;
  style: number;
}

type Metrics = Record<string, number>;

/**
 * How busy the page's main thread is over `seconds`, from Chrome's own counters
 * (CDP Performance.getMetrics: TaskDuration, ScriptDuration, LayoutDuration,
 * RecalcStyleDuration). They are read in thread CPU time ('threadTicks'), not wall time:
 * on a machine shared with the server and the load, time the thread waited for a core
 * would otherwise count as work.
 */
export async function measureMainThreadLoad(page: Page, seconds: number): Promise<MainThreadLoad> {
  const session = await page.context().newCDPSession(page);
  try {
    await session.send('Performance.enable', { timeDomain: 'threadTicks' });
    const read = async (): Promise<Metrics> => {
      const { metrics } = await session.send('Performance.getMetrics');
      return { ...Object.fromEntries(metrics.map((m) => [m.name, m.value])), wall: performance.now() / 1000 };
    };
    const before = await read();
    await sleep(seconds * 1000);
    const after = await read();
    const wall = (after.wall ?? 0) - (before.wall ?? 0);
    const share = (name: string) => ((after[name] ?? 0) - (before[name] ?? 0)) / Math.max(wall, 1e-9);
    return {
      seconds: wall,
      busy: share('TaskDuration'),
      script: share('ScriptDuration'),
      layout: share('LayoutDuration'),
      style: share('RecalcStyleDuration'),
    };
  } finally {
    await session.detach();
  }
}
