/**
 * First half of `npm start`: builds the client and compiles the server when missing or out of
 * date, each in a child process, then exits. The second half (`exec node server/dist/main.js`
 * in package.json) runs the server alone: no build, no TypeScript loader in its memory.
 */
import { buildClient, buildServer, clientBuildIsStale, serverBuildIsStale } from '@atelier/testing';

try {
  if (clientBuildIsStale()) {
    process.stdout.write('Building the client…\n');
    buildClient();
  }
  if (serverBuildIsStale()) {
    process.stdout.write('Compiling the server…\n');
    buildServer();
  }
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
