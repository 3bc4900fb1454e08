import {
  type CreateWorkshopResponse,
  type JoinResponse,
  MAX_PRESENCE_STATE_BYTES,
  type ParticipantSummary,
  roomName,
  WorkshopSummary,
} from '@atelier/shared';
import { describe, expect, it } from 'vitest';
import {
  api,
  awarenessMessage,
  connectDoc,
  createWorkshop,
  type DocClient,
  join,
  openRaw,
  syncStep1Message,
  useServer,
  waitFor,
} from './harness';

const server = useServer();

interface Cast {
  workshop: CreateWorkshopResponse;
  paul: JoinResponse;
  bob: JoinResponse;
  olga: JoinResponse;
  room: string;
  /** Participants as the API describes them, by id. */
  people: Map<string, ParticipantSummary>;
}

async function newWorkshop(): Promise<Cast> {
  const workshop = await createWorkshop(server.url);
  const paul = await join(server.url, workshop.joinCode, { name: 'Paul', group: 'resident' });
  const bob = await join(server.url, workshop.joinCode, { name: 'Bob', group: 'business' });
  const olga = await join(server.url, workshop.joinCode, {
    name: 'Olga',
    group: 'partner',
    role: 'observer',
  });
  const answer = await api(server.url, 'GET', `/api/workshops/${workshop.id}`, {
    token: workshop.facilitatorToken,
  });
  const summary = WorkshopSummary.parse(answer.body);
  const people = new Map(summary.participants.map((p) => [p.id, p]));
  return { workshop, paul, bob, olga, room: roomName(workshop.id, 'board'), people };
}

/** The `user` every other client must see for `person`. */
function expectedUser(cast: Cast, person: { participantId: string }) {
  const p = cast.people.get(person.participantId);
  if (!p) throw new Error(`participant ${person.participantId} missing from the workshop summary`);
  return { participantId: p.id, name: p.name, color: p.color, role: p.role, group: p.group };
}

type State = Record<string, unknown> & { user?: Record<string, unknown>; cursor?: { x: number; y: number } };

function stateOf(client: DocClient, clientId: number): State | undefined {
  return client.awareness.getStates().get(clientId) as State | undefined;
}

/** Every state `watcher` received for `clientId`, in order (for "never saw" assertions). */
function recordStates(watcher: DocClient, clientId: number): State[] {
  const seen: State[] = [];
  watcher.awareness.on('change', ({ added, updated }: { added: number[]; updated: number[] }) => {
    if (added.includes(clientId) || updated.includes(clientId)) {
      const state = stateOf(watcher, clientId);
      if (state) seen.push(structuredClone(state));
    }
  });
  return seen;
}

/** Bob watches Paul, whose first cursor (1, 1) has arrived; `seen` records Paul's states as Bob gets them. */
async function bobWatchesPaul() {
  const cast = await newWorkshop();
  const watcher = await connectDoc(server.wsUrl, cast.room, cast.bob.token);
  const paul = await connectDoc(server.wsUrl, cast.room, cast.paul.token, {
    awarenessState: { cursor: { x: 1, y: 1 } },
  });
  const id = paul.doc.clientID;
  const seen = recordStates(watcher, id);
  await waitFor(() => stateOf(watcher, id)?.cursor?.x === 1, 'Paul’s first cursor');
  return { cast, watcher, paul, id, seen };
}

