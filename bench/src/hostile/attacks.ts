/**
 * The attackers of the hostile scenario, each from its own loopback addresses (127.0.x.y are
 * all this machine; the server sees each as another client): floods of malformed frames over
 * fresh connections, and the edges of the socket limits (just under and over the message,
 * byte and upgrade rates; socket churn at the per-address cap). Every outcome is counted:
 * which close code, which HTTP refusal (the 429's body names the limit).
 */
import WebSocket from 'ws';
import { now, sleep } from '../lib/clock';
import { type FrameKind, ignoredMessage, MALFORMED, OVERSIZED } from './frames';

export type Outcome = string;

/** Counts of outcomes (`close 4400`, `http 429 upgrade-rate`, `error …`). */
export class Tally {
  readonly counts = new Map<Outcome, number>();
  add(outcome: Outcome, n = 1): void {
    this.counts.set(outcome, (this.counts.get(outcome) ?? 0) + n);
  }
  get(outcome: Outcome): number {
    return this.counts.get(outcome) ?? 0;
  }
  toJSON(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort());
  }
}

interface Attempt {
  ws: WebSocket;
  /** Resolves with the first server message, or null if the socket ended first. */
  greeted: Promise<boolean>;
  /** How the socket ended: `close <code> <reason>`, `http <status> <body>` or `error <message>`. */
  ended: Promise<Outcome>;
}

/** Opens a socket from `localAddress` and follows it to its end. */
export function attempt(url: string, localAddress: string): Attempt {
  const ws = new WebSocket(url, { localAddress, perMessageDeflate: false });
  let greet: (ok: boolean) => void = () => {};
  const greeted = new Promise<boolean>((resolve) => {
    greet = resolve;
  });
  const ended = new Promise<Outcome>((resolve) => {
    let http: string | null = null;
    ws.on('message', () => greet(true));
    ws.on('unexpected-response', (_req, response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        body += chunk;
      });
      response.on('end', () => {
        http = `http ${response.statusCode} ${body}`.trim();
        greet(false);
        resolve(http);
        ws.terminate();
      });
    });
    ws.on('error', (error) => {
      greet(false);
      if (http === null) resolve(`error ${error.message.replace(/\d+/g, 'N')}`);
    });
    ws.on('close', (code, reason) => {
      greet(false);
      // The reason names the connection (`… (connection <id>)`): counted by code and reason alone.
      const text = reason.toString('utf8').replace(/ \(connection [^)]*\)$/, '');
      resolve(`close ${code}${text.length > 0 ? ` ${text}` : ''}`);
    });
  });
  return { ws, greeted, ended };
}

/** Spaces calls `perSecond` apart on average (a deadline clock, so slow iterations catch up). */
function pacer(perSecond: number): () => Promise<void> {
  const interval = 1000 / perSecond;
  let next = performance.now();
  return async () => {
    next += interval;
    const wait = next - performance.now();
    if (wait > 0) await sleep(wait);
  };
}

export interface MalformedFlood {
  /** Socket base URL of the room (`ws://…/sync/<room>`), without the token. */
  roomUrl: string;
  tokens: readonly string[];
  addresses: readonly string[];
  /** Concurrent connections per address (each its own token: the per-token cap is not the point here). */
  perAddress: number;
  /** New connections per second per address (the cap is UPGRADES_PER_SECOND). */
  connectionsPerSecond: number;
  framesPerConnection: number;
  /** Every n-th connection opens with an oversized frame. */
  oversizedEvery: number;
  totalFrames: number;
  /** Epoch ms (`now()` of lib/clock: the same in every process) after which no connection starts. */
  deadline: number;
}

export interface FloodReport {
  frames: number;
  connections: number;
  outcomes: Tally;
  byKind: Record<string, number>;
}

/**
 * Floods malformed frames: each connection waits for the server's greeting, then sends
 * `framesPerConnection` frames of one kind (cycling through the kinds); the first closes it,
 * the rest still reach the server's parser on the closing connection. Then the next connection.
 */
export async function malformedFlood(spec: MalformedFlood): Promise<FloodReport> {
  const outcomes = new Tally();
  const byKind: Record<string, number> = {};
  let frames = 0;
  /** Frames promised to connections already opening: a connection claims its frames before it opens. */
  let claimed = 0;
  let connections = 0;
  const done = () => claimed >= spec.totalFrames || now() > spec.deadline;
  const loops = spec.addresses.flatMap((address, a) => {
    const pace = pacer(spec.connectionsPerSecond);
    return Array.from({ length: spec.perAddress }, async (_, l) => {
      const token = spec.tokens[(a * spec.perAddress + l) % spec.tokens.length] ?? '';
      while (!done()) {
        await pace();
        if (done()) break;
        const n = connections++;
        const kind: FrameKind =
          n % spec.oversizedEvery === 0 ? OVERSIZED : (MALFORMED[n % MALFORMED.length] ?? OVERSIZED);
        // One oversized frame is enough (and 1 MiB each on the wire); the others come in a burst.
        // Claimed now, not after the greeting: the 80 loops racing for the last frames would
        // otherwise open connections with nothing left to send, which the server rightly keeps.
        const count = kind === OVERSIZED ? 1 : Math.min(spec.framesPerConnection, spec.totalFrames - claimed);
        claimed += count;
        const socket = attempt(`${spec.roomUrl}?token=${encodeURIComponent(token)}`, address);
        if (await socket.greeted) {
          for (let i = 0; i < count && socket.ws.readyState === WebSocket.OPEN; i++) {
            socket.ws.send(kind.frame, { binary: typeof kind.frame !== 'string' });
            frames++;
            byKind[kind.name] = (byKind[kind.name] ?? 0) + 1;
          }
        }
        // A connection the server neither closes nor answers within 10 s is a finding: counted, cut.
        const outcome = await Promise.race([socket.ended, sleep(10_000).then(() => 'no close within 10 s')]);
        if (outcome === 'no close within 10 s') socket.ws.terminate();
        outcomes.add(outcome);
      }
    });
  });
  await Promise.all(loops);
  return { frames, connections, outcomes, byKind };
}

