import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePorts, type RunningNginx, selfSignedCertificate, startNginx } from './nginx';
import { createTestDatabase, type TestDatabase } from './postgres';
import { createTestRedis, type TestRedis } from './redis';

/*
 * A scale-out deployment for tests (docs/scale-out.md): Atelier nodes on one throwaway PostgreSQL
 * database and one Redis key prefix, behind Debian's nginx running the shipped site
 * (deploy/nginx/atelier.conf, an upstream line per node) over HTTPS. The nodes are started by
 * the caller (the server's tests and e2e each have their own way), with the settings given.
 */

export interface BalancedNodes<Node> {
  nodes: Node[];
  nginx: RunningNginx;
  database: TestDatabase;
  redis: TestRedis;
  /** The balancer's HTTPS address. */
  url: string;
  /** The public origin browsers send (PUBLIC_URL): `https://localhost:<port>`. */
  origin: string;
  /** The certificate authority clients trust for `url` and `origin`. */
  ca: string;
  /** Stops nginx and every node, drops the database and the Redis keys. */
  stop(): Promise<void>;
}

export interface BalancedNodesOptions<Node> {
  count: number;
  /** More settings for every node. */
  env?: Record<string, string>;
  /** Starts a node with these settings; resolves once it listens (`url`: its own address). */
  startNode(env: Record<string, string>): Promise<Node>;
  /** Stops a node, whether it still runs or not. */
  stopNode(node: Node): Promise<void>;
  /** The node's own address (nginx's upstream). */
  urlOf(node: Node): string;
}

export async function startBalancedNodes<Node>(
  options: BalancedNodesOptions<Node>,
): Promise<BalancedNodes<Node>> {
  const dir = await mkdtemp(path.join(tmpdir(), 'atelier-cluster-'));
  const tls = await selfSignedCertificate(dir);
  const database = await createTestDatabase();
  const redis = await createTestRedis();
  const nodes: Node[] = [];
  let nginx: RunningNginx | undefined;
  const stop = async () => {
    await nginx?.stop().catch(() => {});
    await Promise.all(nodes.map((node) => options.stopNode(node).catch(() => {})));
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
      while (nodes.length < options.count) nodes.push(await options.startNode(env));
      try {
        nginx = await startNginx(
          dir,
          {
            serverName: 'localhost',
            certificate: tls.certificate,
            certificateKey: tls.key,
            upstreamPorts: nodes.map((node) => Number(new URL(options.urlOf(node)).port)),
            httpPort,
            httpsPort,
          },
          tls.pem,
        );
      } catch (error) {
        if (attempt >= 3 || !String(error).includes('Address already in use')) throw error;
        // PUBLIC_URL named the port nginx could not take: the nodes start again with the next.
        await Promise.all(nodes.splice(0).map((node) => options.stopNode(node)));
        continue;
      }
      return {
        nodes,
        nginx,
        database,
        redis,
        url: `https://127.0.0.1:${httpsPort}`,
        origin,
        ca: tls.pem,
        stop,
      };
    }
  } catch (error) {
    await stop();
    throw error;
  }
}