describe('awareness identity', () => {
  it('shows others the name, colour, role and group from the token, not the ones a client claims', async () => {
    const cast = await newWorkshop();
    const before = await connectDoc(server.wsUrl, cast.room, cast.workshop.facilitatorToken);
    const liar = await connectDoc(server.wsUrl, cast.room, cast.paul.token, {
      awarenessState: {
        user: {
          participantId: cast.workshop.participantId,
          name: 'Mallory',
          role: 'facilitator',
          color: '#000000',
          group: 'elected',
        },
        cursor: { x: 10, y: 20 },
        evil: '<script>',
      },
    });
    const id = liar.doc.clientID;
    const after = await connectDoc(server.wsUrl, cast.room, cast.bob.token);
    const user = expectedUser(cast, cast.paul);
    expect(user).toMatchObject({ name: 'Paul', role: 'participant', group: 'resident' });

    for (const [watcher, label] of [
      [before, 'a client connected before'],
      [after, 'a client connected after'],
    ] as const) {
      await waitFor(() => stateOf(watcher, id)?.cursor?.x === 10, `${label} to see Paul's cursor`);
      const state = stateOf(watcher, id)!;
      expect(state.user, `user as seen by ${label}`).toEqual(user);
      expect(state.cursor).toEqual({ x: 10, y: 20 });
      expect(state, 'unknown fields are stripped').not.toHaveProperty('evil');
    }

    // Changing the claim later changes nothing either.
    liar.awareness.setLocalState({ user: { name: 'Eve', role: 'facilitator' }, cursor: { x: 30, y: 40 } });
    await waitFor(() => stateOf(after, id)?.cursor?.x === 30, 'the new cursor to arrive');
    // Later states come without `user` (clients keep the one given first), never with the claimed one.
    expect(stateOf(after, id)?.user ?? user).toEqual(user);
    for (const c of [before, liar, after]) c.destroy();
  });

  it("sends a client's user with its first state and in a newcomer's snapshot, later states without it", async () => {
    const { cast, watcher, paul, id, seen } = await bobWatchesPaul();
    paul.awareness.setLocalState({ cursor: { x: 2, y: 2 } });
    await waitFor(() => stateOf(watcher, id)?.cursor?.x === 2, 'Paul’s second cursor');
    expect(seen.map((s) => s.user)).toEqual([expectedUser(cast, cast.paul), undefined]);
    const newcomer = await connectDoc(server.wsUrl, cast.room, cast.olga.token);
    await waitFor(() => stateOf(newcomer, id)?.cursor?.x === 2, 'the newcomer to see Paul');
    expect(stateOf(newcomer, id)?.user).toEqual(expectedUser(cast, cast.paul));
    for (const c of [watcher, paul, newcomer]) c.destroy();
  });

  it('gives a state without a user field the user of the token (facilitator and observer too)', async () => {
    const cast = await newWorkshop();
    const watcher = await connectDoc(server.wsUrl, cast.room, cast.bob.token);
    const f = await connectDoc(server.wsUrl, cast.room, cast.workshop.facilitatorToken, {
      awarenessState: { cursor: { x: 1, y: 1 } },
    });
    const o = await connectDoc(server.wsUrl, cast.room, cast.olga.token, {
      awarenessState: { editing: null, cursor: { x: 2, y: 2 } },
    });
    await waitFor(
      () => stateOf(watcher, f.doc.clientID)?.user && stateOf(watcher, o.doc.clientID)?.user,
      'the facilitator and the observer to appear',
    );
    expect(stateOf(watcher, f.doc.clientID)?.user).toEqual(
      expectedUser(cast, { participantId: cast.workshop.participantId }),
    );
    expect(stateOf(watcher, f.doc.clientID)?.user?.role).toBe('facilitator');
    expect(stateOf(watcher, o.doc.clientID)?.user).toEqual(expectedUser(cast, cast.olga));
    expect(stateOf(watcher, o.doc.clientID)?.user?.role).toBe('observer');
    for (const c of [watcher, f, o]) c.destroy();
  });
});

