/**
 * The buffers of `arrays` that can be handed to another thread (transferred, not copied): only
 * those each array owns whole (a small Buffer shares Node's pool slab, a view shares its parent's).
 */
export function owned(arrays: readonly Uint8Array[]): ArrayBuffer[] {
  return arrays
    .filter((bytes) => bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength)
    .map((bytes) => bytes.buffer as ArrayBuffer);
}
