import { readControlState, readRound, roomName, setStep } from '@atelier/shared';
import { votesMap } from '@atelier/shared/layout';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  connectDoc,
  openRaw,
  type RawSocket,
  receivedUpdates,
  syncStep1Message,
  TWO_AND_OBSERVER,
  useServer,
  waitFor,
} from './harness';
import { ISSUES, ok, openDotsRound, refused, votingWorkshop } from './votes-api';

const server = useServer();

const [A, B, C] = ISSUES.map((i) => i.id) as [string, string, string];

/** A raw socket that receives a room's whole state, then every change. */
async function rawRoom(room: string, token: string): Promise<RawSocket> {
  const socket = openRaw(server.wsUrl, room, token);
  expect(await socket.opened).toBe(true);
  socket.send(syncStep1Message());
  return socket;
}

/**
 * The control document as Bob's frames build it, update by update, with the `votes` root as
 * it stood after each one: a ballot leaking into any update would show as a change there.
 */
function mirror(socket: RawSocket) {
  const doc = new Y.Doc();
  const votesAfter: string[] = [];
  let applied = 0;
  return {
    doc,
    votesAfter,
    catchUp() {
      const updates = receivedUpdates(socket.messages);
      for (; applied < updates.length; applied++) {
        Y.applyUpdate(doc, updates[applied] as Uint8Array);
        votesAfter.push(JSON.stringify(votesMap(doc).toJSON()));
      }
      return doc;
    },
  };
}

describe('a secret round', () => {
  it('sends another participant nothing of a ballot until the reveal: not on the sockets, not over HTTP', async () => {
    const cast = await votingWorkshop(server, TWO_AND_OBSERVER, ISSUES.slice(0, 3));
    const { fanny, votes } = cast;
    const fannyControl = await connectDoc(server.wsUrl, roomName(cast.workshop.id, 'control'), fanny);
    const bobControl = await rawRoom(roomName(cast.workshop.id, 'control'), cast.bob.token);
    const bobBoard = await rawRoom(roomName(cast.workshop.id, 'board'), cast.bob.token);
    const bob = mirror(bobControl);

    const round = await openDotsRound(cast);
    await waitFor(() => readRound(bob.catchUp(), round.id)?.state === 'open', 'Bob to see the round open');
    const controlUpdatesAtOpen = bob.votesAfter.length;
    const votesAtOpen = bob.votesAfter.at(-1);
    const boardUpdatesAtOpen = receivedUpdates(bobBoard.messages).length;
    const framesAtOpen = { control: bobControl.messages.length, board: bobBoard.messages.length };
    const bobReads = async () => ({
      rounds: JSON.stringify(ok(await votes.list(cast.bob.token))),
      ballot: JSON.stringify(ok(await votes.ballot(cast.bob.token, round.id, cast.bob.participantId))),
    });
    const before = await bobReads();

    // Alice votes, changes her mind, says she is done.
    ok(await votes.cast(cast.alice.token, round.id, cast.alice.participantId, { dots: { [A]: 2, [C]: 1 } }));
    ok(await votes.cast(cast.alice.token, round.id, cast.alice.participantId, { dots: { [C]: 0, [B]: 1 } }));
    ok(await votes.cast(cast.alice.token, round.id, cast.alice.participantId, { done: true }));

    // Over HTTP, Bob reads exactly what he read before, and nothing of Alice's.
    expect(await bobReads()).toEqual(before);
    const hers = await votes.ballot(cast.bob.token, round.id, cast.alice.participantId);
    refused(hers, 403, 'not_your_ballot');
    expect(JSON.stringify(hers.body)).not.toMatch(/issue-/);
    refused(await votes.progress(cast.bob.token, round.id), 403, 'forbidden');

    // A change the facilitator makes after Alice's votes: once Bob has it, anything sent before is in too.
    setStep(fannyControl.doc, 'issues');
    await waitFor(() => readControlState(bob.catchUp()).step === 'issues', 'Bob to see the step change');
    expect(bob.votesAfter.length).toBeGreaterThan(controlUpdatesAtOpen);
    // Every update Bob received since the opening left the votes root as it was.
    for (const votesRoot of bob.votesAfter.slice(controlUpdatesAtOpen)) expect(votesRoot).toBe(votesAtOpen);
    expect(readRound(bob.doc, round.id)?.results).toBeNull();
    // His board socket got no document change at all, and no frame names Alice.
    expect(receivedUpdates(bobBoard.messages)).toHaveLength(boardUpdatesAtOpen);
    const sinceOpen = Buffer.concat(
      [
        ...bobControl.messages.slice(framesAtOpen.control),
        ...bobBoard.messages.slice(framesAtOpen.board),
      ].map((m) => Buffer.from(m)),
    );
    expect(sinceOpen.includes(Buffer.from(cast.alice.participantId))).toBe(false);

    // The same watch sees the reveal: the check above would have caught a leak.
    ok(await votes.act(fanny, round.id, 'reveal'));
    await waitFor(() => readRound(bob.catchUp(), round.id)?.results != null, 'Bob to receive the results');
    expect(readRound(bob.doc, round.id)?.results?.targets.map((t) => [t.targetId, t.total])).toEqual([
      [A, 2],
      [B, 1],
      [C, 0],
    ]);
  });
});
