/**
 * The board picture (export panel, "Image du tableau (.png)") of the Val de Loue demo
 * workshop — 45 participants, 320 notes, its issues, axes, sheets, partners and indicators,
 * as `npm run seed:demo -- --full` makes it — timed in Debian's Chromium for each of the six
 * steps: from the click on the button to the PNG's download. Target: under 3 s. Atelier only.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { launchChromium, openTab } from '../browser/chromium';
import { percentile } from '../browser/percentiles';
import { REPO_ROOT } from '../lib/paths';
import type { Column, ResultRow, ScenarioContext, ScenarioResult } from '../lib/scenario';
import { startServer } from '../servers/launcher';
import { buildClientIfStale, unpinSelf } from './browser';

export const name = 'picture';
export const description =
  'Chromium: the board picture of the 320-note demo workshop, click to PNG, at each of the six steps (target < 3 s)';
export const columns: Column[] = [
  { key: 'median', label: 'median ms', digits: 0 },
  { key: 'max', label: 'max ms', digits: 0 },
  { key: 'width', label: 'PNG width', digits: 0 },
  { key: 'height', label: 'PNG height', digits: 0 },
  { key: 'kb', label: 'KB', digits: 0 },
  { key: 'strategy', label: 'strategy', digits: 0 },
  { key: 'layout', label: 'layout', digits: 0 },
  { key: 'draw', label: 'draw', digits: 0 },
  { key: 'png', label: 'png', digits: 0 },
];

const PHASES = ['strategy', 'layout', 'draw', 'png'] as const;

const STEPS = ['assessment', 'issues', 'axes', 'actions', 'partnerships', 'monitoring'] as const;
const TARGET_MS = 3000;

/** Seeds the demo workshop on the server (scripts/seed-demo.ts) and answers the facilitator's link. */
function seedDemo(httpUrl: string): string {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', 'scripts/seed-demo.ts', '--url', httpUrl, '--full'],
    {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    },
  );
  const link = /^Facilitator: (\S+)$/m.exec(out)?.[1];
  if (!link) throw new Error(`seed-demo gave no facilitator link:\n${out}`);
  return link;
}

export async function run(ctx: ScenarioContext): Promise<ScenarioResult> {
  if (!ctx.servers.includes('atelier')) return { rows: [], notes: ['picture: Atelier only; skipped'] };
  const runs = ctx.quick ? 1 : 5;
  buildClientIfStale(ctx);
  unpinSelf();
  const server = await startServer('atelier', { env: { CLIENT_DIST: path.join(REPO_ROOT, 'client/dist') } });
  let browser: Browser | undefined;
  try {
    ctx.log('seeding the demo workshop (320 notes, --full)');
    const link = seedDemo(server.httpUrl);
    browser = await launchChromium();
    const tab = await openTab(browser);
    const { page } = tab;
    await page.goto(link);
    await page.getByTestId('export.toggle').click();
    await page.getByTestId('export.panel').waitFor();
    const rows: ResultRow[] = [];
    for (const step of STEPS) {
      await page.getByTestId(`step.${step}`).click();
      const times: number[] = [];
      const phases: Record<(typeof PHASES)[number], number[]> = {
        strategy: [],
        layout: [],
        draw: [],
        png: [],
      };
      let size = { width: 0, height: 0, bytes: 0 };
      for (let i = 0; i < runs; i++) {
        const started = Date.now();
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByTestId('export.download-png').click(),
        ]);
        // The PNG is whole when the browser starts saving it (a blob, handed over at once).
        times.push(Date.now() - started);
        // takePicture's own measures of its phases (read in the page, then cleared for the next run).
        const measured = await page.evaluate(() => {
          const entries = performance
            .getEntriesByType('measure')
            .filter((e) => e.name.startsWith('picture:'));
          performance.clearMeasures();
          return entries.map((e) => [e.name.slice('picture:'.length), e.duration] as const);
        });
        for (const [phase, ms] of measured) phases[phase as (typeof PHASES)[number]]?.push(ms);
        const file = await download.createReadStream();
        const chunks: Buffer[] = [];
        for await (const chunk of file) chunks.push(chunk as Buffer);
        const png = Buffer.concat(chunks);
        size = { width: png.readUInt32BE(16), height: png.readUInt32BE(20), bytes: png.length };
      }
      const median = percentile(times, 50);
      ctx.log(`${step}: median ${median} ms over ${runs}, ${size.width}×${size.height}`);
      rows.push({
        key: step,
        server: 'atelier',
        median,
        max: Math.max(...times),
        width: size.width,
        height: size.height,
        kb: size.bytes / 1024,
        ...Object.fromEntries(PHASES.map((phase) => [phase, percentile(phases[phase], 50)])),
      });
    }
    const slow = rows.filter((row) => (row.median as number) >= TARGET_MS).map((row) => row.key);
    return {
      rows,
      notes: [
        slow.length === 0 ? `every step under ${TARGET_MS} ms` : `over ${TARGET_MS} ms: ${slow.join(', ')}`,
      ],
    };
  } finally {
    await browser?.close().catch(() => {});
    await server.stop();
  }
}
