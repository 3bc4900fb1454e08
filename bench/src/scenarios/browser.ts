/**
 * The board as a person's browser experiences it (Playwright driving Debian's Chromium,
 * headless, no GPU) against the real Atelier server:
 * - time to interactive of a 5,000-note board (and a 1,000-note one) in a fresh profile;
 * - frame times while the browser user drags a note on a 1,000-note board and 44 other
 *   participants move their cursors at 20 Hz and 5 notes/s each;
 * - main-thread load of an idle participant's tab in that room (and in a quiet room).
 * Atelier only: the peers serve no app.
 */
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { createLiveBoard, joinParticipants, type LiveBoard } from '../browser/board-fixture';
import { waitForSettledBoard } from '../browser/board-ready';
import { launchChromium, openTab, renderingEnvironment, type Tab } from '../browser/chromium';
import { type Crowd, type CrowdReport, connectCrowd } from '../browser/crowd';
import { type DragResult, measureDrag } from '../browser/drag-frames';
import { type MainThreadLoad, measureMainThreadLoad } from '../browser/idle-cpu';
import { type InteractiveTimes, measureTimeToInteractive } from '../browser/time-to-interactive';
import { sleep } from '../lib/clock';
import { REPO_ROOT } from '../lib/paths';
import type { Column, ResultRow, ScenarioContext, ScenarioResult } from '../lib/scenario';
import { startServer } from '../servers/launcher';

export const name = 'browser';
export const description =
  'Chromium: time to interactive (5k notes), drag frame times and an idle tab’s main thread with 44 others editing (1k notes)';
export const columns: Column[] = [
  { key: 'value', label: 'value', digits: 1 },
  { key: 'unit', label: 'unit' },
  { key: 'target', label: 'target' },
];

const CROWD = 44;
const CURSOR_HZ = 20;
const MOVES_PER_SECOND = 5;
/** A pointer move acknowledged later than this, or frames finishing later than that: the page cannot keep up. */
const SATURATED_ACK_MS = 1000;
const SATURATED_WORK_MS = 100;
const IDLE_SETTLE_MS = 30_000;
/** Time for the room to reach its steady state once the crowd starts, before measuring. */
const WARMUP_MS = 2000;
/** Step 2's drag: issues in the column, and notes sorted into each. */
const CLUSTER_ISSUES = 8;
const CLUSTER_NOTES = 25;

interface Sizes {
  bigBoard: number;
  loadBoard: number;
  dragMs: number;
  tracedDragMs: number;
  idleS: number;
}

function sizes(ctx: ScenarioContext): Sizes {
  const base: Sizes = ctx.quick
    ? { bigBoard: 1000, loadBoard: 300, dragMs: 3000, tracedDragMs: 2000, idleS: 5 }
    : { bigBoard: 5000, loadBoard: 1000, dragMs: 10_000, tracedDragMs: 3000, idleS: 20 };
  if (ctx.durationS === undefined) return base;
  return { ...base, dragMs: ctx.durationS * 1000, idleS: ctx.durationS };
}

