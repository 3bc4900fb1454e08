/**
 * A scale-out deployment for tests (docs/scale-out.md): node processes on one throwaway
 * PostgreSQL database and one Redis key prefix, behind Debian's nginx running the shipped site
 * (deploy/nginx/atelier.conf, an upstream line per node) over HTTPS.
 */
import {
  createTestDatabase,
  createTestRedis,
  freePorts,
  type RunningNginx,
  selfSignedCertificate,
  startNginx,
  type TestDatabase,
  type TestRedis,
} from '@atelier/testing';
import { type InProcessApp, makeTempDir, type ServerProcess, startServerProcess } from './harness';
import { httpsTarget } from './nginx';

export interface RunningCluster {
  nodes: ServerProcess[];
  nginx: RunningNginx;
  database: TestDatabase;
  redis: TestRedis;
  /** The balancer's HTTPS address. */
  url: string;
  /** The balancer's `wss://…/sync`. */
  wsUrl: string;
  /** The certificate authority clients trust for `url`. */
  ca: string;
  /** The public origin browsers would send (PUBLIC_URL). */
  origin: string;
  /** A client of the balancer (the harness's `api` target). */
  client(localAddress?: string): InProcessApp;
  /** Stops nginx and every node still running, drops the database and the Redis keys. */
  stop(): Promise<void>;
}

export interface ClusterOptions {
  nodes: number;
  /** More settings for every node. */
  env?: Record<string, string>;
}

export async function startCluster(options: ClusterOptions): Promise<RunningCluster> {
  const dir = await makeTempDir('atelier-cluster-');
  const tls = await selfSignedCertificate(dir);
  const database = await createTestDatabase();
  const redis = await createTestRedis();
  const nodes: ServerProcess[] = [];
  let nginx: RunningNginx | undefined;
  const stopAll = async () => {
    await nginx?.stop().catch(() => {});
    await Promise.all(nodes.map((node) => (node.exited ? null : node.stop().catch(() => node.kill()))));
    await redis.cleanup();
    await database.drop();
  };
  try {
    // nginx's ports are chosen first: PUBLIC_URL (the origin sockets are accepted from) names one.
    for (let attempt = 1; ; attempt++) {
      const [httpPort = 0, httpsPort = 0] = await freePorts(2);
      const origin = `https://localhost:${httpsPort}`;
      const env = {
        DATABASE_URL: database.url,
        REDIS_URL: redis.url,
        REDIS_PREFIX: redis.prefix,
        PUBLIC_URL: origin,
        TRUST_PROXY: '1',
        ...options.env,
      };
      // Started one after the other: the first migrates the database, the others find it done.
      while (nodes.length < options.nodes) nodes.push(await startServerProcess({ env }));
      try {
        nginx = await startNginx(
          dir,
          {
            serverName: 'localhost',
            certificate: tls.certificate,
            certificateKey: tls.key,
            upstreamPorts: nodes.map((node) => Number(new URL(node.url).port)),
            httpPort,
            httpsPort,
          },
          tls.pem,
        );
      } catch (error) {
        if (attempt >= 3 || !String(error).includes('Address already in use')) throw error;
        // PUBLIC_URL named the port nginx could not take: the nodes start again with the next.
        await Promise.all(nodes.splice(0).map((node) => node.stop()));
        continue;
      }
      const url = `https://127.0.0.1:${httpsPort}`;
      return {
        nodes,
        nginx,
        database,
        redis,
        url,
        wsUrl: `${url.replace(/^https/, 'wss')}/sync`,
        ca: tls.pem,
        origin,
        client: (localAddress) =>
          httpsTarget(url, { ca: tls.pem, ...(localAddress ? { localAddress } : {}) }),
        stop: stopAll,
      };
    }
  } catch (error) {
    await stopAll();
    throw error;
  }
}
