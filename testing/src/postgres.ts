/**
 * Throwaway PostgreSQL databases for tests (docs/scale-out.md, "Tests"): each test gets a
 * database of its own, created from the server at `TEST_DATABASE_URL` (default: user postgres,
 * trusted on 127.0.0.1 — .ci/run makes it so) and dropped at the end, so tests never see one
 * another's rows and may run in parallel.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Where throwaway databases are created from: a database the user may `CREATE DATABASE` in. */
export const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** Every throwaway database's name starts so; the rest is its creation time and a random part. */
export const TEST_DATABASE_PREFIX = 'atelier_t_';

/** Throwaway databases older than this are left from a run that crashed: the next one drops them. */
const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

export interface TestDatabase {
  /** The database's own URL, for the code under test (`DATABASE_URL`) or a `pg.Pool`. */
  readonly url: string;
  readonly name: string;
  /** Drops the database, closing any connection still open to it (idempotent). */
  drop(): Promise<void>;
}

/** The admin URL the tests use: `TEST_DATABASE_URL`, else the local default. */
export function testDatabaseUrl(): string {
  return process.env.TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL;
}

/** `url` without its password, for messages. */
function shown(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

/** Runs `work` on a short-lived admin connection (CREATE/DROP DATABASE cannot run in a transaction). */
async function withAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL does not answer at ${shown(adminUrl)} (${String(error)}). Start it (README, ` +
        '"Prerequisites"; .ci/run installs and starts it) or point TEST_DATABASE_URL at one.',
    );
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A new name: `atelier_t_<time, base 36>_<random hex>`, a valid unquoted identifier. */
function newDatabaseName(now: number): string {
  return `${TEST_DATABASE_PREFIX}${now.toString(36)}_${randomBytes(6).toString('hex')}`;
}

/** When a throwaway database was created, from its name; `null` for a name not made here. */
export function createdAt(name: string): number | null {
  const match = new RegExp(`^${TEST_DATABASE_PREFIX}([0-9a-z]+)_[0-9a-f]+$`).exec(name);
  return match?.[1] ? Number.parseInt(match[1], 36) : null;
}

/**
 * Creates an empty database (or a copy of `template`, a database nobody is connected to) and
 * returns its URL; call `drop()` at the end (`afterAll`), or use `withPostgres`. Databases of
 * crashed runs older than a day are dropped on the way.
 */
export async function createTestDatabase(
  adminUrl = testDatabaseUrl(),
  options: { template?: string } = {},
): Promise<TestDatabase> {
  const { template } = options;
  if (template !== undefined && createdAt(template) === null)
    throw new Error(`createTestDatabase: ${template} is not a test database`);
  const now = Date.now();
  const name = newDatabaseName(now);
  await withAdmin(adminUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE starts_with(datname, $1)',
      [TEST_DATABASE_PREFIX],
    );
    for (const { datname } of rows) {
      const at = createdAt(datname);
      if (at !== null && now - at > STALE_AFTER_MS)
        await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    }
    await client.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let dropped: Promise<void> | null = null;
  return {
    url: url.toString(),
    name,
    drop() {
      // FORCE (PostgreSQL 13+): a pool the test forgot to end does not keep the database alive.
      dropped ??= withAdmin(adminUrl, async (client) => {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      });
      return dropped;
    },
  };
}

/** Runs `work` with a fresh database, dropped afterwards whether `work` succeeds or throws. */
export async function withPostgres<T>(work: (db: TestDatabase) => Promise<T>): Promise<T> {
  const db = await createTestDatabase();
  try {
    return await work(db);
  } finally {
    await db.drop();
  }
}
