/**
 * Where the page's main thread spent its time during a Chrome trace: script, style and
 * layout, paint (prepaint, paint, layerize, commit), garbage collection, and the rest of
 * each task. Self time is attributed to the nearest classified event enclosing it, the way
 * DevTools' summary does.
 */

/** Categories DevTools' performance panel records (enough for the split, light enough to run). */
export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'toplevel',
  'v8.execute',
  'blink.user_timing',
];

export type WorkKind = 'script' | 'styleLayout' | 'paint' | 'gc' | 'other';

export interface MainThreadSplit {
  /** Wall time between the first and last event considered, ms. */
  windowMs: number;
  /** Time inside top-level tasks, ms. */
  busyMs: number;
  byKind: Record<WorkKind, number>;
  /** Longest top-level task, ms. */
  longestTaskMs: number;
  /** Events with the most self time, for the report's profile notes. */
  topEvents: { name: string; kind: WorkKind; selfMs: number }[];
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { frames?: { url?: string; processId?: number }[] } };
}

const KINDS: [RegExp, WorkKind][] = [
  [/^(MinorGC|MajorGC|V8\.GC|BlinkGC|GCEvent|V8\.GCScavenger|V8\.GCFinalizeMC)/, 'gc'],
  [
    /^(FunctionCall|EvaluateScript|v8\.compile|v8\.compileModule|v8\.evaluateModule|v8\.run|V8\.Execute|TimerFire|FireAnimationFrame|EventDispatch|RunMicrotasks|FireIdleCallback|XHRReadyStateChange|XHRLoad|v8\.callFunction|HandlePostMessage)$/,
    'script',
  ],
  [
    /^(UpdateLayoutTree|RecalculateStyles|Layout|HitTest|ParseAuthorStyleSheet|InvalidateLayout)$/,
    'styleLayout',
  ],
  [
    /^(PrePaint|Paint|Layerize|Commit|UpdateLayer|UpdateLayerTree|CompositeLayers|PaintImage|Decode Image|RasterTask)$/,
    'paint',
  ],
];
const TOP_LEVEL = /^(RunTask|ThreadControllerImpl::RunTask|ThreadPool_RunTask)$/;

function kindOf(name: string): WorkKind | null {
  for (const [pattern, kind] of KINDS) if (pattern.test(name)) return kind;
  return null;
}

/** The renderer main thread of the page whose URL contains `urlPart` (the busiest one when unknown). */
function mainThread(events: readonly TraceEvent[], urlPart: string): { pid: number; tid: number } | null {
  const mains = events.filter(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
  );
  let pagePid: number | undefined;
  for (const e of events) {
    if (e.name !== 'TracingStartedInBrowser') continue;
    pagePid = e.args?.data?.frames?.find((f) => f.url?.includes(urlPart))?.processId ?? pagePid;
  }
  const chosen = mains.find((m) => m.pid === pagePid);
  if (chosen) return { pid: chosen.pid, tid: chosen.tid };
  let best: { pid: number; tid: number; busy: number } | null = null;
  for (const m of mains) {
    let busy = 0;
    for (const e of events)
      if (e.pid === m.pid && e.tid === m.tid && TOP_LEVEL.test(e.name)) busy += e.dur ?? 0;
    if (!best || busy > best.busy) best = { pid: m.pid, tid: m.tid, busy };
  }
  return best;
}

/** Splits the page's main-thread time of a trace (Playwright's `browser.stopTracing()` output). */
export function splitMainThread(traceJson: Buffer | string, urlPart: string): MainThreadSplit {
  const parsed = JSON.parse(traceJson.toString()) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const byKind: Record<WorkKind, number> = { script: 0, styleLayout: 0, paint: 0, gc: 0, other: 0 };
  const empty: MainThreadSplit = { windowMs: 0, busyMs: 0, byKind, longestTaskMs: 0, topEvents: [] };
  const thread = mainThread(events, urlPart);
  if (!thread) return empty;

  const spans = events
    .filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X' && typeof e.dur === 'number')
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  if (spans.length === 0) return empty;

  const selfByName = new Map<string, { kind: WorkKind; self: number }>();
  let busy = 0;
  let longest = 0;
  // Stack of open spans: end time, own kind (or inherited) and the time its children took.
  const stack: { end: number; kind: WorkKind; name: string; dur: number; children: number }[] = [];
  const close = (until: number) => {
    for (let top = stack.at(-1); top && top.end <= until; top = stack.at(-1)) {
      stack.pop();
      const self = Math.max(0, top.dur - top.children);
      byKind[top.kind] += self;
      const entry = selfByName.get(top.name) ?? { kind: top.kind, self: 0 };
      entry.self += self;
      selfByName.set(top.name, entry);
    }
  };
  for (const e of spans) {
    const dur = e.dur ?? 0;
    close(e.ts);
    const parent = stack.at(-1);
    if (parent) parent.children += dur;
    else {
      // Only time inside a task counts as busy (some instrumentation events sit outside tasks).
      if (!TOP_LEVEL.test(e.name)) continue;
      busy += dur;
      longest = Math.max(longest, dur);
    }
    stack.push({
      end: e.ts + dur,
      kind: kindOf(e.name) ?? parent?.kind ?? 'other',
      name: e.name,
      dur,
      children: 0,
    });
  }
  close(Number.POSITIVE_INFINITY);

  const first = spans[0] as TraceEvent;
  const last = spans.reduce((end, e) => Math.max(end, e.ts + (e.dur ?? 0)), 0);
  const ms = (us: number) => us / 1000;
  for (const key of Object.keys(byKind) as WorkKind[]) byKind[key] = ms(byKind[key]);
  return {
    windowMs: ms(last - first.ts),
    busyMs: ms(busy),
    byKind,
    longestTaskMs: ms(longest),
    topEvents: [...selfByName.entries()]
      .map(([name, { kind, self }]) => ({ name, kind, selfMs: ms(self) }))
      .sort((a, b) => b.selfMs - a.selfMs)
      .slice(0, 12),
  };
}
