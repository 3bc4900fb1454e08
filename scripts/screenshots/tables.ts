import { join } from 'node:path';
import {
  addNote,
  addTable,
  newTimer,
  roomName,
  setTimer,
  startTableRound,
  startTimer,
  TableBalanceResponse,
} from '@atelier/shared';
import { loadFixture } from '@atelier/testing';
import type { Browser } from '@playwright/test';
import { api, connect, fixtureWorkshop, type Replica } from '../demo-room';

/** The tables, each on one theme of the fixture's diagnostic, and how many notes each has written. */
const TABLES = [
  { color: '#d81b60', theme: 'mobility', notes: 9 },
  { color: '#3949ab', theme: 'digital', notes: 12 },
  { color: '#00897b', theme: 'centre', notes: 6 },
  { color: '#f4511e', theme: 'energy', notes: 11 },
  { color: '#7cb342', theme: 'citizens', notes: 8 },
  { color: '#5e35b1', theme: 'economy', notes: 10 },
] as const;
/** Where each table's notes lie on the board: two rows of three blocks. */
const BLOCK = { width: 760, height: 820, column: 230, row: 170 };
const blockOrigin = (index: number) => ({
  x: (index % 3) * BLOCK.width + 40,
  y: Math.floor(index / 3) * BLOCK.height + 40,
});

/** Of each table's people: how many are busy (pointer moving), connected but quiet; the rest left. */
const ACTIVE = [3, 2, 1, 3, 2, 3];
const QUIET = [3, 3, 3, 2, 3, 2];

/**
 * docs/screenshots/tables-overview.png: the Val de Loue room split into six tables by the
 * automatic split, a table round on the diagnostic with a timer, each table's notes written by
 * its people, and the facilitator's "Vue des tables" with who is active, connected or gone.
 */
export async function shootTablesOverview(base: string, browser: Browser, out: string): Promise<string> {
  const fixture = loadFixture();
  const workshop = await fixtureWorkshop(base);
  const control = await connect(base, roomName(workshop.id, 'control'), workshop.facilitatorToken);
  const tables = TABLES.map((t, i) => addTable(control.doc, { name: `Table ${i + 1}`, color: t.color }));
  await control.flush();
  const { seats } = await api(base, 'POST', `/workshops/${workshop.id}/tables/balance`, {
    token: workshop.facilitatorToken,
    schema: TableBalanceResponse,
  });
  startTableRound(control.doc, 'assessment');
  // Twenty-five minutes, some twelve of them gone.
  const timer = newTimer({ durationMs: 25 * 60_000, freezeAtEnd: false });
  setTimer(control.doc, startTimer({ ...timer, remainingMs: 12 * 60_000 + 40_000 }, Date.now()));
  await control.flush();

  // Each table writes its notes, from its people's own connections; the first ones stay on.
  const staying: { replica: Replica; active: boolean; at: { x: number; y: number } }[] = [];
  for (const [index, table] of tables.entries()) {
    const spec = TABLES[index];
    if (!spec) continue;
    const people = workshop.people.filter((p) => seats[p.participantId] === table.id);
    const texts = fixture.notes.filter((n) => n.theme === spec.theme).slice(0, spec.notes);
    const origin = blockOrigin(index);
    const place = (k: number) => ({
      x: origin.x + (k % 3) * BLOCK.column,
      y: origin.y + Math.floor(k / 3) * BLOCK.row,
    });
    const online = (ACTIVE[index] ?? 0) + (QUIET[index] ?? 0);
    for (const [n, person] of people.entries()) {
      // Connected with a presence but no pointer yet: here, and quiet.
      const replica = await connect(base, roomName(workshop.id, 'board'), person.token, { cursor: null });
      texts.forEach((note, k) => {
        if (k % people.length !== n) return;
        addNote(replica.doc, {
          ...place(k),
          author: person.participantId,
          text: note.text,
          theme: note.theme,
          table: table.id,
        });
      });
      await replica.flush();
      // The busy ones point at a note of their table.
      const near = place((n * 4) % texts.length);
      const at = { x: near.x + 70, y: near.y + 60 };
      if (n < online) staying.push({ replica, active: n < (ACTIVE[index] ?? 0), at });
      else replica.close();
    }
  }

  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(workshop.facilitatorLink);
  await page.getByTestId('board.canvas').waitFor();
  // Activity is what the facilitator's screen sees change: the busy ones move their pointers.
  const point = (dx: number) => {
    for (const { active, replica, at } of staying)
      if (active) replica.presence({ cursor: { x: at.x + dx, y: at.y + dx } });
  };
  point(0);
  await page.getByTestId('overview.toggle').click();
  point(12);
  const activeCount = staying.filter((s) => s.active).length;
  await page
    .locator('[data-testid="overview.person"][data-state="active"]')
    .nth(activeCount - 1)
    .waitFor();
  await page.mouse.move(400, 500);
  const path = join(out, 'tables-overview.png');
  await page.screenshot({ path });
  await context.close();
  for (const { replica } of staying) replica.close();
  control.close();
  return path;
}
