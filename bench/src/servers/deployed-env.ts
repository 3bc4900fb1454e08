import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../lib/paths';

/**
 * What `deploy/atelier.service` gives the process beyond Atelier's settings: the allocator
 * (`LD_PRELOAD`, `MALLOC_*`). Scenarios that measure memory as deployed (hostile) start
 * Atelier with it; the others leave every server on the same default allocator as its peers.
 */
export function deployedRuntimeEnv(): Record<string, string> {
  const unit = readFileSync(path.join(REPO_ROOT, 'deploy/atelier.service'), 'utf8');
  const env: Record<string, string> = {};
  for (const match of unit.matchAll(/^Environment=((?:LD_PRELOAD|MALLOC_\w+))=(\S+)$/gm)) {
    if (match[1] && match[2]) env[match[1]] = match[2];
  }
  return env;
}
