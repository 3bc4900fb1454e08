/**
 * Hocuspocus as a deployment would run it: its Server with the SQLite extension on a file in
 * the data dir, defaults otherwise (2 s store debounce, 10 s max). Env: PORT, HOST, DATA_DIR.
 */
import path from 'node:path';
import { SQLite } from '@hocuspocus/extension-sqlite';
import { Server } from '@hocuspocus/server';

const server = new Server({
  port: Number(process.env.PORT),
  address: process.env.HOST ?? '127.0.0.1',
  quiet: true,
  extensions: [new SQLite({ database: path.join(process.env.DATA_DIR ?? '.', 'hocuspocus.sqlite') })],
});
await server.listen();
