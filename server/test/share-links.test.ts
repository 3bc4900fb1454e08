/**
 * Links participants can open from their own devices: a facilitator on `localhost` gets the
 * machine's network addresses in the creation answer, the new-code answer and
 * `GET /api/share-origins`; PUBLIC_URL always wins; an address reached from elsewhere is kept.
 * The app runs in-process, with the machine's network interfaces faked.
 */
import type { NetworkInterfaceInfo } from 'node:os';
import { CreateWorkshopResponse, RotateJoinCodeResponse, ShareOrigins } from '@atelier/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app';
import type { NetworkInfo } from '../src/http/deps';
import { createLogger } from '../src/log';
import { createSqliteBallotStore } from '../src/store/ballots';
import { openDb } from '../src/store/db';
import { createSqliteDocStore } from '../src/store/docs';
import { createSqliteJournalStore } from '../src/store/journal';
import { createSqliteStrategyStore } from '../src/store/strategies';
import { createSqliteStorage } from '../src/store/transaction';
import { createSqliteWorkshopStore } from '../src/store/workshops';
import { cleanup, DEFAULT_WORKSHOP, makeTempDir } from './harness';

afterAll(cleanup);

const LOOPBACK: NetworkInterfaceInfo = {
  address: '127.0.0.1',
  netmask: '255.0.0.0',
  family: 'IPv4',
  mac: '00:00:00:00:00:00',
  internal: true,
  cidr: '127.0.0.1/8',
};
const nic = (address: string): NetworkInterfaceInfo => ({
  address,
  netmask: '255.255.255.0',
  family: 'IPv4',
  mac: '02:00:00:00:00:01',
  internal: false,
  cidr: `${address}/24`,
});
const IPV6: NetworkInterfaceInfo = {
  address: 'fe80::1',
  netmask: 'ffff:ffff:ffff:ffff::',
  family: 'IPv6',
  mac: '02:00:00:00:00:01',
  internal: false,
  cidr: 'fe80::1/64',
  scopeid: 2,
};

const network = (listenHost: string, addresses: string[]): NetworkInfo => ({
  listenHost,
  interfaces: () => ({
    lo: [LOOPBACK],
    ...(addresses.length > 0 ? { eth0: [...addresses.map(nic), IPV6] } : {}),
  }),
});

