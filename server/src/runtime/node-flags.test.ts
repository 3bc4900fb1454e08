import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { missingNodeFlags, SERVER_NODE_FLAGS } from './node-flags';

const repoFile = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');

describe('the Node flags the server runs with', () => {
  it('are the ones npm start and every systemd unit pass', () => {
    const start = (JSON.parse(repoFile('package.json')) as { scripts: { start: string } }).scripts.start;
    expect(start).toContain(`exec node ${SERVER_NODE_FLAGS.join(' ')} server/dist/main.js`);
    for (const unit of ['deploy/atelier.service', 'deploy/atelier@.service']) {
      expect(repoFile(unit)).toContain(
        `ExecStart=/usr/bin/node ${SERVER_NODE_FLAGS.join(' ')} server/dist/main.js`,
      );
    }
  });

  it('are found on the command line or in NODE_OPTIONS', () => {
    expect(missingNodeFlags([])).toEqual([...SERVER_NODE_FLAGS]);
    expect(missingNodeFlags([...SERVER_NODE_FLAGS])).toEqual([]);
    expect(missingNodeFlags(['--enable-source-maps'], ` ${SERVER_NODE_FLAGS.join(' ')} `)).toEqual([]);
  });
});
