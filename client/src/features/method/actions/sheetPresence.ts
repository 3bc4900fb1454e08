import type { SheetPresence, SheetPresenceField } from '@atelier/shared';
import { createContext, useContext } from 'react';

/**
 * Tells the others (awareness, see `SheetPresence`) which sheet this tab has open, which
 * field it is in and where its caret is. Sends nothing when nothing changed: every
 * awareness update goes to everyone in the room.
 */
export class SheetPresenceReporter {
  private current: SheetPresence | null = null;
  private readonly send: (sheet: SheetPresence | null) => void;

  constructor(send: (sheet: SheetPresence | null) => void) {
    this.send = send;
  }

  open(id: string): void {
    this.update({ id, field: null, anchor: null, head: null });
  }

  close(): void {
    this.update(null);
  }

  /** Focus entered a field (the caret comes with `caret` for prose fields). */
  enter(field: SheetPresenceField): void {
    const current = this.current;
    if (!current || current.field === field) return;
    this.update({ ...current, field, anchor: null, head: null });
  }

  /** Focus left a field (ignored when another field took it already). */
  leave(field: SheetPresenceField): void {
    const current = this.current;
    if (!current || current.field !== field) return;
    this.update({ ...current, field: null, anchor: null, head: null });
  }

  caret(field: SheetPresenceField, anchor: string | null, head: string | null): void {
    const current = this.current;
    if (!current) return;
    this.update({ ...current, field, anchor, head });
  }

  private update(next: SheetPresence | null): void {
    const current = this.current;
    if (
      current === next ||
      (current &&
        next &&
        current.id === next.id &&
        current.field === next.field &&
        current.anchor === next.anchor &&
        current.head === next.head)
    )
      return;
    this.current = next;
    this.send(next);
  }
}

/** The open sheet's reporter, for its fields. */
export const SheetPresenceContext = createContext<SheetPresenceReporter | null>(null);

export function useSheetPresence(): SheetPresenceReporter | null {
  return useContext(SheetPresenceContext);
}