export async function run(ctx: ScenarioContext): Promise<ScenarioResult> {
  if (!ctx.servers.includes('atelier')) {
    return { rows: [], notes: ['browser: Atelier only (the peers serve no app); skipped'] };
  }
  const size = sizes(ctx);
  buildClientIfStale(ctx);
  // run.ts pins the harness to one core for the load scenarios; a browser uses every core it has.
  const unpinned = unpinSelf();
  const server = await startServer('atelier', { env: { CLIENT_DIST: path.join(REPO_ROOT, 'client/dist') } });
  let browser: Browser | undefined;
  const boards: LiveBoard[] = [];
  let crowd: Crowd | undefined;
  try {
    browser = await launchChromium();
    const environment = await renderingEnvironment(browser);
    ctx.log(`Chromium ${environment.chromium}, renderer: ${environment.gpu}`);

    ctx.log(`seeding a ${size.bigBoard}-note board`);
    const big = await createLiveBoard(server, size.bigBoard);
    boards.push(big);
    const [reader] = await joinParticipants(server, big.workshop.joinCode, 1, 'Arrivée');
    if (!reader) throw new Error('join failed');
    ctx.log(`time to interactive, ${size.bigBoard} notes`);
    const ttiBig = await measureTimeToInteractive(browser, big.boardUrl(reader.token));
    big.close();

    ctx.log(`seeding a ${size.loadBoard}-note board and ${CROWD} participants`);
    const room = await createLiveBoard(server, size.loadBoard);
    boards.push(room);
    const people = await joinParticipants(server, room.workshop.joinCode, CROWD + 2, 'Participant');
    const [dragger, idler, ...others] = people;
    if (!dragger || !idler) throw new Error('join failed');
    const ttiSmall = await measureTimeToInteractive(browser, room.boardUrl(dragger.token));

    crowd = await connectCrowd({
      url: server.url,
      room: room.room,
      tokens: others.map((p) => p.token),
      cursorHz: CURSOR_HZ,
      movesPerSecond: MOVES_PER_SECOND,
      reservedIds: room.reservedIds,
      bounds: room.bounds,
    });
    // Each tab opens in a still room (joining a busy one is what the TTI rows measure), then
    // the crowd starts and the steady state is measured.
    ctx.log(`dragging a note for ${size.dragMs / 1000} s, room still, then while ${CROWD} others edit`);
    const dragTab = await openTab(browser);
    let dragStill: DragResult;
    let drag: DragResult;
    let tracedDrag: DragResult | null = null;
    let dragCrowd: CrowdReport;
    try {
      await dragTab.page.goto(room.boardUrl(dragger.token), { waitUntil: 'commit' });
      if (!(await waitForSettledBoard(dragTab.page))) throw await notSettled(dragTab, 'the drag tab');
      dragStill = await measureDrag(dragTab.page, { durationMs: size.dragMs, noteIds: room.reservedIds });
      await crowd.start();
      await sleep(WARMUP_MS);
      drag = await measureDrag(dragTab.page, { durationMs: size.dragMs, noteIds: room.reservedIds });
      // A page that cannot keep up acknowledges input late and would record a huge trace.
      if (drag.moveAckMaxMs < SATURATED_ACK_MS && drag.workP50Ms < SATURATED_WORK_MS) {
        ctx.log('dragging again with a Chrome trace, for the split of the main thread');
        tracedDrag = await measureDrag(dragTab.page, {
          durationMs: size.tracedDragMs,
          noteIds: room.reservedIds,
          trace: browser,
        });
      } else {
        ctx.log(
          `page saturated (pointer moves acknowledged after ${drag.moveAckP50Ms.toFixed(0)} ms): no trace`,
        );
      }
      dragCrowd = await crowd.stop();
    } finally {
      await dragTab.close();
    }

    ctx.log(`idle participant's tab, room still, then for ${size.idleS} s while ${CROWD} others edit`);
    const idleTab = await openTab(browser);
    let idleBusy: MainThreadLoad;
    let idleQuiet: MainThreadLoad;
    let idleCrowd: CrowdReport;
    let idleUnsettled: string | null = null;
    try {
      await idleTab.page.goto(room.boardUrl(idler.token), { waitUntil: 'commit' });
      if (!(await waitForSettledBoard(idleTab.page, IDLE_SETTLE_MS)))
        idleUnsettled = (await notSettled(idleTab, 'the idle tab')).message;
      idleQuiet = await measureMainThreadLoad(idleTab.page, Math.min(size.idleS, 5));
      await crowd.start();
      await sleep(WARMUP_MS);
      idleBusy = await measureMainThreadLoad(idleTab.page, size.idleS);
      idleCrowd = await crowd.stop();
    } finally {
      await idleTab.close();
    }

    // Step 2 last, so that the board the other rows measure has no issues: the same drag with
    // the issues column's drop targets in the drag context.
    ctx.log(
      `step 2: dragging a note for ${size.dragMs / 1000} s beside ${CLUSTER_ISSUES} issues while ${CROWD} others edit`,
    );
    room.addIssues(CLUSTER_ISSUES, CLUSTER_NOTES);
    await room.setRoomStep('issues');
    const issuesTab = await openTab(browser);
    let dragIssues: DragResult;
    try {
      await issuesTab.page.goto(room.boardUrl(dragger.token), { waitUntil: 'commit' });
      if (!(await waitForSettledBoard(issuesTab.page))) throw await notSettled(issuesTab, 'the step 2 tab');
      await issuesTab.page
        .locator('[data-testid="issues.issue"]')
        .nth(CLUSTER_ISSUES - 1)
        .waitFor();
      await crowd.start();
      await sleep(WARMUP_MS);
      dragIssues = await measureDrag(issuesTab.page, { durationMs: size.dragMs, noteIds: room.reservedIds });
      await crowd.stop();
    } finally {
      await issuesTab.close();
    }

    const notes = [
      `CPU ${environment.cpu} (${cpus().length} cores shared by server, crowd and Chromium; ${unpinned ? 'harness unpinned for Chromium' : 'no pinning change'}; server ${server.pinned ? 'pinned to core 0' : 'unpinned'}), Chromium ${environment.chromium} headless, GPU: ${environment.gpu}`,
      crowdNote('crowd during the drags', dragCrowd, others.length),
      crowdNote('crowd during the idle tab', idleCrowd, others.length),
      `drag under load: ${drag.frames} frames, ${drag.moves} pointer moves (ack p50 ${drag.moveAckP50Ms.toFixed(0)} ms, max ${drag.moveAckMaxMs.toFixed(0)} ms), note moved on drop: ${drag.moved}`,
      ...(tracedDrag ? splitNotes(tracedDrag) : ['no trace: the page was saturated under load']),
      ...(idleUnsettled ? [`${idleUnsettled} (measured anyway)`] : []),
    ];
    return {
      rows: [
        ...ttiRows(`tti ${size.bigBoard}`, ttiBig, true),
        ...ttiRows(`tti ${size.loadBoard}`, ttiSmall, false),
        ...dragRows(`drag ${size.loadBoard}, room still`, dragStill),
        ...dragRows(`drag ${size.loadBoard}+${CROWD}`, drag),
        ...dragRows(`drag ${size.loadBoard}+${CROWD}, step 2`, dragIssues),
        row(`idle tab ${size.loadBoard}+${CROWD}: main thread busy`, idleBusy.busy * 100, '%', '< 10'),
        row(`idle tab ${size.loadBoard}+${CROWD}: script`, idleBusy.script * 100, '%'),
        row(
          `idle tab ${size.loadBoard}+${CROWD}: style+layout`,
          (idleBusy.style + idleBusy.layout) * 100,
          '%',
        ),
        row(`idle tab ${size.loadBoard}, room still: main thread busy`, idleQuiet.busy * 100, '%'),
      ],
      notes,
      raw: {
        environment,
        sizes: size,
        ttiBig,
        ttiSmall,
        dragStill,
        drag,
        dragIssues,
        tracedDrag,
        idleQuiet,
        idleBusy,
        crowd: { drags: dragCrowd, idle: idleCrowd },
      },
    };
  } finally {
    await crowd?.close().catch(() => {});
    for (const board of boards) board.close();
    await browser?.close().catch(() => {});
    await server.stop();
  }
}

