/**
 * `npm run seed:demo -- [--url http://127.0.0.1:8787] [--notes 60] [--full]`: creates a
 * workshop from the Val de Loue fixture on a running server — its participants join, their
 * notes are posted through the stock y-websocket client, laid out in one block per theme —
 * and prints the facilitator link. With `--full`, every note and the rest of the method too:
 * the priority issues, strategic axes, action sheets with their financing, milestones,
 * partners, partnership process and indicators. For demos and screenshots.
 */
import { parseArgs } from 'node:util';
import { addNote, CreateWorkshopResponse, JoinResponse, WorkshopPreview } from '@atelier/shared';
import { loadFixture, writeOutcome } from '@atelier/testing';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:8787' },
    notes: { type: 'string', default: '60' },
    full: { type: 'boolean', default: false },
  },
});
const base = values.url.replace(/\/+$/, '');
const fixture = loadFixture();

async function post<T>(path: string, body: unknown, schema: { parse(value: unknown): T }): Promise<T> {
  const response = await fetch(base + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return schema.parse(await response.json());
}

const [facilitatorSpec, ...others] = fixture.participants;
const workshop = await post(
  '/api/workshops',
  { ...fixture.workshop, facilitatorName: facilitatorSpec?.name ?? 'Animation' },
  CreateWorkshopResponse,
);
const authors = [workshop.participantId];
// Joining acknowledges the privacy notice the join page shows.
const preview = await fetch(`${base}/api/join/${workshop.joinCode}`);
const { version: noticeVersion } = WorkshopPreview.parse(await preview.json()).privacy;
for (const person of others) {
  const joined = await post(
    '/api/join',
    { code: workshop.joinCode, name: person.name, group: person.group, noticeVersion },
    JoinResponse,
  );
  authors.push(joined.participantId);
}

function connect(doc: Y.Doc): Promise<WebsocketProvider> {
  const provider = new WebsocketProvider(`${base.replace(/^http/, 'ws')}/sync`, workshop.id, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { token: workshop.facilitatorToken },
    disableBc: true,
  });
  return new Promise((resolve) => provider.once('sync', () => resolve(provider)));
}

const doc = new Y.Doc();
const provider = await connect(doc);

const count = values.full ? fixture.notes.length : Math.min(Number(values.notes) || 60, fixture.notes.length);
const notes = fixture.notes.slice(0, count);
// One block of notes per theme, four blocks per row, each block about as wide as it is tall.
const block = new Map(fixture.themes.map((theme, index) => [theme.id, index]));
const largest = Math.max(...fixture.themes.map((t) => notes.filter((n) => n.theme === t.id).length));
const perRow = Math.max(2, Math.ceil(Math.sqrt(largest * 1.3)));
const blockWidth = perRow * 220 + 140;
const blockHeight = Math.ceil(largest / perRow) * 170 + 140;
const placed = new Map<string, number>();
const noteIds: string[] = [];
for (const note of notes) {
  const index = block.get(note.theme) ?? 0;
  const n = placed.get(note.theme) ?? 0;
  placed.set(note.theme, n + 1);
  const id = addNote(doc, {
    x: 40 + (index % 4) * blockWidth + (n % perRow) * 220,
    y: 40 + Math.floor(index / 4) * blockHeight + Math.floor(n / perRow) * 170,
    author: authors[note.author] ?? workshop.participantId,
    text: note.text,
    theme: note.theme,
  });
  noteIds.push(id);
}
// ---- the rest of the method (--full): issues, axes, action sheets, partners, indicators ----
if (values.full) writeOutcome(doc, fixture, { noteIds });

// y-websocket has no acknowledgements: a second replica proves the server holds every note.
const check = new Y.Doc();
const checker = await connect(check);
await new Promise<void>((resolve) => {
  // Everything written here is on the server once a fresh replica has all of it.
  const expected = Buffer.from(Y.encodeStateVector(doc)).toString('base64');
  const done = () => Buffer.from(Y.encodeStateVector(check)).toString('base64') === expected && resolve();
  check.on('update', done);
  done();
});
checker.destroy();
provider.destroy();
process.stdout.write(
  `Workshop "${fixture.workshop.title}" with ${authors.length} participants and ${count} notes.\n` +
    `Join code: ${workshop.joinCode}\nFacilitator: ${workshop.links.facilitator}\n`,
);
process.exit(0);
