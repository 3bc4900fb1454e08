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
 */
export class RoundFaces {
  constructor(private readonly store: BallotStore) {}

  /** Every ballot of the round counted with the voter's group, as at a reveal. */
  tally(round: RoundRecord): RoundResults {
    return tallyRound(round, this.store.ballots(round.id));
  }

  face(round: RoundRecord): PublicRound {
    const { workshopId: _, results: revealed, ...settings } = round;
    let results: RoundResults | null = null;
    if (round.state === 'revealed') results = revealed;
    else if (round.visibility === 'open' && round.state !== 'draft') results = this.tally(round);
    return { ...settings, results };
  }

  faces(workshopId: string): PublicRound[] {
    return this.store.rounds(workshopId).map((round) => this.face(round));
  }

  /**
   * Makes the control document's `votes` root hold exactly the workshop's faces, in one
   * server transaction (none when nothing differs). `rewrite` names entries to write again
   * even if equal: ones someone else wrote, so that the server stays their only author.
   */
  write(workshopId: string, control: Y.Doc, rewrite: ReadonlySet<string> = new Set()): void {
    const faces = new Map(this.faces(workshopId).map((face) => [face.id, face]));
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
