import {
  ApiError,
  CreateStrategyResponse,
  CreateWorkshopResponse,
  IMPORT_MAX_BYTES,
  IMPORT_MAX_MB,
  ImportWorkshopBody,
  STRATEGY_SCHEMA_VERSION,
  type Strategy,
  type StrategyFile,
} from '@atelier/shared';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { SeedPlan } from '../import/seed-plan';
import { seedImportedDocs } from '../store/seed';
import type { TransactionStores } from '../store/transaction';
import { BUSY_RETRY_AFTER_S, type ParseAnswer, WorkPoolBusy, WorkTimeout } from '../workers/pool';
import { createdAnswer, defaultFacilitatorName } from './created-answer';
import type { AppDeps } from './deps';
import { apiError, apiErrorRetryAfter, describeIssues, issueList } from './errors';
import { jsonContent } from './openapi';
import { linkOrigin } from './share-origins';
import { strategyLink, strategySummary } from './strategies';

export const IMPORT_PATH = '/api/workshops/import';

const importWorkshop = createRoute({
  method: 'post',
  path: IMPORT_PATH,
  summary: 'Create a workshop from an exported strategy',
  description: `Seeds a new workshop with a strategy exported as JSON (schema version ${STRATEGY_SCHEMA_VERSION}, /api/schema/strategy.json), to continue it in a second session or to start from a template: its notes, issues, axes, action sheets, partners, indicators, themes, steps and revealed vote rounds, with the same ids. The earlier session's note authors are listed as removed participants, so their notes keep their group (and their name when the export had names). The file's tables come back (same ids, names, colours), with those authors seated where the file seats them; nobody else is seated. Answers like creating a workshop. A strategy’s file (\`kind: "strategy"\`, /api/schema/strategy-file.json) seeds a new strategy instead: one new session per session of the file, in order, each seeded with that session’s outcome (same ids) and day, answered like \`POST /api/strategies\` (its facilitator token opens every session). An invalid file is refused with each problem in \`issues\`, and nothing is created. Bodies up to ${IMPORT_MAX_MB} MiB (the API's usual limit is 64 KB), read in a worker thread. Limited per client address (429 with Retry-After).`,
  request: { body: { ...jsonContent(ImportWorkshopBody), required: true } },
  responses: {
    201: {
      description: 'Created: a workshop, or a strategy for a strategy’s file',
      ...jsonContent(z.union([CreateWorkshopResponse, CreateStrategyResponse])),
    },
    400: {
      description: 'Invalid body, or not a valid strategy: every problem in `issues`',
      ...jsonContent(ApiError),
    },
    413: { description: `payload_too_large: over ${IMPORT_MAX_MB} MiB`, ...jsonContent(ApiError) },
    429: {
      description: 'rate_limited: too many imports from this address (Retry-After)',
      ...jsonContent(ApiError),
    },
    503: {
      description:
        'server_busy: every import worker is busy, or the file took too long to read (Retry-After)',
      ...jsonContent(ApiError),
    },
  },
});

const isJson = (contentType: string | undefined) =>
  contentType !== undefined && /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(contentType);

/** How many problems the message names (the answer's `issues` lists them all). */
const MESSAGE_ISSUES = 3;

function invalidStrategy(c: Context, issues: readonly { path: readonly PropertyKey[]; message: string }[]) {
  const more = issues.length - MESSAGE_ISSUES;
  const message = `Not a strategy this server can import (schema version ${STRATEGY_SCHEMA_VERSION}): ${describeIssues(issues.slice(0, MESSAGE_ISSUES))}${more > 0 ? ` (and ${more} more)` : ''}`;
  return apiError(c, 'bad_request', message, issueList(issues));
}

