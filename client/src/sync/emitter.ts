/** A minimal typed event emitter for the sync layer (no DOM, usable in tests). */
export class Emitter<Events extends Record<string, unknown>> {
  private readonly handlers = new Map<keyof Events, Set<(value: never) => void>>();

  on<K extends keyof Events>(name: K, handler: (value: Events[K]) => void): () => void {
    let set = this.handlers.get(name);
    if (!set) {
      set = new Set();
      this.handlers.set(name, set);
    }
    set.add(handler as (value: never) => void);
    return () => set.delete(handler as (value: never) => void);
  }

  protected emit<K extends keyof Events>(name: K, value: Events[K]): void {
    for (const handler of this.handlers.get(name) ?? []) (handler as (value: Events[K]) => void)(value);
  }

  protected clearListeners(): void {
    this.handlers.clear();
  }
}