function row(key: string, value: number, unit: string, target = ''): ResultRow {
  return { key, server: 'atelier', value, unit, target };
}

function ttiRows(prefix: string, t: InteractiveTimes, withTarget: boolean): ResultRow[] {
  return [
    row(`${prefix}: DOMContentLoaded`, t.domContentLoadedMs, 'ms'),
    row(`${prefix}: sync step 2 received`, t.syncReceivedMs, 'ms'),
    row(`${prefix}: sync step 2 applied`, t.syncAppliedMs, 'ms'),
    row(`${prefix}: first notes painted`, t.firstNotesPaintMs, 'ms'),
    row(`${prefix}: board settled`, t.settledMs, 'ms'),
    row(`${prefix}: notes drawn`, t.notesDrawn, 'notes'),
    row(`${prefix}: click received`, t.clickReceivedMs, 'ms'),
    row(`${prefix}: interactive`, t.interactiveMs, 'ms', withTarget ? '< 1500' : ''),
  ];
}

function dragRows(prefix: string, d: DragResult): ResultRow[] {
  return [
    row(`${prefix}: frame interval p50`, d.intervalP50Ms, 'ms'),
    row(`${prefix}: frame interval p95`, d.intervalP95Ms, 'ms', '< 16.7 (60 Hz)'),
    row(`${prefix}: frame interval p99`, d.intervalP99Ms, 'ms'),
    row(`${prefix}: frames missed`, d.droppedShare * 100, '%'),
    row(`${prefix}: frame work p50`, d.workP50Ms, 'ms'),
    row(`${prefix}: frame work p95`, d.workP95Ms, 'ms', '< 16'),
    row(`${prefix}: frame work p99`, d.workP99Ms, 'ms'),
    row(`${prefix}: pointer move ack p50`, d.moveAckP50Ms, 'ms'),
  ];
}

