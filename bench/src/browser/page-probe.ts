/**
 * Instrumentation installed in every page before the app's own scripts run. It records,
 * on the page's clock (ms since navigation start):
 * - when the board socket's sync step 2 reached the page (from the app's socket worker) and
 *   how long the app took to apply it (with the batch it came in);
 * - when the first note element was inserted and painted, and the last time the set of
 *   note elements changed (to know when the board layout has settled);
 * - when a note first became selected and when the pointer went down (interactivity);
 * - during a recording: each frame's start (rAF timestamp) and the moment the main thread
 *   had finished that frame (a message posted from rAF runs after style, layout and paint).
 * The page exposes it as `window.__bench`; the harness reads it with `page.evaluate`.
 */
import type { Page } from '@playwright/test';

export interface ProbeMarks {
  /** The board socket opened. */
  boardSocketOpenAt: number | null;
  /** Sync step 2 from the server arrived on the board socket (before the app handled it). */
  sync2ReceivedAt: number | null;
  /** The app's handler for that message returned: the Y.Doc and the store hold the board. */
  sync2AppliedAt: number | null;
  sync2Bytes: number;
  firstNoteAt: number | null;
  /** The frame after the first note was inserted has been rendered. */
  firstNotePaintedAt: number | null;
  /** Last insertion or removal of a note element. */
  lastNoteMutationAt: number | null;
  pointerDownAt: number | null;
  selectedAt: number | null;
}

export interface ProbeFrames {
  /** rAF timestamps: the start of each frame. */
  starts: number[];
  /** When the main thread finished each frame (same length as `starts`, or one less). */
  ends: number[];
}

export interface BenchProbe {
  marks: ProbeMarks;
  noteCount: number;
  startFrames(): void;
  stopFrames(): ProbeFrames;
  /** Forgets the pointer and selection marks, to time a fresh interaction. */
  armInteraction(): void;
}

declare global {
  interface Window {
    __bench: BenchProbe;
  }
}

