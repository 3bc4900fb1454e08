import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { RESULTS_DIR } from './paths';

/** Writes raw results to bench/results/<iso-date>-<scenario>.json and returns the path. */
export async function writeResults(scenario: string, data: unknown): Promise<string> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = path.join(RESULTS_DIR, `${stamp}-${scenario}.json`);
  await writeFile(file, `${JSON.stringify(data, null, 2)}\n`);
  return file;
}
