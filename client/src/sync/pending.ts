import type * as Y from 'yjs';

/**
 * Counts the local updates made to a document while its provider is not connected, so the
 * person sees that their offline edits are kept and still to be sent. Updates whose origin
 * is one of `ignoredOrigins` (the provider applying remote changes, IndexedDB loading the
 * stored copy) are not the person's edits.
 */
export class PendingCounter {
  private count = 0;
  private readonly onUpdate: (update: Uint8Array, origin: unknown) => void;

  constructor(
    private readonly doc: Y.Doc,
    private readonly isConnected: () => boolean,
    private readonly ignoredOrigins: () => readonly unknown[],
    private readonly onChange: (count: number) => void,
  ) {
    this.onUpdate = (_update, origin) => {
      if (this.isConnected() || this.ignoredOrigins().includes(origin)) return;
      this.count++;
      this.onChange(this.count);
    };
    doc.on('update', this.onUpdate);
  }

  get value(): number {
    return this.count;
  }

  /** The server has everything: called when the provider reports a completed sync. */
  synced(): void {
    if (this.count === 0) return;
    this.count = 0;
    this.onChange(0);
  }

  destroy(): void {
    this.doc.off('update', this.onUpdate);
  }
}