/** Runs inside the page (serialised by Playwright): must not reference anything outside itself. */
function installProbe(): void {
  const now = () => performance.now();
  const marks: ProbeMarks = {
    boardSocketOpenAt: null,
    sync2ReceivedAt: null,
    sync2AppliedAt: null,
    sync2Bytes: 0,
    firstNoteAt: null,
    firstNotePaintedAt: null,
    lastNoteMutationAt: null,
    pointerDownAt: null,
    selectedAt: null,
  };
  let recording = false;
  let frames: ProbeFrames = { starts: [], ends: [] };
  const afterFrame = new MessageChannel();
  afterFrame.port1.onmessage = () => {
    if (recording) frames.ends.push(now());
  };
  const onFrame = (timestamp: number) => {
    if (!recording) return;
    frames.starts.push(timestamp);
    afterFrame.port2.postMessage(0);
    requestAnimationFrame(onFrame);
  };

  const probe: BenchProbe = {
    marks,
    noteCount: 0,
    startFrames() {
      frames = { starts: [], ends: [] };
      recording = true;
      requestAnimationFrame(onFrame);
    },
    stopFrames() {
      recording = false;
      return frames;
    },
    armInteraction() {
      marks.pointerDownAt = null;
      marks.selectedAt = null;
    },
  };
  window.__bench = probe;

  // The board socket: `/sync/<workshopId>` (the control room is `/sync/<workshopId>/control`).
  // The app's sockets live in its socket worker (client/src/sync/socketHub.ts): the probe
  // reads the page's side of that conversation — the `open` command that names the board
  // socket, and the batches of socket events the worker hands back.
  const NativeWorker = window.Worker;
  class ProbedWorker extends NativeWorker {
    private boardSocket: number | null = null;

    override postMessage(message: unknown, options?: unknown): void {
      const command = message as { type?: string; id?: number; url?: string } | null;
      if (command?.type === 'open' && /\/sync\/[^/?]+(\?|$)/.test(String(command.url)))
        this.boardSocket = command.id ?? null;
      super.postMessage(message, options as StructuredSerializeOptions);
    }

    override addEventListener(type: string, listener: unknown, options?: unknown): void {
      if (type !== 'message' || typeof listener !== 'function') {
        super.addEventListener(type, listener as EventListener, options as AddEventListenerOptions);
        return;
      }
      // Times the app's handling of the batch that brings the first sync step 2.
      const wrapped = (event: MessageEvent) => {
        const events =
          (event.data as { events?: { id: number; type: string; data?: unknown }[] }).events ?? [];
        let isSync2 = false;
        for (const e of events) {
          if (e.id !== this.boardSocket) continue;
          if (e.type === 'open') marks.boardSocketOpenAt ??= now();
          const data = e.data;
          const bytes =
            data instanceof ArrayBuffer ? new Uint8Array(data, 0, Math.min(2, data.byteLength)) : null;
          if (e.type === 'message' && marks.sync2ReceivedAt === null && bytes?.[0] === 0 && bytes[1] === 1) {
            isSync2 = true;
            marks.sync2ReceivedAt = now();
            marks.sync2Bytes = (data as ArrayBuffer).byteLength;
          }
        }
        (listener as (event: MessageEvent) => void).call(this, event);
        if (isSync2) marks.sync2AppliedAt = now();
      };
      super.addEventListener(type, wrapped as EventListener, options as AddEventListenerOptions);
    }
  }
  window.Worker = ProbedWorker;

  const isNote = (node: Node) => node instanceof HTMLElement && node.dataset.testid === 'note';
  // A note inserted on its own, or inside a subtree mounted at once.
  const notesIn = (node: Node) =>
    isNote(node) ? 1 : node instanceof Element ? node.querySelectorAll('[data-testid="note"]').length : 0;
  const observer = new MutationObserver((records) => {
    const t = now();
    // Net changes of the batch: a note moved in the stacking order (removed, then inserted
    // again) is not a change of the set of notes drawn.
    const added = new Set<Node>();
    const removed = new Set<Node>();
    let inSubtrees = 0;
    let subtreesChanged = false;
    const visit = (nodes: NodeList, into: Set<Node>, from: Set<Node>, sign: number) => {
      // Index loop: NodeList is not iterable in the bench's DOM typings.
      for (let i = 0; i < nodes.length; i++) {
        const node = nodes[i] as Node;
        if (isNote(node)) {
          if (!from.delete(node)) into.add(node);
          continue;
        }
        const count = notesIn(node);
        if (count === 0) continue;
        inSubtrees += sign * count;
        subtreesChanged = true;
      }
    };
    for (const record of records) {
      if (record.type === 'attributes') {
        const target = record.target as HTMLElement;
        if (marks.selectedAt === null && isNote(target) && target.classList.contains('note--selected'))
          marks.selectedAt = t;
        continue;
      }
      visit(record.removedNodes, removed, added, -1);
      visit(record.addedNodes, added, removed, 1);
    }
    if (added.size === 0 && removed.size === 0 && !subtreesChanged) return;
    const delta = added.size - removed.size + inSubtrees;
    probe.noteCount += delta;
    marks.lastNoteMutationAt = t;
    if (marks.firstNoteAt === null && probe.noteCount > 0) {
      marks.firstNoteAt = t;
      requestAnimationFrame(() => {
        const painted = new MessageChannel();
        painted.port1.onmessage = () => {
          marks.firstNotePaintedAt = now();
        };
        painted.port2.postMessage(0);
      });
    }
  });
  const observe = () =>
    observer.observe(document.documentElement, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['class'],
    });
  if (document.documentElement) observe();
  else document.addEventListener('readystatechange', observe, { once: true });
  window.addEventListener(
    'pointerdown',
    () => {
      marks.pointerDownAt ??= now();
    },
    { capture: true },
  );
}

/**
 * Installs the probe in every document the page loads. tsx compiles named inner functions
 * with esbuild's `__name` helper, which does not exist in the page: a no-op stands in.
 */
export async function addProbe(page: Page): Promise<void> {
  await page.addInitScript({ content: `var __name = (f) => f;\n(${installProbe.toString()})();` });
}