/** `POST /api/workshops/import`: a new workshop seeded from a strategy file. */
export function importRoutes(deps: AppDeps) {
  const { votes, log, importParser } = deps;
  const app = new OpenAPIHono();
  // Documented like every route, but read by hand: the body goes to a worker thread unparsed.
  app.openAPIRegistry.registerPath(importWorkshop);

  /** The file's content read in a worker, or the error answer (busy, too slow, unreadable). */
  async function readFile(c: Context): Promise<{ answer: ParseAnswer; size: number } | { error: Response }> {
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    const size = bytes.byteLength; // before the bytes move to the worker
    try {
      return { answer: await importParser.parse(bytes), size };
    } catch (error) {
      if (!(error instanceof WorkPoolBusy || error instanceof WorkTimeout)) throw error;
      log.warn({ bytes: size, reason: error.message }, 'import not read');
      const message =
        error instanceof WorkTimeout
          ? 'Reading this strategy file took too long: try again in a moment'
          : 'The server is reading other strategy files: try again in a few seconds';
      return { error: apiErrorRetryAfter(c, 'server_busy', message, BUSY_RETRY_AFTER_S) };
    }
  }

  /**
   * A new workshop seeded with `strategy`: its former note authors, its revealed rounds and its
   * documents, in the caller's transaction `tx` (all of it or nothing).
   */
  async function seedWorkshop(
    tx: TransactionStores,
    strategy: Strategy,
    plan: SeedPlan,
    facilitatorName: string | undefined,
  ) {
    const { title, territory, locale } = strategy.workshop;
    const created = await tx.workshops.create({
      title,
      territory,
      locale,
      facilitatorName:
        facilitatorName ?? (strategy.workshop.facilitator.trim() || defaultFacilitatorName(locale)),
    });
    const { workshop } = created;
    await tx.workshops.addFormerParticipants(workshop.id, plan.authors);
    await votes.importRevealed(tx, workshop.id, strategy.rounds, new Map(plan.roundIds));
    await seedImportedDocs(tx.docs, workshop.id, plan);
    return created;
  }

  /**
   * A strategy's file: a new strategy whose sessions are new workshops, each seeded with its
   * session's outcome (same item ids), in order, with its day; all of it or nothing.
   */
  async function importStrategyFile(
    c: Context,
    file: StrategyFile,
    plans: readonly SeedPlan[],
    facilitatorName: string | undefined,
    read: { ms: number; threadId: number },
  ) {
    const { strategy, token } = await deps.transactions.withTransaction(async (tx) => {
      const made = await tx.strategies.create({
        title: file.strategy.title,
        territory: file.strategy.territory,
        locale: file.strategy.locale,
      });
      for (const [i, session] of file.sessions.entries()) {
        const plan = plans[i];
        if (plan === undefined) throw new Error(`import: no plan for session ${i + 1}`);
        const { workshop, facilitator } = await seedWorkshop(tx, session.outcome, plan, facilitatorName);
        await tx.strategies.addSession({
          strategyId: made.strategy.id,
          strategyToken: made.token,
          workshopId: workshop.id,
          facilitatorId: facilitator.id,
          date: session.date,
        });
      }
      return made;
    });
    log.info(
      {
        strategyId: strategy.id,
        from: file.provenance.strategyId,
        sessions: file.sessions.length,
        readMs: read.ms,
        threadId: read.threadId,
      },
      'strategy imported',
    );
    return c.json(
      {
        strategy: strategySummary(strategy),
        facilitatorToken: token,
        links: { facilitator: strategyLink(linkOrigin(c, deps), strategy.id, token) },
      },
      201,
    );
  }

  app.post(
    IMPORT_PATH,
    bodyLimit({
      maxSize: IMPORT_MAX_BYTES,
      onError: (c) =>
        apiError(
          c,
          'payload_too_large',
          `This file is too large to import: a strategy file is at most ${IMPORT_MAX_MB} MiB`,
        ),
    }),
    async (c) => {
      if (!isJson(c.req.header('content-type')))
        return apiError(
          c,
          'bad_request',
          'Unsupported Media Type: a strategy file is sent as application/json',
        );
      const file = await readFile(c);
      if ('error' in file) return file.error;
      const { read, failure, threadId, ms } = file.answer;
      if (!read) throw new Error(`import worker: ${failure}`);
      log.info({ threadId, ms, bytes: file.size, ok: read.ok }, 'import read');
      if (!read.ok) {
        if (read.problem === 'json') return apiError(c, 'bad_request', 'The body is not valid JSON');
        if (read.problem === 'body') return apiError(c, 'bad_request', describeIssues(read.issues));
        return invalidStrategy(c, read.issues);
      }
      if (read.file)
        return importStrategyFile(c, read.file, read.plans, read.facilitatorName, { ms, threadId });
      const { strategy, plans } = read;
      const plan = plans[0];
      if (plan === undefined) throw new Error('import: no plan for the workshop');
      const created = await deps.transactions.withTransaction((tx) =>
        seedWorkshop(tx, strategy, plan, read.facilitatorName),
      );
      log.info(
        {
          workshopId: created.workshop.id,
          from: read.strategy.provenance.workshopId,
          notes: read.strategy.notes.length,
          issues: read.strategy.issues.length,
          actions: read.strategy.actions.length,
          rounds: read.strategy.rounds.length,
          formerParticipants: plan.authors.length,
          readMs: ms,
          threadId,
        },
        'workshop imported',
      );
      return c.json(createdAnswer(linkOrigin(c, deps), created), 201);
    },
  );

  return app;
}
