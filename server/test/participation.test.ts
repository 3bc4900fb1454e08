/**
 * The facilitator's balance of participation by group (issue 20 §2): who contributed in a step
 * (from the edit journal, written by the sync path) and who voted in the current round, through
 * the public API, with stock clients writing on the board.
 */
import { addNote, type Participation, readNotes, roomName } from '@atelier/shared';
import { describe, expect, it } from 'vitest';
import { api, connectDoc, useServer, waitDoc } from './harness';
import { ISSUES, ok, openDotsRound, refused, votingWorkshop } from './votes-api';

const server = useServer();

describe('the balance of participation', () => {
  it('tells the facilitator who contributed in the step and who voted, never to a participant', async () => {
    const w = await votingWorkshop(
      server,
      {
        rose: { name: 'Rose', group: 'resident' },
        remi: { name: 'Rémi', group: 'resident' },
        elise: { name: 'Élise', group: 'elected' },
        olga: { name: 'Olga', group: 'partner', role: 'observer' },
      },
      ISSUES.slice(0, 2),
    );
    const board = roomName(w.workshop.id, 'board');
    const read = (step: string, token = w.fanny) =>
      api<Participation>(server.url, 'GET', `/api/workshops/${w.workshop.id}/participation?step=${step}`, {
        token,
      });

    // Rose writes a note with a stock client; once another client sees it, it is stored and journalled.
    const rose = await connectDoc(server.wsUrl, board, w.rose.token);
    addNote(rose.doc, { x: 0, y: 0, author: w.rose.participantId, text: 'Plus de bus le soir' });
    const watcher = await connectDoc(server.wsUrl, board, w.fanny);
    await waitDoc(
      watcher,
      (d) => readNotes(d).some((n) => n.text === 'Plus de bus le soir'),
      'the note to go round',
    );

    const before = ok(await read('assessment'));
    expect(before.round).toBeNull();
    const byId = new Map(before.people.map((p) => [p.participantId, p]));
    expect(byId.get(w.rose.participantId)).toMatchObject({
      group: 'resident',
      contributed: true,
      voted: null,
    });
    expect(byId.get(w.remi.participantId)).toMatchObject({ contributed: false });
    expect(byId.get(w.elise.participantId)).toMatchObject({ group: 'elected', contributed: false });
    expect(byId.get(w.olga.participantId)).toMatchObject({ role: 'observer' });
    // A note is step 1's: nobody has contributed to step 2 yet (the facilitator made its issues).
    const issues = ok(await read('issues'));
    expect(issues.people.filter((p) => p.contributed).map((p) => p.participantId)).toEqual([
      w.workshop.participantId,
    ]);

    const round = await openDotsRound(w);
    ok(
      await w.votes.cast(w.elise.token, round.id, w.elise.participantId, {
        dots: { [ISSUES[0]?.id ?? '']: 1 },
      }),
    );
    // Rémi says "done" without a dot: an abstention, not a vote.
    ok(await w.votes.cast(w.remi.token, round.id, w.remi.participantId, { done: true }));
    const during = ok(await read('assessment'));
    expect(during.round).toEqual({ id: round.id, title: round.title, state: 'open' });
    const voted = Object.fromEntries(during.people.map((p) => [p.participantId, p.voted]));
    expect(voted).toMatchObject({
      [w.elise.participantId]: true,
      [w.remi.participantId]: false,
      [w.rose.participantId]: false,
    });

    refused(await read('assessment', w.rose.token), 403, 'forbidden');
    refused(await read('nowhere'), 400, 'bad_request');
  });
});
