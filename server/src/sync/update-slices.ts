import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/*
 * A big document's state cut into small updates that apply one after the other (issue 19 §3,
 * docs/scale-out.md "Heavy work off the sync loop"). Applying a 20,000-note board's 8 MB state
 * to a `Y.Doc` takes ~750 ms in one `Y.applyUpdate`, and a `Y.Doc` cannot move between threads:
 * a worker thread cuts the state into slices, and the room's thread applies them a few at a
 * time between event-loop turns, so other rooms' presence and sync go on meanwhile.
 *
 * Each slice holds whole structs whose dependencies (the struct before it from the same client,
 * its left and right origins, its parent item) are in the same slice or an earlier one, so every
 * slice integrates completely when applied in order: nothing waits in Yjs's pending structs,
 * which would be merged again at every later slice. The delete set goes last, in slices too.
 */

type Struct = ReturnType<typeof Y.decodeUpdate>['structs'][number];
type DeleteSet = ReturnType<typeof Y.decodeUpdate>['ds'];

/** Structs per slice: about 3 ms to apply on this machine's cores (a 20,000-note board is ~290,000). */
export const STRUCTS_PER_SLICE = 1_000;

/**
 * Cuts `update` (a V1 update, e.g. a merged snapshot and log) into updates that, applied in
 * order to an empty document, give the same document as `update`. Throws if it does not decode.
 */
export function sliceUpdate(update: Uint8Array, structsPerSlice = STRUCTS_PER_SLICE): Uint8Array[] {
  const { structs, ds } = Y.decodeUpdate(update);
  const order = dependencyOrder(structs);
  const slices: Uint8Array[] = [];
  for (let from = 0; from < order.length; from += structsPerSlice)
    slices.push(encodeStructs(order.slice(from, from + structsPerSlice).map((i) => structs[i] as Struct)));
  // The deletions last, once everything they delete is there, in slices too (a board whose notes
  // moved thousands of times holds as many deleted ranges: ~50 ms to apply at once).
  slices.push(...encodeDeletions(ds, structsPerSlice));
  return slices;
}

/** Applies `slices` in order, yielding to the event loop whenever `budgetMs` of work has passed. */
export async function applySlices(doc: Y.Doc, slices: readonly Uint8Array[], budgetMs = 8): Promise<void> {
  let started = performance.now();
  for (const slice of slices) {
    if (performance.now() - started >= budgetMs) {
      await new Promise((resolve) => setImmediate(resolve));
      started = performance.now();
    }
    Y.applyUpdate(doc, slice);
  }
}

/**
 * The structs' indexes in an order where each comes after what it depends on (a depth-first
 * topological sort, iterative: a long run of one client's structs would overflow the stack).
 * A dependency that is not in the update is ignored: Yjs will hold what needs it as pending,
 * which the caller sees as a damaged document, as with one whole update.
 */
function dependencyOrder(structs: readonly Struct[]): number[] {
  // Per client, its structs' indexes in clock order (decodeUpdate gives them so).
  const byClient = new Map<number, number[]>();
  structs.forEach((struct, i) => {
    const list = byClient.get(struct.id.client);
    if (list) list.push(i);
    else byClient.set(struct.id.client, [i]);
  });
  const positionOf = new Int32Array(structs.length);
  for (const list of byClient.values())
    list.forEach((index, position) => {
      positionOf[index] = position;
    });

  /** The index of the struct holding `id`, or -1. */
  const find = (id: Y.ID): number => {
    const list = byClient.get(id.client);
    if (!list) return -1;
    let low = 0;
    let high = list.length - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const struct = structs[list[mid] as number] as Struct;
      if (id.clock < struct.id.clock) high = mid - 1;
      else if (id.clock >= struct.id.clock + struct.length) low = mid + 1;
      else return list[mid] as number;
    }
    return -1;
  };

  const dependencies = (i: number): number[] => {
    const struct = structs[i] as Struct;
    const deps: number[] = [];
    const position = positionOf[i] as number;
    if (position > 0) deps.push((byClient.get(struct.id.client) as number[])[position - 1] as number);
    if (struct instanceof Y.Item) {
      if (struct.origin) deps.push(find(struct.origin));
      if (struct.rightOrigin) deps.push(find(struct.rightOrigin));
      // Decoded, `parent` is a root type's name (a string) or the parent item's id.
      const parent: unknown = struct.parent;
      if (parent instanceof Y.ID) deps.push(find(parent));
    }
    return deps.filter((d) => d >= 0 && d !== i);
  };

  const UNSEEN = 0;
  const OPEN = 1;
  const DONE = 2;
  const state = new Uint8Array(structs.length);
  const order: number[] = [];
  const stack: number[] = [];
  for (let root = 0; root < structs.length; root++) {
    if (state[root] !== UNSEEN) continue;
    stack.push(root);
    while (stack.length > 0) {
      const i = stack[stack.length - 1] as number;
      if (state[i] === UNSEEN) {
        state[i] = OPEN;
        // Its dependencies first; when it is on top again, they are done.
        for (const d of dependencies(i)) if (state[d] === UNSEEN) stack.push(d);
      } else {
        stack.pop();
        // OPEN: back from its dependencies (a cycle, which valid updates never have, is cut here).
        if (state[i] === OPEN) {
          state[i] = DONE;
          order.push(i);
        }
      }
    }
  }
  return order;
}

/** Updates of no structs that delete `ds`'s ranges, at most `perSlice` ranges each (at least one update). */
function encodeDeletions(ds: DeleteSet, perSlice: number): Uint8Array[] {
  const ranges: [client: number, clock: number, len: number][] = [];
  for (const [client, items] of ds.clients)
    for (const item of items) ranges.push([client, item.clock, item.len]);
  const slices: Uint8Array[] = [];
  for (let from = 0; from === 0 || from < ranges.length; from += perSlice) {
    const byClient = new Map<number, [number, number][]>();
    for (const [client, clock, len] of ranges.slice(from, from + perSlice)) {
      const list = byClient.get(client);
      if (list) list.push([clock, len]);
      else byClient.set(client, [[clock, len]]);
    }
    // The V1 format: no structs, then per client its deleted ranges (Yjs's `writeDeleteSet`).
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarUint(encoder, byClient.size);
    for (const [client, list] of byClient) {
      encoding.writeVarUint(encoder, client);
      encoding.writeVarUint(encoder, list.length);
      for (const [clock, len] of list) {
        encoding.writeVarUint(encoder, clock);
        encoding.writeVarUint(encoder, len);
      }
    }
    slices.push(encoding.toUint8Array(encoder));
  }
  return slices;
}

/** A V1 update of `structs` (in dependency order, so each client's run is contiguous) and no deletions. */
function encodeStructs(structs: readonly Struct[]): Uint8Array {
  const byClient = new Map<number, Struct[]>();
  for (const struct of structs) {
    const list = byClient.get(struct.id.client);
    if (list) list.push(struct);
    else byClient.set(struct.id.client, [struct]);
  }
  const encoder = new Y.UpdateEncoderV1();
  encoding.writeVarUint(encoder.restEncoder, byClient.size);
  for (const [client, list] of byClient) {
    const first = list[0] as Struct;
    encoding.writeVarUint(encoder.restEncoder, list.length);
    encoder.writeClient(client);
    encoding.writeVarUint(encoder.restEncoder, first.id.clock);
    for (const struct of list) struct.write(encoder, 0);
  }
  encoding.writeVarUint(encoder.restEncoder, 0);
  return encoder.toUint8Array();
}
