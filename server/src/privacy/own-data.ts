import { draftsRoomName, type ParticipantData, readBin, readNotes, roomName } from '@atelier/shared';
import type { DocStore } from '../store/docs';
import type { JournalStore } from '../store/journal';
import type { ParticipantRecord, WorkshopRecord } from '../store/workshops';
import type { RoomManager } from '../sync/rooms';
import type { VoteService } from '../votes/service';

export interface OwnDataDeps {
  rooms: Pick<RoomManager, 'withDoc'>;
  /** To know whether a person has drafts without loading an empty room for nothing. */
  docs: Pick<DocStore, 'load'>;
  votes: Pick<VoteService, 'list' | 'ballot'>;
  journal: Pick<JournalStore, 'readParticipant'>;
}

/**
 * Everything the server holds of one person (right of access): their participant record with
 * the notice they acknowledged, the notes they wrote (board, bin, private drafts), their
 * ballots and their rows of the edit journal (which item and field they edited, the minute).
 * Other people's contributions are not in it.
 */
export async function participantData(
  deps: OwnDataDeps,
  workshop: WorkshopRecord,
  person: ParticipantRecord,
): Promise<ParticipantData> {
  const mine = <T extends { author: string }>(notes: T[]) => notes.filter((n) => n.author === person.id);
  const notes: ParticipantData['notes'] = [];
  await deps.rooms.withDoc(roomName(workshop.id, 'board'), (board) => {
    for (const note of mine(readNotes(board)))
      notes.push({ id: note.id, text: note.text, createdAt: note.createdAt, where: 'board' });
    for (const { note } of readBin(board).filter((entry) => entry.note.author === person.id))
      notes.push({ id: note.id, text: note.text, createdAt: note.createdAt, where: 'bin' });
  });
  const drafts = draftsRoomName(workshop.id, person.id);
  const stored = await deps.docs.load(drafts);
  if (stored.snapshot || stored.updates.length > 0)
    await deps.rooms.withDoc(drafts, (doc) => {
      for (const note of readNotes(doc))
        notes.push({ id: note.id, text: note.text, createdAt: note.createdAt, where: 'drafts' });
    });
  const ballots: ParticipantData['ballots'] = [];
  for (const round of await deps.votes.list(workshop.id)) {
    const ballot = (await deps.votes.ballot(workshop.id, round.id, person.id)).value;
    if (ballot && (ballot.used > 0 || Object.keys(ballot.scores).length > 0 || ballot.done))
      ballots.push({ roundId: round.id, dots: ballot.dots, scores: ballot.scores, done: ballot.done });
  }
  return {
    kind: 'atelier-participant-data',
    exportedAt: new Date().toISOString(),
    workshop: { id: workshop.id, title: workshop.title, locale: workshop.locale },
    participant: {
      id: person.id,
      name: person.name,
      group: person.group,
      role: person.role,
      joinedAt: person.createdAt,
      removedAt: person.removedAt,
      erasedAt: person.erasedAt,
      notice: person.notice,
    },
    notes,
    ballots,
    edits: await deps.journal.readParticipant(workshop.id, person.id),
  };
}
