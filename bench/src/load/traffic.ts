import WebSocket from 'ws';

/** Bytes and frames one client sent and received (payload bytes, as the server writes them). */
export interface Traffic {
  bytesIn: number;
  bytesOut: number;
  framesIn: number;
  framesOut: number;
}

export function emptyTraffic(): Traffic {
  return { bytesIn: 0, bytesOut: 0, framesIn: 0, framesOut: 0 };
}

export function addTraffic(into: Traffic, from: Traffic): void {
  into.bytesIn += from.bytesIn;
  into.bytesOut += from.bytesOut;
  into.framesIn += from.framesIn;
  into.framesOut += from.framesOut;
}

type WebSocketClass = new (address: string, protocols?: string | string[]) => WebSocket;

/**
 * A `ws` WebSocket class for the stock providers (which only take a class) that counts every
 * frame into `traffic` and lets the harness reach the live socket (to drop it).
 */
export function countingWebSocket(traffic: Traffic, onSocket: (ws: WebSocket) => void): WebSocketClass {
  return class CountingWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols ?? []);
      this.on('message', (data: Buffer | ArrayBuffer | Buffer[]) => {
        traffic.framesIn++;
        traffic.bytesIn += byteLength(data);
      });
      onSocket(this);
    }

    override send(data: unknown, ...rest: unknown[]): void {
      traffic.framesOut++;
      traffic.bytesOut += byteLength(data);
      (super.send as (...args: unknown[]) => void)(data, ...rest);
    }
  };
}

export function byteLength(data: unknown): number {
  if (Array.isArray(data)) return data.reduce((sum: number, part: Buffer) => sum + part.byteLength, 0);
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) return data.byteLength;
  if (typeof data === 'string') return Buffer.byteLength(data);
  return 0;
}
