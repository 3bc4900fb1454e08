/**
 * `npm run restore -- FILE [--data-dir DIR] [--force]`: puts a backup made by `npm run backup`
 * back as the database of DATA_DIR (default ./data). The server must be stopped; an existing
 * database is replaced only with --force. See docs/operations.md.
 */
import { parseArgs } from 'node:util';
import { BackupRefused, restoreDatabase } from '@atelier/server';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'data-dir': { type: 'string' },
    force: { type: 'boolean', default: false },
  },
});
const [file] = positionals;
if (!file || positionals.length > 1) {
  console.error('Usage: npm run restore -- FILE [--data-dir DIR] [--force]');
  process.exit(2);
}
const dataDir = values['data-dir'] ?? process.env.DATA_DIR ?? './data';
try {
  const restored = await restoreDatabase(file, dataDir, { force: values.force });
  console.log(`Restored ${file} into ${restored.file}`);
} catch (error) {
  if (!(error instanceof BackupRefused)) throw error;
  console.error(`Restore refused: ${error.message}`);
  process.exit(2);
}
