import {
  addTable,
  messagesFor,
  readSeat,
  readTableMessages,
  roomName,
  seatParticipant,
  sendTableMessage,
  WRITE_DENIED_REASONS,
} from '@atelier/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { connectDoc, type DocClient, useServer, waitDoc, waitFor, workshopWith } from './harness';

const server = useServer();

const clients: DocClient[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});

async function control(workshopId: string, token: string): Promise<DocClient> {
  const client = await connectDoc(server.wsUrl, roomName(workshopId, 'control'), token);
  clients.push(client);
  return client;
}

describe('messages to the tables (control root tableMessages)', () => {
  it('carries a facilitator’s message to the table’s participants, and drops a participant’s', async () => {
    const cast = await workshopWith(server.url, {
      ana: { name: 'Ana', group: 'resident' },
      carla: { name: 'Carla', group: 'elected' },
    });
    const facilitator = await control(cast.workshop.id, cast.workshop.facilitatorToken);
    addTable(facilitator.doc, { name: 'Table 1', color: '#e53935' }, 't1');
    addTable(facilitator.doc, { name: 'Table 2', color: '#1e88e5' }, 't2');
    seatParticipant(facilitator.doc, cast.ana.participantId, 't1');
    seatParticipant(facilitator.doc, cast.carla.participantId, 't2');
    const ana = await control(cast.workshop.id, cast.ana.token);
    const carla = await control(cast.workshop.id, cast.carla.token);
    await waitDoc(carla, (d) => readSeat(d, cast.carla.participantId) === 't2', 'Carla to see her seat');

    // A participant's message is refused and reaches no one.
    sendTableMessage(carla.doc, { text: 'Je parle à tout le monde', table: null }, { id: 'from-carla' });
    await waitFor(() => carla.denied.length > 0, 'Carla to be told her write was refused');
    expect(carla.denied).toEqual([WRITE_DENIED_REASONS.facilitatorOnly]);

    sendTableMessage(facilitator.doc, { text: 'Table 1 : plus que 5 minutes', table: 't1' }, { id: 'm1' });
    sendTableMessage(facilitator.doc, { text: 'Pause à 11 h', table: null }, { id: 'm2' });
    for (const who of [ana, carla])
      await waitDoc(who, (d) => readTableMessages(d).some((m) => m.id === 'm2'), 'the messages to go round');
    const seen = (c: DocClient, seat: string) => messagesFor(readTableMessages(c.doc), seat).map((m) => m.id);
    expect(seen(ana, 't1').sort()).toEqual(['m1', 'm2']);
    // Carla's replica still holds her own refused write; a fresh one shows what the room has.
    const fresh = await control(cast.workshop.id, cast.ana.token);
    expect(
      readTableMessages(fresh.doc)
        .map((m) => m.id)
        .sort(),
    ).toEqual(['m1', 'm2']);
    expect(messagesFor(readTableMessages(fresh.doc), 't2').map((m) => m.id)).toEqual(['m2']);
    expect(facilitator.denied).toEqual([]);
  });
});
