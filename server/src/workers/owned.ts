/**
 * The buffers of `arrays` that can be handed to another thread (transferred, not copied): only
 * those each array owns whole (a small Buffer shares Node's pool slab, a view shares its parent's).
 */
export function owned(arrays: readonly Uint8Array[]): ArrayBuffer[] {
  return arrays.filter(ownsBuffer).map((bytes) => bytes.buffer as ArrayBuffer);
}

/**
 * `bytes` as an array that owns its whole buffer, copied to its own size when it is a view: a
 * message between threads copies the whole buffer of a view (a small Buffer's 8 KB pool slab, a
 * frame's payload its whole frame).
 */
export function ownedCopy(bytes: Uint8Array): Uint8Array {
  return ownsBuffer(bytes) ? bytes : bytes.slice();
}

function ownsBuffer(bytes: Uint8Array): boolean {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
}
