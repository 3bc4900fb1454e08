/**
 * `npm run facilitator-link -- <strategy or workshop id> [--data-dir DIR] [--origin URL]`: a
 * fresh facilitator link for a strategy, or for a standalone workshop's creator, when theirs is
 * lost (docs/operations.md, "A lost facilitator link"). The old link stops working. Run on the
 * server's machine; DATA_DIR (default ./data) and PUBLIC_URL are read as `npm start` reads them.
 */
import { parseArgs } from 'node:util';
import { recoverFacilitatorLink } from '@atelier/server';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'data-dir': { type: 'string' }, origin: { type: 'string' } },
});
const id = positionals[0];
if (!id || positionals.length > 1) {
  console.error(
    'Usage: npm run facilitator-link -- <strategy or workshop id> [--data-dir DIR] [--origin URL]',
  );
  process.exit(2);
}
const dataDir = values['data-dir'] ?? process.env.DATA_DIR ?? './data';
const origin = (
  values.origin ??
  process.env.PUBLIC_URL ??
  `http://localhost:${process.env.PORT ?? 8787}`
).replace(/\/+$/, '');
const recovered = recoverFacilitatorLink(dataDir, id);
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
    console.error(`No strategy or workshop has the id ${id} in ${dataDir}.`);
    process.exit(2);
}
