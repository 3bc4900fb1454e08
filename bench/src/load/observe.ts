import { notesMap } from '@atelier/shared/layout';
import * as Y from 'yjs';
import { elapsedSinceStamp, now } from '../lib/clock';
import type { DeliveryTracker } from './delivery';
import { ownerOfNote } from './seed';
import type { BenchClient } from './types';

/**
 * Hooks one probe to the trackers of what it receives: presence through its awareness (the
 * send time in `cursor.x`), note moves through its notes map (the send time in the note's `z`,
 * the sender from the note's id). `indexOf` maps client ids to the room's client indexes.
 */
export function observeProbe(
  probe: BenchClient,
  indexOf: ReadonlyMap<number, number>,
  trackers: { presence: DeliveryTracker; doc: DeliveryTracker },
): void {
  const awareness = probe.awareness;
  if (!awareness) return;
  awareness.on('update', ({ added, updated }: { added: number[]; updated: number[] }) => {
    const at = now();
    for (const id of [...added, ...updated]) {
      const sender = indexOf.get(id);
      if (sender === undefined || sender === probe.index) continue;
      const stamp = (awareness.getStates().get(id) as { cursor?: { x?: unknown } } | undefined)?.cursor?.x;
      if (typeof stamp === 'number')
        trackers.presence.observe(probe.index, sender, at - elapsedSinceStamp(stamp, at), at);
    }
  });
  notesMap(probe.doc).observeDeep((events) => {
    const at = now();
    for (const event of events) {
      const note = event.target;
      if (!(note instanceof Y.Map) || !event.keys.has('z')) continue;
      const sender = ownerOfNote(String(note.get('id')));
      const sentAt = note.get('z');
      if (sender >= 0 && typeof sentAt === 'number') trackers.doc.observe(probe.index, sender, sentAt, at);
    }
  });
}
