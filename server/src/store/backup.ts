import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { DB_FILE, MIGRATION_COUNT } from './db';
import { runningServerPid } from './pidFile';

/** Why a backup or a restore was refused: the CLI prints the message and exits with 2. */
export class BackupRefused extends Error {}

export interface BackupResult {
  file: string;
  bytes: number;
}

/**
 * Copies the database under `dataDir` into `outFile` with SQLite's online backup API, while
 * the server keeps running and writing: the copy is the database as of one committed moment
 * (WAL: the copy reads one snapshot in one step, the server's writers are never blocked). The
 * copy is written beside `outFile` and renamed onto it, so a half-written file never has its
 * name. Refuses to overwrite an existing file unless `force`.
 */
export async function backupDatabase(
  dataDir: string,
  outFile: string,
  options: { force?: boolean } = {},
): Promise<BackupResult> {
  const source = join(resolve(dataDir), DB_FILE);
  if (!existsSync(source)) throw new BackupRefused(`No Atelier database at ${source}`);
  const target = resolve(outFile);
  if (existsSync(target) && !options.force)
    throw new BackupRefused(`${target} exists: choose another file, or pass --force to replace it`);
  if (!existsSync(dirname(target))) throw new BackupRefused(`The folder ${dirname(target)} does not exist`);
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    // All pages in one step: one read snapshot, so the server's writes meanwhile cannot restart it.
    await db.backup(partial, { progress: () => Number.MAX_SAFE_INTEGER });
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    db.close();
  }
  renameSync(partial, target);
  return { file: target, bytes: statSync(target).size };
}

/**
 * Puts a backup back as the database under `dataDir`. The server must be stopped (its pid
 * file says whether it runs); an existing database is replaced only with `force`. The file
 * is checked first (an SQLite database that passes `integrity_check`, with Atelier's tables,
 * from this version or an earlier one), copied beside the database and renamed onto it; the
 * old database's WAL and shared-memory files are removed, or SQLite would replay them onto
 * the restored file.
 */
export async function restoreDatabase(
  backupFile: string,
  dataDir: string,
  options: { force?: boolean } = {},
): Promise<BackupResult> {
  const from = resolve(backupFile);
  if (!existsSync(from)) throw new BackupRefused(`No file at ${from}`);
  const dir = resolve(dataDir);
  const pid = runningServerPid(dir);
  if (pid !== null)
    throw new BackupRefused(`An Atelier server (pid ${pid}) is running on ${dir}: stop it before restoring`);
  const target = join(dir, DB_FILE);
  if (existsSync(target) && !options.force)
    throw new BackupRefused(`${target} exists: pass --force to replace it with the backup`);
  checkBackup(from);
  const partial = `${target}.restoring`;
  rmSync(partial, { force: true });
  const source = new Database(from, { readonly: true, fileMustExist: true });
  try {
    await source.backup(partial, { progress: () => Number.MAX_SAFE_INTEGER });
  } finally {
    source.close();
  }
  for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
  renameSync(partial, target);
  return { file: target, bytes: statSync(target).size };
}

function checkBackup(file: string): void {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch {
    throw new BackupRefused(`${file} is not an SQLite database`);
  }
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok')
      throw new BackupRefused(`${file} is damaged (integrity_check: ${String(integrity)})`);
    const version = db.pragma('user_version', { simple: true }) as number;
    const hasTables = db
      .prepare(
        "SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name IN ('workshops', 'doc_updates')",
      )
      .get() as { n: number };
    if (hasTables.n !== 2 || version < 1) throw new BackupRefused(`${file} is not an Atelier database`);
    if (version > MIGRATION_COUNT)
      throw new BackupRefused(
        `${file} comes from a newer Atelier (schema ${version}, this one knows ${MIGRATION_COUNT})`,
      );
  } catch (error) {
    if (error instanceof BackupRefused) throw error;
    throw new BackupRefused(`${file} is not an SQLite database (${(error as Error).message})`);
  } finally {
    db.close();
  }
}
