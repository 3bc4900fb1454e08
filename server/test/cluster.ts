/**
 * A scale-out deployment for the server's tests: node processes behind the test nginx on one
 * throwaway PostgreSQL database and Redis prefix (`@atelier/testing` `startBalancedNodes`).
 */
import { type BalancedNodes, startBalancedNodes } from '@atelier/testing';
import { type InProcessApp, type ServerProcess, startServerProcess } from './harness';
import { httpsTarget } from './nginx';

export interface RunningCluster extends BalancedNodes<ServerProcess> {
  /** The balancer's `wss://…/sync`. */
  wsUrl: string;
  /** A client of the balancer (the harness's `api` target). */
  client(localAddress?: string): InProcessApp;
}

export interface ClusterOptions {
  nodes: number;
  /** More settings for every node. */
  env?: Record<string, string>;
}

export async function startCluster(options: ClusterOptions): Promise<RunningCluster> {
  const cluster = await startBalancedNodes<ServerProcess>({
    count: options.nodes,
    ...(options.env ? { env: options.env } : {}),
    startNode: (env) => startServerProcess({ env }),
    stopNode: async (node) => {
      if (!node.exited) await node.stop().catch(() => node.kill());
    },
    urlOf: (node) => node.url,
  });
  return {
    ...cluster,
    wsUrl: `${cluster.url.replace(/^https/, 'wss')}/sync`,
    client: (localAddress) =>
      httpsTarget(cluster.url, { ca: cluster.ca, ...(localAddress ? { localAddress } : {}) }),
  };
}
