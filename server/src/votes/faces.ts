import {
  PublicRound,
  publishRound,
  type RoundResults,
  SERVER_ORIGIN,
  tallyRound,
  unpublishRound,
} from '@atelier/shared';
import { votesMap } from '@atelier/shared/layout';
import type * as Y from 'yjs';
import type { BallotStore, RoundRecord } from '../store/ballots';
import { BUS_ORIGIN } from '../sync/room-bus';

/**
 * The rounds' public faces: what the control document's `votes` root and `GET …/rounds` show.
 * A face carries results only once revealed, or live for an open-visibility round; a secret
 * round's face never depends on its ballots, so casting a vote changes nothing anyone sees.
 *
 * The control document is written synchronously (inside a Y.Doc observer, when a room loads),
 * so the last faces read for each loaded control room are kept here: `refresh` reads them from
 * the store (before a publication, and before a control room is handed out), `write` and
 * `guard` write those.
 */
export class RoundFaces {
  /** Workshop id → its faces as last read, for the control rooms loading or loaded. */
  private readonly kept = new Map<string, { faces: PublicRound[]; read: number }>();
  /** Reads started, numbered: a read finishing after a later one is not kept. */
  private reads = 0;

  constructor(private readonly store: BallotStore) {}

  /** Every ballot of the round counted with the voter's group. */
  async tally(round: RoundRecord): Promise<RoundResults> {
    return tallyRound(round, await this.store.ballots(round.id));
  }

  async face(round: RoundRecord): Promise<PublicRound> {
    const { workshopId: _, results: revealed, ...settings } = round;
    let results: RoundResults | null = null;
    if (round.state === 'revealed') results = revealed;
    else if (round.visibility === 'open' && round.state !== 'draft') results = await this.tally(round);
    return { ...settings, results };
  }

  async faces(workshopId: string): Promise<PublicRound[]> {
    return Promise.all((await this.store.rounds(workshopId)).map((round) => this.face(round)));
  }

  /**
   * Reads the workshop's faces and keeps them for its control room (`track`ed). Of reads that
   * overlap, the one started last is kept, whichever finishes first.
   */
  async refresh(workshopId: string): Promise<void> {
    const read = ++this.reads;
    const faces = await this.faces(workshopId);
    const kept = this.kept.get(workshopId);
    if (kept && read > kept.read) this.kept.set(workshopId, { faces, read });
  }

  /** The workshop's control room is loading: its faces are kept from the next `refresh` on. */
  track(workshopId: string): void {
    if (!this.kept.has(workshopId)) this.kept.set(workshopId, { faces: [], read: 0 });
  }

  /** Its control room is gone (unloaded, dropped, the workshop deleted): nothing kept. */
  untrack(workshopId: string): void {
    this.kept.delete(workshopId);
  }

  /**
   * Makes the control document's `votes` root hold exactly the workshop's kept faces, in one
   * server transaction (none when nothing differs). `rewrite` names entries to write again
   * even if equal: ones someone else wrote, so that the server stays their only author.
   */
  write(workshopId: string, control: Y.Doc, rewrite: ReadonlySet<string> = new Set()): void {
    const kept = this.kept.get(workshopId);
    // Never read (the room is not one the load hook saw): writing nothing beats writing none.
    if (!kept || kept.read === 0) return;
    const faces = new Map(kept.faces.map((face) => [face.id, face]));
    const map = votesMap(control);
    const stale = [...map.keys()].filter((id) => !faces.has(id));
    // Compared as stored: publishRound stores the parsed face, keys in the schema's order.
    const changed = [...faces.values()].filter(
      (face) =>
        rewrite.has(face.id) || JSON.stringify(map.get(face.id)) !== JSON.stringify(PublicRound.parse(face)),
    );
    if (stale.length === 0 && changed.length === 0) return;
    control.transact(() => {
      for (const id of stale) unpublishRound(control, id);
      for (const face of changed) publishRound(control, face);
    }, SERVER_ORIGIN);
  }

  /**
   * Keeps a loaded control document's `votes` root the server's: puts the faces back now if
   * the stored document differs (it may predate a change), and whenever a transaction that is
   * not the server's touches the root (a modified facilitator client).
   */
  guard(workshopId: string, control: Y.Doc): void {
    this.write(workshopId, control);
    votesMap(control).observe((event) => {
      // The server's own writes, and those another node's server made (they come over the bus).
      if (event.transaction.origin === SERVER_ORIGIN || event.transaction.origin === BUS_ORIGIN) return;
      this.write(workshopId, control, event.keysChanged);
    });
  }
}