/** The HTTP app with a real workshop store, the given network and PUBLIC_URL. */
async function appWith(options: { network: NetworkInfo; publicUrl?: string }) {
  const db = openDb(await makeTempDir());
  const workshops = createSqliteWorkshopStore(db);
  const app = createApp({
    workshops,
    transactions: createSqliteStorage(db, {
      docs: createSqliteDocStore(db),
      journal: createSqliteJournalStore(db),
      workshops,
      strategies: createSqliteStrategyStore(db),
      ballots: createSqliteBallotStore(db),
    }),
    log: createLogger('silent'),
    sockets: {} as never,
    silent: {} as never,
    tables: {} as never,
    votes: {} as never,
    followUp: {} as never,
    strategies: {} as never,
    strategyStore: {} as never,
    journal: {} as never,
    sessions: {} as never,
    importParser: {} as never,
    exporter: {} as never,
    privacy: {} as never,
    publicUrl: options.publicUrl ?? null,
    network: options.network,
    clientDist: '/nonexistent',
  });
  const call = async (origin: string, method: string, path: string, token?: string) => {
    const response = await app.request(`${origin}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(method === 'POST' && path === '/api/workshops' ? { body: JSON.stringify(DEFAULT_WORKSHOP) } : {}),
    });
    return { status: response.status, body: (await response.json()) as unknown };
  };
  return {
    /** The share origins, the creation links and the new-code link, as seen from `origin`. */
    async linksFrom(origin: string) {
      const origins = ShareOrigins.parse((await call(origin, 'GET', '/api/share-origins')).body);
      const created = await call(origin, 'POST', '/api/workshops');
      expect(created.status).toBe(201);
      const workshop = CreateWorkshopResponse.parse(created.body);
      const rotatedAnswer = await call(
        origin,
        'POST',
        `/api/workshops/${workshop.id}/join-code`,
        workshop.facilitatorToken,
      );
      expect(rotatedAnswer.status).toBe(200);
      const rotated = RotateJoinCodeResponse.parse(rotatedAnswer.body);
      return { origins, workshop, rotated };
    },
  };
}

describe('share links from a facilitator on a loopback address', () => {
  it('use the machine’s network address on the server’s port, everywhere', async () => {
    const app = await appWith({ network: network('0.0.0.0', ['192.168.1.20']) });
    for (const origin of ['http://localhost:8787', 'http://127.0.0.1:8787', 'http://[::1]:8787']) {
      const { origins, workshop, rotated } = await app.linksFrom(origin);
      expect(origins, origin).toEqual({
        origins: ['http://192.168.1.20:8787'],
        source: 'network',
        reason: null,
      });
      expect(workshop.links.participant).toBe(`http://192.168.1.20:8787/join/${workshop.joinCode}`);
      expect(workshop.links.facilitator).toBe(
        `http://192.168.1.20:8787/w/${workshop.id}#token=${workshop.facilitatorToken}`,
      );
      expect(rotated.links.participant).toBe(`http://192.168.1.20:8787/join/${rotated.joinCode}`);
    }
  });

  it('offer every network address when the machine has several, the first in the links', async () => {
    const app = await appWith({ network: network('0.0.0.0', ['10.0.0.5', '192.168.1.20']) });
    const { origins, workshop } = await app.linksFrom('http://localhost:3000');
    expect(origins).toEqual({
      origins: ['http://10.0.0.5:3000', 'http://192.168.1.20:3000'],
      source: 'network',
      reason: null,
    });
    expect(workshop.links.participant).toBe(`http://10.0.0.5:3000/join/${workshop.joinCode}`);
  });

  it('say nobody else can reach the server when the machine has no network address', async () => {
    const app = await appWith({ network: network('0.0.0.0', []) });
    const { origins, workshop } = await app.linksFrom('http://localhost:8787');
    expect(origins).toEqual({ origins: [], source: 'none', reason: 'no-network' });
    // The link still works on this machine, for a try-out; the share panel says the rest.
    expect(workshop.links.participant).toBe(`http://localhost:8787/join/${workshop.joinCode}`);
  });

  it('say nobody else can reach the server when it listens only on a loopback HOST', async () => {
    for (const host of ['127.0.0.1', 'localhost', '::1']) {
      const app = await appWith({ network: network(host, ['192.168.1.20']) });
      const { origins } = await app.linksFrom('http://127.0.0.1:8787');
      expect(origins, host).toEqual({ origins: [], source: 'none', reason: 'loopback-host' });
    }
  });

  it('use the one address the server listens on when HOST names it', async () => {
    const app = await appWith({ network: network('192.168.1.20', ['10.0.0.5', '192.168.1.20']) });
    const { origins } = await app.linksFrom('http://localhost:8787');
    expect(origins.origins).toEqual(['http://192.168.1.20:8787']);
  });
});

describe('share links otherwise', () => {
  it('are on PUBLIC_URL, path included, whatever the request and the network', async () => {
    const app = await appWith({
      network: network('0.0.0.0', ['192.168.1.20']),
      publicUrl: 'https://atelier.example.org/salle',
    });
    for (const origin of ['http://localhost:8787', 'http://192.168.1.20:8787']) {
      const { origins, workshop, rotated } = await app.linksFrom(origin);
      expect(origins).toEqual({
        origins: ['https://atelier.example.org/salle'],
        source: 'public-url',
        reason: null,
      });
      expect(workshop.links.participant).toBe(`https://atelier.example.org/salle/join/${workshop.joinCode}`);
      expect(rotated.links.participant).toBe(`https://atelier.example.org/salle/join/${rotated.joinCode}`);
    }
  });

  it('keep an address that is not a loopback one as the facilitator typed it', async () => {
    const app = await appWith({ network: network('0.0.0.0', ['10.0.0.5', '192.168.1.20']) });
    for (const origin of [
      'http://192.168.1.20:8787',
      'http://atelier.local:8787',
      'https://salle.example.org',
    ]) {
      const { origins, workshop } = await app.linksFrom(origin);
      expect(origins).toEqual({ origins: [origin], source: 'request', reason: null });
      expect(workshop.links.participant).toBe(`${origin}/join/${workshop.joinCode}`);
    }
  });
});