function splitNotes(d: DragResult): string[] {
  const split = d.split;
  if (!split || split.windowMs === 0) return ['trace: no main-thread events found'];
  const pct = (ms: number) => `${((ms / split.windowMs) * 100).toFixed(0)}%`;
  const k = split.byKind;
  return [
    `trace of a ${(split.windowMs / 1000).toFixed(1)} s drag (frame interval p95 ${d.intervalP95Ms.toFixed(1)} ms with tracing on): main thread busy ${pct(split.busyMs)} — script ${pct(k.script)}, style+layout ${pct(k.styleLayout)}, paint/commit ${pct(k.paint)}, GC ${pct(k.gc)}, other ${pct(k.other)}; longest task ${split.longestTaskMs.toFixed(0)} ms`,
    `trace top self time: ${split.topEvents
      .slice(0, 8)
      .map((e) => `${e.name} ${e.selfMs.toFixed(0)} ms`)
      .join(', ')}`,
  ];
}

/** Why a tab did not settle: what its probe saw. */
async function notSettled(tab: Tab, what: string): Promise<Error> {
  const seen = await tab.page
    .evaluate(
      `JSON.stringify({
        marks: window.__bench.marks,
        notes: window.__bench.noteCount,
        zoom: document.querySelector('[data-testid="board.canvas"]')?.dataset.zoom,
        world: document.querySelector('.canvas__world')?.style.transform,
        text: document.body.innerText.slice(0, 300),
      })`,
    )
    .catch((error: unknown) => String(error));
  return new Error(
    `${what} did not settle: ${String(seen)}; page errors: ${JSON.stringify(tab.errors.slice(0, 5))}`,
  );
}

function crowdNote(label: string, report: CrowdReport, clients: number): string {
  return `${label}: ${clients} light clients sent ${rate(report.cursorsSent, report.elapsedMs)} cursor updates/s and ${rate(report.movesSent, report.elapsedMs)} note moves/s (target ${clients * CURSOR_HZ} and ${clients * MOVES_PER_SECOND}) for ${(report.elapsedMs / 1000).toFixed(0)} s, worker busy ${(report.eventLoopUtilization * 100).toFixed(0)}%, ${report.connected}/${clients} connected at the end`;
}

function rate(count: number, elapsedMs: number): string {
  return (count / Math.max(elapsedMs / 1000, 1e-9)).toFixed(0);
}

let clientChecked = false;

/** The server serves client/dist: build it when its sources changed (as the e2e tests do). */
export function buildClientIfStale(ctx: ScenarioContext): void {
  if (clientChecked) return;
  ctx.log('building the client if stale');
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-if-stale.ts'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  clientChecked = true;
}

/** Lets this process (and the Chromium it launches) run on every core again. */
export function unpinSelf(): boolean {
  try {
    execFileSync('taskset', ['-a', '-cp', `0-${cpus().length - 1}`, String(process.pid)], {
      stdio: 'ignore',
    });
    return true;
  } catch {
    return false;
  }
}
