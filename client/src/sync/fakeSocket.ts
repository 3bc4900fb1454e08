/**
 * A stand-in for the browser WebSocket, driven by the test: it records what the provider
 * sends and lets the test open it, deliver server messages and close it with a code.
 */
export class FakeSocket {
  static instances: FakeSocket[] = [];
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readyState = 0;
  binaryType = 'blob';
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: ArrayBuffer }) => void) | null = null;
  onclose: ((event: { code: number; reason: string; wasClean: boolean }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  readonly sent: Uint8Array[] = [];
  /** The code and reason `close` was called with, once it was. */
  closedWith: [number | undefined, string | undefined] | null = null;

  constructor(readonly url: string) {
    FakeSocket.instances.push(this);
  }

  send(data: Uint8Array | ArrayBuffer): void {
    this.sent.push(new Uint8Array(data));
  }

  close(code?: number, reason?: string): void {
    this.readyState = 3;
    this.closedWith = [code, reason];
  }

  /** The server accepted the connection. */
  open(): void {
    this.readyState = 1;
    this.onopen?.();
  }

  /** A message from the server. */
  receive(message: Uint8Array): void {
    const copy = new Uint8Array(message);
    this.onmessage?.({ data: copy.buffer });
  }

  /** The server closed the socket. */
  serverClose(code: number): void {
    this.readyState = 3;
    this.onclose?.({ code, reason: '', wasClean: code !== 1006 });
  }

  static latest(urlPart: string): FakeSocket {
    const socket = [...FakeSocket.instances].reverse().find((s) => s.url.includes(urlPart));
    if (!socket) throw new Error(`no socket for ${urlPart}`);
    return socket;
  }
}
