/**
 * `npm run seed:demo -- [--url http://127.0.0.1:8787] [--notes 60] [--full]`: creates a
 * workshop from the Val de Loue fixture on a running server — its participants join, their
 * notes are posted through the stock y-websocket client, laid out in one block per theme —
 * and prints the facilitator link. With `--full`, every note and the rest of the method too:
 * the priority issues, strategic axes, action sheets with their financing, milestones,
 * partners, partnership process and indicators. For demos and screenshots.
 */
import { parseArgs } from 'node:util';
import { addNote, roomName } from '@atelier/shared';
import { loadFixture, writeOutcome } from '@atelier/testing';
import { connect, fixtureWorkshop } from './demo-room';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:8787' },
    notes: { type: 'string', default: '60' },
    full: { type: 'boolean', default: false },
  },
});
const base = values.url.replace(/\/+$/, '');
const fixture = loadFixture();

const workshop = await fixtureWorkshop(base);
const authors = [workshop.facilitatorId, ...workshop.people.map((p) => p.participantId)];
const board = await connect(base, roomName(workshop.id, 'board'), workshop.facilitatorToken);
const doc = board.doc;

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
    author: authors[note.author] ?? workshop.facilitatorId,
    text: note.text,
    theme: note.theme,
  });
  noteIds.push(id);
}
// ---- the rest of the method (--full): issues, axes, action sheets, partners, indicators ----
if (values.full) writeOutcome(doc, fixture, { noteIds });

// Everything written here is on the server once a fresh replica has all of it.
await board.flush();
board.close();
process.stdout.write(
  `Workshop "${fixture.workshop.title}" with ${authors.length} participants and ${count} notes.\n` +
    `Join code: ${workshop.joinCode}\nFacilitator: ${workshop.facilitatorLink}\n`,
);
process.exit(0);
