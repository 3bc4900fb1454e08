import { type BalancedNodes, startBalancedNodes } from '@atelier/testing';
import { type Browser, expect, test } from '@playwright/test';
import { type Actor, createWorkshop, joinWorkshop } from '../fixtures/actors';
import { OwnServer } from '../fixtures/own-server';

/*
 * The scale-out deployment as a room would meet it (docs/operations.md, "Several nodes"): two
 * Atelier nodes on one PostgreSQL database and one Redis, behind Debian's nginx running the
 * shipped site over HTTPS, no stickiness. Each browser lands on whichever node the balancer
 * gives; what one writes reaches the others across nodes, and when a node dies (kill -9) every
 * browser comes back through the balancer on the other one, with nothing lost.
 */

/** `count` nodes, each a server process of the test's own, behind the test nginx. */
function startCluster(count: number): Promise<BalancedNodes<OwnServer>> {
  return startBalancedNodes<OwnServer>({
    count,
    startNode: async (env) => {
      const node = new OwnServer('127.0.0.1', env);
      await node.start();
      return node;
    },
    stopNode: (node) => node.kill(),
    urlOf: (node) => node.url,
  });
}

/** How many board sockets a node holds, read from its own metrics (this machine may read them). */
async function boardSockets(node: OwnServer): Promise<number> {
  const text = await (await fetch(`${node.url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith('atelier_sync_connections{kind="board"}'));
  return Number(line?.split(' ').at(-1) ?? 0);
}

/** Reloads `actor`'s page until each node holds a board socket: the balancer gives each new socket the next node. */
async function spreadOverNodes(actor: Actor, nodes: OwnServer[]): Promise<void> {
  for (let reloads = 0; ; reloads++) {
    const counts = await Promise.all(nodes.map(boardSockets));
    if (counts.every((count) => count > 0)) return;
    expect(reloads, `board sockets per node: ${counts.join(', ')}`).toBeLessThan(8);
    await actor.page.reload();
    await actor.board.expectConnected();
  }
}

test.describe.configure({ timeout: 180_000 });

test('behind nginx, two nodes serve one workshop: notes cross nodes, and a node killed mid-session loses nothing', async ({
  browser,
}) => {
  const cluster = await startCluster(2);
  const actors: Actor[] = [];
  const join = async (b: Browser, code: string, name: string) => {
    const actor = await joinWorkshop(b, code, { name, group: 'staff', baseURL: cluster.origin });
    actors.push(actor);
    return actor;
  };
  try {
    const facilitator = await createWorkshop(browser, { baseURL: cluster.origin });
    actors.push(facilitator);
    const lucas = await join(browser, facilitator.joinCode, 'Lucas Laurent');
    const zoe = await join(browser, facilitator.joinCode, 'Zoé David');
    await spreadOverNodes(zoe, cluster.nodes);

    // Written on one node, shown by browsers on the other (the Redis bus), and back.
    const parking = await lucas.board.addNote('Parking relais saturé');
    const buses = await zoe.board.addNote('Pas de bus le dimanche');
    for (const actor of [facilitator, lucas, zoe]) {
      await expect(actor.board.note(parking).getByTestId('note.text')).toHaveText('Parking relais saturé');
      await expect(actor.board.note(buses).getByTestId('note.text')).toHaveText('Pas de bus le dimanche');
    }

    // A node dies without a word: its browsers reconnect through nginx to the other one.
    const [first] = cluster.nodes;
    await first?.kill();
    for (const actor of [facilitator, lucas, zoe]) await actor.board.expectConnected();
    await lucas.board.editNote(parking, 'Parking relais saturé dès 8 h');
    const evening = await zoe.board.addNote('Navette du soir à créer');
    for (const actor of [facilitator, lucas, zoe]) {
      await expect(actor.board.note(parking).getByTestId('note.text')).toHaveText(
        'Parking relais saturé dès 8 h',
      );
      await expect(actor.board.note(buses).getByTestId('note.text')).toHaveText('Pas de bus le dimanche');
      await expect(actor.board.note(evening).getByTestId('note.text')).toHaveText('Navette du soir à créer');
    }

    // A newcomer after the failure finds the whole board, from the database.
    const newcomer = await join(browser, facilitator.joinCode, 'Inès Martin');
    for (const [id, text] of [
      [parking, 'Parking relais saturé dès 8 h'],
      [buses, 'Pas de bus le dimanche'],
      [evening, 'Navette du soir à créer'],
    ] as const) {
      await expect(newcomer.board.note(id).getByTestId('note.text')).toHaveText(text);
    }
  } finally {
    for (const actor of actors) await actor.context.close().catch(() => {});
    await cluster.stop();
  }
});
