/**
 * A worker for `route.test.ts`, forked: an HTTP server on no port that takes the sockets its
 * parent hands it (as a `WORKERS=n` worker does) and answers with its name, the path and the
 * length of the body it read.
 */
import http from 'node:http';
import { serveForPrimary } from './processes';
import { acceptConnection } from './route';

const name = process.argv[2] ?? 'worker';
const server = http.createServer((req, res) => {
  let length = 0;
  req.on('data', (chunk: Buffer) => {
    length += chunk.length;
  });
  req.on('end', () => res.end(`${name} ${req.url} ${length}`));
});
server.emit('listening');
serveForPrimary((socket, head) => acceptConnection(server, socket, head));
