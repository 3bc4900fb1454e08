import {
  type Role,
  readBin,
  readNotes,
  readSteps,
  roomName,
  type Step,
  seedBoard,
  seedControl,
  TEMPLATE_CONTENT,
  translate,
  type WorkshopTemplate,
} from '@atelier/shared';
import * as Y from 'yjs';
import { defaultFacilitatorName } from '../http/created-answer';
import { seedContinuedDocs } from '../store/seed';
import type { SessionRecord, StrategyRecord, StrategyStore } from '../store/strategies';
import type { Storage, TransactionStores } from '../store/transaction';
import type { ParticipantRecord, WorkshopRecord, WorkshopStore } from '../store/workshops';
import type { RoomManager } from '../sync/rooms';

/*
 * A strategy's sessions (docs/contract.md, "Strategies and sessions"): making one, from an
 * earlier session's outcome or afresh, and describing them for the strategy page. The HTTP
 * routes check the strategy token and shape the answers; this module holds what they do.
 */

export interface NewSession {
  title?: string;
  /** `YYYY-MM-DD`. */
  date?: string;
  template?: WorkshopTemplate;
  steps?: readonly Step[];
  /** The earlier session to start from; `undefined`: the last one (none for a first session). */
  from?: string;
  invite: 'again' | 'new';
}

export interface CreatedSession {
  workshop: WorkshopRecord;
  session: SessionRecord;
  from: string | null;
  /** People invited again, each with their new token. */
  invited: { participant: ParticipantRecord; token: string }[];
}

/** What a session is at a glance: its steps and participation, read from its documents and rows. */
export interface SessionFacts {
  workshop: WorkshopRecord;
  session: SessionRecord;
  steps: Step[];
  participants: number;
  contributors: number;
}

export interface SessionService {
  /**
   * A new session of `strategy`, entered by the strategy's facilitator (`strategyToken`).
   * `unknown_from` when `from` is not one of its sessions.
   */
  create(
    strategy: StrategyRecord,
    strategyToken: string,
    input: NewSession,
  ): Promise<CreatedSession | 'unknown_from'>;
  /**
   * A standalone workshop becomes session 1 of `strategy`; its facilitators keep their tokens.
   * Runs in the caller's transaction `tx` (with the strategy's creation).
   */
  adopt(
    tx: TransactionStores,
    strategy: StrategyRecord,
    strategyToken: string,
    workshop: WorkshopRecord,
    facilitatorName: string,
  ): Promise<SessionRecord>;
  facts(session: SessionRecord): Promise<SessionFacts | null>;
}

export interface SessionServiceDeps {
  workshops: WorkshopStore;
  strategies: StrategyStore;
  rooms: Pick<RoomManager, 'withDocs'>;
  /** A new session's workshop, people and first documents commit together. */
  transactions: Storage;
}

/** Whether a person joined (participants, observers, co-facilitators) rather than facilitating from the start. */
const joined = (p: ParticipantRecord) => p.role !== 'facilitator' || p.promotedFrom !== null;

