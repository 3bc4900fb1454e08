export { connectClient } from './client';
export { addTraffic, emptyTraffic, type Traffic } from './traffic';
export type { BenchClient, ClientKind, ConnectOptions } from './types';
