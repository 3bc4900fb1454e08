/**
 * `npm run facilitator-link -- <strategy or workshop id> [--data-dir DIR] [--origin URL]`: a
 * fresh facilitator link for a strategy, or for a standalone workshop's creator, when theirs is
 * lost (docs/operations.md, "A lost facilitator link"). The old link stops working. Run on the
 * server's machine; DATA_DIR (default ./data), DATABASE_URL (PostgreSQL, when the nodes use it) and
 * PUBLIC_URL are read as `npm start` reads them.
 */
import { recoverFacilitatorLink, recoverFacilitatorLinkOnPostgres } from '@atelier/server';

const USAGE = 'Usage: npm run facilitator-link -- <strategy or workshop id> [--data-dir DIR] [--origin URL]';

/**
 * The id and the two options. Not node's parseArgs: ids are random and may start with "-"
 * (`-oX3…`), which it would take for an unknown option.
 */
function readArgs(args: readonly string[]): { id: string; dataDir?: string; origin?: string } {
  const positionals: string[] = [];
  const options: { dataDir?: string; origin?: string } = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    const option = /^--(data-dir|origin)(?:=(.*))?$/.exec(arg);
    if (!option) {
      positionals.push(arg);
      continue;
    }
    const value = option[2] ?? args[++i];
    if (value === undefined) usage();
    if (option[1] === 'data-dir') options.dataDir = value;
    else options.origin = value;
  }
  const [id, ...extra] = positionals;
  if (!id || extra.length > 0) usage();
  return { id, ...options };
}

function usage(): never {
  console.error(USAGE);
  process.exit(2);
}

const args = readArgs(process.argv.slice(2));
const id = args.id;
const dataDir = args.dataDir ?? process.env.DATA_DIR ?? './data';
const origin = (
  args.origin ??
  process.env.PUBLIC_URL ??
  `http://localhost:${process.env.PORT ?? 8787}`
).replace(/\/+$/, '');
const databaseUrl = process.env.DATABASE_URL || null;
const recovered = databaseUrl
  ? await recoverFacilitatorLinkOnPostgres(databaseUrl, id)
  : await recoverFacilitatorLink(dataDir, id);
switch (recovered.kind) {
  case 'strategy':
  case 'workshop':
    console.log(
      `New facilitator link for the ${recovered.kind} “${recovered.title}” (the old one no longer works):`,
    );
    console.log(`${origin}${recovered.path}`);
    break;
  case 'session':
    console.error(
      `${id} is a session of strategy ${recovered.strategyId}: run this again with the strategy's id; its new link opens every session.`,
    );
    process.exit(2);
    break;
  case 'unknown':
    console.error(
      `No strategy or workshop has the id ${id} in ${databaseUrl ? 'the PostgreSQL database' : dataDir}.`,
    );
    process.exit(2);
}
