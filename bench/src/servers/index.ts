export { mapLimit } from '../lib/concurrency';
export { isServerName, type Protocol, SERVER_NAMES, SERVERS, type ServerName } from './definitions';
export { type BenchServer, killAllServers, SERVER_CORE, type StartOptions, startServer } from './launcher';
export { type ClientInfo, provisionRooms, type RoomInfo } from './provision';
export type { ServerStats } from './stats';
