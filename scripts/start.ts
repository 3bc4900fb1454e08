/**
 * `npm start`: builds the client when it is missing or out of date, then runs the server
 * (API, sync and client on one port).
 */
import { buildClient, clientBuildIsStale } from './client-build';

if (clientBuildIsStale()) {
  process.stdout.write('Building the client…\n');
  await buildClient();
}
await import('../server/src/main');
