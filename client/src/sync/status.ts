/** How the workshop's sync connection is doing, as the header's indicator shows it. */
export type ConnectionStatus = 'connected' | 'connecting' | 'offline';

export interface ConnectionState {
  status: ConnectionStatus;
  /** Local board updates made while not connected, not yet confirmed by a sync. */
  pending: number;
  /** Set when the server closed the socket for good (see `FINAL_CLOSE_CODES`). */
  closedCode: number | null;
  /** The server closed our sockets for sending too much, more than once lately (see `CLOSE_CODES.rateLimited`). */
  rateLimited: boolean;
}
