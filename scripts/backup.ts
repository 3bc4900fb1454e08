/**
 * `npm run backup -- --out FILE [--data-dir DIR] [--force]`: a consistent copy of the
 * database of a running (or stopped) Atelier, made with SQLite's online backup API — the
 * server keeps serving. DATA_DIR (default ./data) says where the database is, as for
 * `npm start`. See docs/operations.md.
 */
import { parseArgs } from 'node:util';
import { BackupRefused, backupDatabase } from '@atelier/server';

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    'data-dir': { type: 'string' },
    force: { type: 'boolean', default: false },
  },
});
if (!values.out) {
  console.error('Usage: npm run backup -- --out FILE [--data-dir DIR] [--force]');
  process.exit(2);
}
const dataDir = values['data-dir'] ?? process.env.DATA_DIR ?? './data';
try {
  const { file, bytes } = await backupDatabase(dataDir, values.out, { force: values.force });
  console.log(`Backed up ${dataDir} to ${file} (${(bytes / 1024 / 1024).toFixed(1)} MB)`);
} catch (error) {
  if (!(error instanceof BackupRefused)) throw error;
  console.error(`Backup refused: ${error.message}`);
  process.exit(2);
}
