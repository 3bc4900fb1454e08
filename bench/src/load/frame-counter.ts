/**
 * Counts the WebSocket frames a server sends in the raw bytes of its TCP stream, without
 * decoding them: header arithmetic per frame, no allocation, no event per message. Light
 * clients switch to it once synced (light-client.ts), so that a one-core load generator
 * can hold thousands of connections whose every frame `ws` would otherwise parse, copy and
 * emit. Control frames (ping, close) are handed over whole, so the client can answer them.
 */
export class FrameCounter {
  /** Data messages received (final frames of text, binary or continuation). */
  messages = 0;
  /** Payload bytes of those frames (as `ws` reports a message's length). */
  payloadBytes = 0;
  private header: number[] = [];
  private remaining = 0;
  private opcode = 0;
  private control: Buffer[] | null = null;

  constructor(private readonly onControl: (opcode: number, payload: Buffer) => void) {}

  push(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.remaining > 0) {
        const take = Math.min(this.remaining, chunk.length - at);
        this.control?.push(chunk.subarray(at, at + take));
        at += take;
        this.remaining -= take;
        if (this.remaining === 0) this.endFrame();
        continue;
      }
      this.header.push(chunk[at++] as number);
      const length = this.headerLength();
      if (length === null) continue;
      const first = this.header[0] as number;
      this.header = [];
      this.opcode = first & 0x0f;
      this.remaining = length;
      this.control = this.opcode >= 8 ? [] : null;
      if (this.opcode < 8) {
        this.payloadBytes += length;
        if (first & 0x80) this.messages++;
      }
      if (length === 0) this.endFrame();
    }
  }

  /** The payload length once the whole header (with extended length and mask) has been read. */
  private headerLength(): number | null {
    const h = this.header;
    if (h.length < 2) return null;
    const short = (h[1] as number) & 0x7f;
    const masked = ((h[1] as number) & 0x80) !== 0;
    const size = 2 + (short === 126 ? 2 : short === 127 ? 8 : 0) + (masked ? 4 : 0);
    if (h.length < size) return null;
    if (short < 126) return short;
    let length = 0;
    for (let i = 2; i < (short === 126 ? 4 : 10); i++) length = length * 256 + (h[i] as number);
    return length;
  }

  private endFrame(): void {
    if (this.control) this.onControl(this.opcode, Buffer.concat(this.control));
    this.control = null;
  }
}
