import { cpus } from 'node:os';
import { describe, expect, it } from 'vitest';
import { deploymentKey, nodeCores, scaledOutServers } from './deployment';

describe('scale-out deployments', () => {
  it('names each deployment as the tables show it', () => {
    expect(deploymentKey({ server: 'atelier', backend: 'sqlite', nodes: 1 })).toBe('atelier embedded');
    expect(deploymentKey({ server: 'atelier', backend: 'pg', nodes: 1 })).toBe('atelier 1 node');
    expect(deploymentKey({ server: 'hocuspocus-redis', backend: 'pg', nodes: 3 })).toBe(
      'hocuspocus-redis 3 nodes',
    );
    expect(deploymentKey({ server: 'atelier', backend: 'pg', nodes: 1, workers: 2 })).toBe(
      'atelier 1 node WORKERS=2',
    );
  });

  it('compares Atelier and Hocuspocus scaled out, from the servers asked for', () => {
    expect(scaledOutServers(['atelier', 'ywss', 'hocuspocus', 'relay'])).toEqual([
      'atelier',
      'hocuspocus-redis',
    ]);
    expect(scaledOutServers(['hocuspocus-redis'])).toEqual(['hocuspocus-redis']);
    expect(scaledOutServers(['ywss', 'relay'])).toEqual([]);
  });

  it('pins node i to core i mod the cores, and a WORKERS node to all of them', () => {
    const count = cpus().length;
    expect(nodeCores(0)).toBe('0');
    expect(nodeCores(count)).toBe('0');
    expect(nodeCores(1, 2).split(',')).toHaveLength(count);
  });
});
