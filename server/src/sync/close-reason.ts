/** A close frame's reason: at most 123 bytes of UTF-8 (RFC 6455: 125-byte control frames, 2 for the code). */
export const MAX_CLOSE_REASON_BYTES = 123;

/**
 * `reason (connection ID)`: the close frame names the connection, so that what a client or a
 * proxy reports can be found in the server's log lines (`connectionId`). The reason is cut,
 * never the id, when both would not fit (ids are at most 64 characters: see `correlationId`).
 */
export function closeReason(reason: string, connectionId: string): string {
  const suffix = ` (connection ${connectionId})`;
  const room = MAX_CLOSE_REASON_BYTES - Buffer.byteLength(suffix);
  let kept = '';
  let bytes = 0;
  for (const char of reason) {
    bytes += Buffer.byteLength(char);
    if (bytes > room) break;
    kept += char;
  }
  return `${kept}${suffix}`;
}