export function createSessionService(deps: SessionServiceDeps): SessionService {
  const { workshops, strategies, rooms, transactions } = deps;

  /** A session's documents as they are now, copied out of their rooms. */
  function copyDocs(workshopId: string): Promise<{ board: Y.Doc; control: Y.Doc }> {
    const copy = (doc: Y.Doc | undefined) => {
      const out = new Y.Doc();
      if (doc) Y.applyUpdate(out, Y.encodeStateAsUpdate(doc));
      return out;
    };
    return rooms.withDocs(
      [roomName(workshopId, 'board'), roomName(workshopId, 'control')],
      ([board, control]) => ({
        board: copy(board),
        control: copy(control),
      }),
    );
  }

  /** A first session's source: a new workshop's documents from the template. */
  function templateDocs(template: WorkshopTemplate): { board: Y.Doc; control: Y.Doc } {
    const board = new Y.Doc();
    seedBoard(board);
    const control = new Y.Doc();
    seedControl(control, template);
    return { board, control };
  }

  /** Participant ids the board names (note authors, and who binned a note). */
  function namedPeople(board: Y.Doc): Set<string> {
    const ids = new Set(readNotes(board).map((n) => n.author));
    for (const entry of readBin(board)) ids.add(entry.note.author).add(entry.deletedBy);
    return ids;
  }

  return {
    async create(strategy, strategyToken, input) {
      const sessions = await strategies.sessions(strategy.id);
      const from = input.from ?? sessions.at(-1)?.workshopId ?? null;
      const fromSession = from === null ? null : sessions.find((s) => s.workshopId === from);
      if (fromSession === undefined) return 'unknown_from';
      const template = input.template ?? 'full';
      const steps = input.steps ?? TEMPLATE_CONTENT[template].steps;
      const source = from === null ? templateDocs(template) : await copyDocs(from);
      const earlier = from === null ? [] : await workshops.participants(from);
      const earlierFacilitator = earlier.find((p) => p.id === fromSession?.facilitatorId);
      // Read again after the copy (an await): another session may have been added meanwhile.
      const index = ((await strategies.sessions(strategy.id)).at(-1)?.index ?? 0) + 1;

      return transactions.withTransaction(async (tx) => {
        const invited: CreatedSession['invited'] = [];
        const created = await tx.workshops.create({
          title:
            input.title ??
            translate(strategy.locale, 'session.defaultTitle', { title: strategy.title, n: index }),
          territory: strategy.territory,
          locale: strategy.locale,
          facilitatorName: earlierFacilitator?.name ?? defaultFacilitatorName(strategy.locale),
        });
        // Its creator is the strategy's facilitator in this session, bound to the strategy's token.
        const facilitatorId = created.facilitator.id;
        const session = await tx.strategies.addSession({
          strategyId: strategy.id,
          strategyToken,
          workshopId: created.workshop.id,
          facilitatorId,
          date: input.date ?? null,
        });
        // Earlier people → their counterpart here: the strategy's facilitator, re-invited people
        // (new tokens), or former participants (no token) for the authors the board names.
        const people = new Map<string, string>();
        if (earlierFacilitator) people.set(earlierFacilitator.id, facilitatorId);
        if (input.invite === 'again')
          for (const person of earlier) {
            if (person.removedAt !== null || !joined(person)) continue;
            const role: Role = person.promotedFrom ?? person.role;
            const added = await tx.workshops.addParticipant({
              workshopId: created.workshop.id,
              name: person.name,
              group: person.group,
              role,
            });
            invited.push(added);
            people.set(person.id, added.participant.id);
          }
        const named = namedPeople(source.board);
        const former = earlier.filter((p) => named.has(p.id) && !people.has(p.id));
        const listed = await tx.workshops.addFormerParticipants(
          created.workshop.id,
          former.map((p) => ({ name: p.name, group: p.group })),
        );
        for (const [i, was] of former.entries()) {
          const counterpart = listed[i];
          if (counterpart) people.set(was.id, counterpart.id);
        }
        await seedContinuedDocs(tx.docs, created.workshop.id, source, { steps, people });
        return { workshop: created.workshop, session, from, invited };
      });
    },

    async adopt(tx, strategy, strategyToken, workshop, name) {
      const { participant } = await tx.workshops.addParticipant({
        workshopId: workshop.id,
        name,
        group: 'other',
        role: 'facilitator',
      });
      return tx.strategies.addSession({
        strategyId: strategy.id,
        strategyToken,
        workshopId: workshop.id,
        facilitatorId: participant.id,
        date: workshop.createdAt.slice(0, 10),
      });
    },

    async facts(session) {
      const workshop = await workshops.get(session.workshopId);
      if (!workshop) return null;
      const since = Date.parse(workshop.createdAt);
      const { steps, authors } = await rooms.withDocs(
        [roomName(workshop.id, 'control'), roomName(workshop.id, 'board')],
        ([control, board]) => ({
          steps: control ? [...readSteps(control)] : [],
          authors: new Set(
            (board ? readNotes(board) : [])
              .filter((note) => note.createdAt >= since && note.author !== '')
              .map((note) => note.author),
          ),
        }),
      );
      const participants = (await workshops.participants(workshop.id)).filter(
        (p) => p.removedAt === null && joined(p),
      ).length;
      return { workshop, session, steps, participants, contributors: authors.size };
    },
  };
}
