import type { Browser, Page } from '@playwright/test';
import { sleep } from '../lib/clock';
import { noteNearCentre } from './board-ready';
import type { ProbeFrames } from './page-probe';
import { percentile } from './percentiles';
import { type MainThreadSplit, splitMainThread, TRACE_CATEGORIES } from './trace-split';

export interface DragOptions {
  durationMs: number;
  /** Notes the crowd leaves alone: the one dragged is picked among them. */
  noteIds: readonly string[];
  /** Record a Chrome trace of the drag and split the main thread's time (adds some overhead). */
  trace?: Browser;
}

export interface DragResult {
  frames: number;
  /** Pointer moves sent by the harness. */
  moves: number;
  /** Time until Chromium acknowledged a pointer move (the page handled it), ms. */
  moveAckP50Ms: number;
  moveAckMaxMs: number;
  /** Interval between consecutive frames (rAF timestamps), ms: 16.7 at 60 Hz when no frame is dropped. */
  intervalP50Ms: number;
  intervalP95Ms: number;
  intervalP99Ms: number;
  intervalMaxMs: number;
  /** Share of intervals longer than 1.5 vsync periods (a frame missed). */
  droppedShare: number;
  /** Main-thread work per frame: from the frame's start to the end of its style, layout and paint, ms. */
  workP50Ms: number;
  workP95Ms: number;
  workP99Ms: number;
  /** Whether the drop moved the note (the drag really happened). */
  moved: boolean;
  split: MainThreadSplit | null;
}

/** Frames at 60 Hz (Chromium's headless compositor ticks at 60 Hz). */
const VSYNC_MS = 1000 / 60;
/** A mouse reports about every 8 ms (125 Hz); never faster than that. */
const MOVE_EVERY_MS = 8;
const AMPLITUDE_PX = 160;

/**
 * Drags a note with the mouse in many small steps (a Lissajous path around where it was)
 * for `durationMs`, recording every frame in the page, then drops it.
 */
export async function measureDrag(page: Page, options: DragOptions): Promise<DragResult> {
  const start = await noteNearCentre(page, options.noteIds);
  const before = await notePosition(page, start.id);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  // Past dnd-kit's activation distance (4 px) before recording: the drag is under way.
  await page.mouse.move(start.x + 6, start.y + 6, { steps: 2 });
  if (options.trace) await options.trace.startTracing(page, { categories: TRACE_CATEGORIES });
  await page.evaluate('window.__bench.startFrames()');
  const began = performance.now();
  const acks: number[] = [];
  for (let t = 0; t < options.durationMs; t = performance.now() - began) {
    const phase = (t / 1000) * 2 * Math.PI;
    const x = start.x + 6 + AMPLITUDE_PX * Math.sin(phase * 0.7);
    const y = start.y + 6 + (AMPLITUDE_PX / 2) * Math.sin(phase * 1.1);
    const sent = performance.now();
    await page.mouse.move(x, y);
    acks.push(performance.now() - sent);
    const wait = MOVE_EVERY_MS - (performance.now() - sent);
    if (wait > 0) await sleep(wait);
  }
  const frames = (await page.evaluate('window.__bench.stopFrames()')) as ProbeFrames;
  const trace = options.trace ? await options.trace.stopTracing() : null;
  await page.mouse.move(start.x + 40, start.y + 30, { steps: 2 });
  await page.mouse.up();
  const after = await notePosition(page, start.id);

  const intervals: number[] = [];
  for (let i = 1; i < frames.starts.length; i++)
    intervals.push((frames.starts[i] as number) - (frames.starts[i - 1] as number));
  const work: number[] = [];
  for (let i = 0; i < frames.ends.length; i++)
    work.push((frames.ends[i] as number) - (frames.starts[i] as number));
  return {
    frames: frames.starts.length,
    moves: acks.length,
    moveAckP50Ms: percentile(acks, 50),
    moveAckMaxMs: percentile(acks, 100),
    intervalP50Ms: percentile(intervals, 50),
    intervalP95Ms: percentile(intervals, 95),
    intervalP99Ms: percentile(intervals, 99),
    intervalMaxMs: percentile(intervals, 100),
    droppedShare: intervals.filter((i) => i > 1.5 * VSYNC_MS).length / Math.max(1, intervals.length),
    workP50Ms: percentile(work, 50),
    workP95Ms: percentile(work, 95),
    workP99Ms: percentile(work, 99),
    moved: before !== null && after !== null && (before.x !== after.x || before.y !== after.y),
    split: trace ? splitMainThread(trace, '/w/') : null,
  };
}

async function notePosition(page: Page, id: string): Promise<{ x: number; y: number } | null> {
  return (await page.evaluate(
    `(() => {
      const el = document.querySelector('[data-testid="note"][data-note-id="${id}"]');
      return el ? { x: Number(el.getAttribute('data-x')), y: Number(el.getAttribute('data-y')) } : null;
    })()`,
  )) as { x: number; y: number } | null;
}
