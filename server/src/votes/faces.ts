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
 *
 * With several nodes, another node changes rounds too: its server writes their faces into its
 * copy of the control document, which reaches this one over the bus (`BUS_ORIGIN`), and it
 * tells every node (`rounds-changed`). Either makes the kept faces **stale** (`changedElsewhere`)
 * until a read started after it ends: meanwhile `write` writes nothing (stale faces would undo
 * that node's publication) and the guard undoes a client's change by putting back what the
 * document held before it. When another node's write replaces one of this node's (two
 * writes at once: Yjs keeps one of them, perhaps the older), this node reads the faces again and
 * writes them where the document differs: the store, not the merge, says what a face is.
 */
/** Reads of a reconciliation before it leaves the faces to the next change. */
const RECONCILE_READS = 3;

export class RoundFaces {
  /**
   * Workshop id → its faces as last read (by the read numbered `read`), for the control rooms
   * loading or loaded; stale while `read <= staleAfter` (the reads started when it went stale).
   */
  private readonly kept = new Map<string, { faces: PublicRound[]; read: number; staleAfter: number }>();
  /** Reads started, numbered: a read finishing after a later one is not kept. */
  private reads = 0;
  /** The face values this node's server wrote (Yjs keeps them by reference). */
  private readonly written = new WeakSet<object>();

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
    if (kept && read > kept.read) this.kept.set(workshopId, { ...kept, faces, read });
  }

  /** The workshop's control room is loading: its faces are kept from the next `refresh` on. */
  track(workshopId: string): void {
    if (!this.kept.has(workshopId)) this.kept.set(workshopId, { faces: [], read: 0, staleAfter: 0 });
  }

  /** Its control room is gone (unloaded, dropped, the workshop deleted): nothing kept. */
  untrack(workshopId: string): void {
    this.kept.delete(workshopId);
  }

  /**
   * Another node changed the workshop's rounds: the kept faces are stale until a read started
   * from now on ends; one is started here. A failed read leaves them stale (the next change or
   * publication reads again); nothing is kept for a workshop not tracked.
   */
  async changedElsewhere(workshopId: string): Promise<void> {
    const kept = this.kept.get(workshopId);
    if (!kept) return;
    kept.staleAfter = this.reads;
    await this.refresh(workshopId);
  }

  /** Whether the kept faces may predate another node's change (see the class comment). */
  stale(workshopId: string): boolean {
    const kept = this.kept.get(workshopId);
    return kept !== undefined && kept.read <= kept.staleAfter;
  }

  /**
   * Makes the control document's `votes` root hold exactly the workshop's kept faces, in one
   * server transaction (none when nothing differs). `rewrite` names entries to write again
   * even if equal: ones someone else wrote, so that the server stays their only author. False
   * (nothing written) when no faces are kept or they are stale.
   */
  write(workshopId: string, control: Y.Doc, rewrite: ReadonlySet<string> = new Set()): boolean {
    const kept = this.kept.get(workshopId);
    // Never read (the room is not one the load hook saw): writing nothing beats writing none.
    if (!kept || kept.read === 0 || this.stale(workshopId)) return false;
    const faces = new Map(kept.faces.map((face) => [face.id, face]));
    const map = votesMap(control);
    const stale = [...map.keys()].filter((id) => !faces.has(id));
    // Compared as stored: publishRound stores the parsed face, keys in the schema's order.
    const changed = [...faces.values()].filter(
      (face) =>
        rewrite.has(face.id) || JSON.stringify(map.get(face.id)) !== JSON.stringify(PublicRound.parse(face)),
    );
    if (stale.length === 0 && changed.length === 0) return true;
    control.transact(() => {
      for (const id of stale) unpublishRound(control, id);
      for (const face of changed) {
        publishRound(control, face);
        this.written.add(map.get(face.id) as object);
      }
    }, SERVER_ORIGIN);
    return true;
  }

  /**
   * Reads the faces again and writes them where the document differs, read again while other
   * nodes' changes keep making them stale (a bounded number of times).
   */
  private async reconcile(workshopId: string, control: Y.Doc): Promise<void> {
    for (let reads = 0; reads < RECONCILE_READS; reads++) {
      await this.changedElsewhere(workshopId);
      if (!this.kept.has(workshopId) || this.write(workshopId, control)) return;
    }
  }

  /**
   * Keeps a loaded control document's `votes` root the server's: puts the faces back now if
   * the stored document differs (it may predate a change), and whenever a transaction that is
   * not the server's touches the root (a modified facilitator client). Another node's server
   * writes come over the bus: left as they are, they make the kept faces stale.
   */
  guard(workshopId: string, control: Y.Doc): void {
    this.write(workshopId, control);
    const votes = votesMap(control);
    votes.observe((event) => {
      const origin = event.transaction.origin;
      if (origin === SERVER_ORIGIN) return;
      if (origin === BUS_ORIGIN) {
        // Two nodes' servers writing one face at once are concurrent in Yjs, and the older face
        // may win the merge on every node: the node whose write was replaced reads the faces
        // again and writes them where they differ (after the winner, so its write wins). Any
        // other bus change only makes them stale until read again. A failed read leaves them
        // stale, which writes nothing from them.
        const replaced = [...event.changes.keys.values()].some(
          (change) => typeof change.oldValue === 'object' && this.written.has(change.oldValue),
        );
        (replaced ? this.reconcile(workshopId, control) : this.changedElsewhere(workshopId)).catch(() => {});
        return;
      }
      if (this.write(workshopId, control, event.keysChanged)) return;
      // Stale: the client's change is undone as such, from what the root held before it.
      control.transact(() => {
        for (const [id, change] of event.changes.keys) {
          if (change.action === 'add') votes.delete(id);
          else votes.set(id, change.oldValue);
        }
      }, SERVER_ORIGIN);
    });
  }
}