describe('awareness limits', () => {
  it('drops a state over 2 KB or not matching the presence schema, and keeps relaying the next ones', async () => {
    const { cast, watcher, paul, id, seen } = await bobWatchesPaul();

    paul.awareness.setLocalState({ cursor: { x: 99, y: 99 }, pad: 'x'.repeat(3000) });
    // States that do not match PresenceClientState are dropped too.
    paul.awareness.setLocalState({ cursor: { x: 'ninety-nine', y: 99 } });
    paul.awareness.setLocalState({ cursor: { x: 99, y: 1e12 } });
    paul.awareness.setLocalState({ cursor: { x: 99, y: 99 }, editing: 'e'.repeat(65) });
    paul.awareness.setLocalState({ cursor: { x: 5, y: 5 }, pad: 'y'.repeat(1000) });
    await waitFor(() => stateOf(watcher, id)?.cursor?.x === 5, 'Paul’s cursor after the oversized state');
    expect(seen.map((s) => s.cursor?.x)).not.toContain(99);
    expect(seen.map((s) => s.cursor?.x)).not.toContain('ninety-nine');
    expect(stateOf(watcher, id)).not.toHaveProperty('pad');
    expect(seen.flatMap((s) => (s.user ? [s.user] : []))).toEqual([expectedUser(cast, cast.paul)]);
    watcher.destroy();
    paul.destroy();
  });

  it('measures the 2 KB cap in bytes: a state of 1,000 "€" (3 KB of UTF-8) is dropped', async () => {
    const { watcher, paul, id, seen } = await bobWatchesPaul();
    const big = { cursor: { x: 77, y: 77 }, pad: '€'.repeat(1000) };
    expect(Buffer.byteLength(JSON.stringify(big))).toBeGreaterThan(MAX_PRESENCE_STATE_BYTES);
    paul.awareness.setLocalState(big);
    paul.awareness.setLocalState({ cursor: { x: 6, y: 6 } });
    await waitFor(() => stateOf(watcher, id)?.cursor?.x === 6, 'Paul’s cursor after the oversized state');
    expect(
      seen.map((s) => s.cursor?.x),
      'cursors Bob saw (77 came with a state over MAX_PRESENCE_STATE_BYTES bytes)',
    ).not.toContain(77);
    watcher.destroy();
    paul.destroy();
  });

  it("accepts only one awareness client id per connection: the connection's first", async () => {
    const cast = await newWorkshop();
    const watcher = await connectDoc(server.wsUrl, cast.room, cast.bob.token);
    const victim = await connectDoc(server.wsUrl, cast.room, cast.olga.token, {
      awarenessState: { cursor: { x: 4, y: 4 } },
    });
    await waitFor(() => stateOf(watcher, victim.doc.clientID)?.cursor, 'the observer’s presence');

    const raw = openRaw(server.wsUrl, cast.room, cast.paul.token);
    expect(await raw.opened).toBe(true);
    raw.send(syncStep1Message());
    const mine = 1001;
    const seenMine = recordStates(watcher, mine);
    const seenOther = recordStates(watcher, 2002);
    raw.send(awarenessMessage([{ clientID: mine, clock: 1, state: { cursor: { x: 1, y: 1 } } }]));
    raw.send(awarenessMessage([{ clientID: 2002, clock: 1, state: { cursor: { x: 7, y: 7 } } }]));
    // Trying to remove someone else's presence, alone and mixed with a legitimate entry.
    raw.send(awarenessMessage([{ clientID: victim.doc.clientID, clock: 1000, state: null }]));
    raw.send(
      awarenessMessage([
        { clientID: mine, clock: 2, state: { cursor: { x: 2, y: 2 } } },
        { clientID: 2002, clock: 2, state: { cursor: { x: 8, y: 8 } } },
      ]),
    );
    raw.send(awarenessMessage([{ clientID: mine, clock: 3, state: { cursor: { x: 3, y: 3 } } }]));

    await waitFor(() => stateOf(watcher, mine)?.cursor?.x === 3, 'the first client id’s last state');
    expect(seenMine.map((s) => s.cursor?.x)).toEqual(expect.arrayContaining([3]));
    expect(stateOf(watcher, mine)?.user).toEqual(expectedUser(cast, cast.paul));
    expect(seenOther, 'states of a second client id on the same connection').toEqual([]);
    expect(watcher.awareness.getStates().has(2002)).toBe(false);
    expect(stateOf(watcher, victim.doc.clientID)?.cursor, 'the observer is still present').toEqual({
      x: 4,
      y: 4,
    });
    raw.terminate();
    watcher.destroy();
    victim.destroy();
  });

  it('answers a query-awareness message (type 3) with the states of the people present', async () => {
    const cast = await newWorkshop();
    const paul = await connectDoc(server.wsUrl, cast.room, cast.paul.token, {
      awarenessState: { cursor: { x: 12, y: 13 } },
    });
    const watcher = await connectDoc(server.wsUrl, cast.room, cast.bob.token);
    await waitFor(() => stateOf(watcher, paul.doc.clientID)?.cursor, 'Paul’s presence to reach Bob');
    const raw = openRaw(server.wsUrl, cast.room, cast.olga.token);
    expect(await raw.opened).toBe(true);
    raw.send(syncStep1Message());
    // The answer to our sync step 1 comes after the whole greeting (step 1 and presence snapshot).
    await waitFor(() => raw.messages.some((m) => m[0] === 0 && m[1] === 1), 'the sync step 2 answer');
    const before = raw.messages.length;
    raw.send(new Uint8Array([3]));
    await waitFor(
      () =>
        raw.messages
          .slice(before)
          .some((m) => m[0] === 1 && Buffer.from(m).includes(Buffer.from('"cursor"'))),
      'an awareness message answering the query',
    );
    raw.terminate();
    paul.destroy();
    watcher.destroy();
  });

  it('removes the presence of a connection that goes away without saying goodbye', async () => {
    const cast = await newWorkshop();
    const watcher = await connectDoc(server.wsUrl, cast.room, cast.bob.token);
    const raw = openRaw(server.wsUrl, cast.room, cast.paul.token);
    expect(await raw.opened).toBe(true);
    raw.send(syncStep1Message());
    raw.send(awarenessMessage([{ clientID: 4242, clock: 1, state: { cursor: { x: 6, y: 6 } } }]));
    await waitFor(() => stateOf(watcher, 4242)?.cursor?.x === 6, 'the raw client’s presence');
    raw.terminate();
    await waitFor(
      () => !watcher.awareness.getStates().has(4242),
      'the presence to be removed after the socket died',
    );
    watcher.destroy();
  });
});