/** Connections that send ignored messages at `perSecond` for `seconds`: under the rate, none may be closed. */
export async function steadySender(
  url: string,
  address: string,
  perSecond: number,
  size: number,
  seconds: number,
): Promise<{ sent: number; outcome: Outcome }> {
  const socket = attempt(url, address);
  if (!(await socket.greeted)) return { sent: 0, outcome: await socket.ended };
  const pace = pacer(perSecond);
  const frame = ignoredMessage(size);
  const until = performance.now() + seconds * 1000;
  let sent = 0;
  let outcome: Outcome | null = null;
  void socket.ended.then((o) => {
    outcome = o;
  });
  while (performance.now() < until && outcome === null) {
    await pace();
    if (socket.ws.readyState !== WebSocket.OPEN) break;
    socket.ws.send(frame);
    sent++;
  }
  if (outcome === null) {
    socket.ws.close(1000);
    return { sent, outcome: `open for ${seconds} s (closed by the client)` };
  }
  return { sent, outcome };
}

/**
 * One connection that sends `count` ignored messages of `size` bytes at once: over the rate, it
 * must be closed. One the server leaves open `waitS` after the last send is counted so and cut.
 */
export async function burstSender(
  url: string,
  address: string,
  count: number,
  size: number,
  waitS = 15,
): Promise<Outcome> {
  const socket = attempt(url, address);
  if (!(await socket.greeted)) return socket.ended;
  const frame = ignoredMessage(size);
  for (let i = 0; i < count && socket.ws.readyState === WebSocket.OPEN; i++) socket.ws.send(frame);
  const open = `open ${waitS} s after the burst`;
  const outcome = await Promise.race([socket.ended, sleep(waitS * 1000).then(() => open)]);
  if (outcome === open) socket.ws.terminate();
  return outcome;
}

/** Upgrades at `perSecond` from one address for `seconds` (forged tokens: each ends in 4401 or a 429). */
export async function upgradeStream(
  roomUrl: string,
  address: string,
  perSecond: number,
  seconds: number,
): Promise<Tally> {
  const outcomes = new Tally();
  const pace = pacer(perSecond);
  const until = performance.now() + seconds * 1000;
  const pending: Promise<void>[] = [];
  for (let i = 0; performance.now() < until; i++) {
    await pace();
    pending.push(attempt(`${roomUrl}?token=forged-${i}`, address).ended.then((o) => outcomes.add(o)));
  }
  await Promise.all(pending);
  return outcomes;
}

/**
 * Holds sockets at the per-address cap from one address, then churns for `seconds`: closes
 * `churn` of them and opens `churn + over` every second; every socket past the cap must be refused.
 */
export async function churnAtCap(
  roomUrl: string,
  tokens: readonly string[],
  perToken: number,
  address: string,
  cap: number,
  over: number,
  churn: number,
  seconds: number,
): Promise<{ held: number; outcomes: Tally; peakHeld: number }> {
  const outcomes = new Tally();
  const open: WebSocket[] = [];
  let peakHeld = 0;
  let next = 0;
  const openOne = async (): Promise<void> => {
    const token = tokens[Math.floor(next++ / perToken) % tokens.length] ?? '';
    const socket = attempt(`${roomUrl}?token=${encodeURIComponent(token)}`, address);
    if (await socket.greeted) {
      open.push(socket.ws);
      peakHeld = Math.max(peakHeld, open.length);
      outcomes.add('held');
      void socket.ended.then((o) => {
        if (!o.startsWith('close 1000') && !o.startsWith('close 1005')) outcomes.add(`then ${o}`);
      });
    } else {
      outcomes.add(await socket.ended);
    }
  };
  // Up to the cap in steps under the upgrade burst, then past it.
  for (let i = 0; i < cap + over; i += 100) {
    await Promise.all(Array.from({ length: Math.min(100, cap + over - i) }, openOne));
  }
  const held = open.length;
  const until = performance.now() + seconds * 1000;
  while (performance.now() < until) {
    for (const ws of open.splice(0, churn)) ws.close(1000);
    await sleep(200); // the server sees the closes, then the cap frees
    await Promise.all(Array.from({ length: churn + over }, openOne));
    await sleep(800);
  }
  for (const ws of open.splice(0)) ws.close(1000);
  return { held, outcomes, peakHeld };
}
