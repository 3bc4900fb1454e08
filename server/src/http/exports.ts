import {
  ApiError,
  exportFileName,
  PackLicence,
  STRATEGY_SCHEMA_VERSION,
  Strategy,
  StrategyFile,
  StrategyPath,
  WorkshopPath,
} from '@atelier/shared';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { EXPORT_FORMAT_NAMES, EXPORT_FORMATS, STRATEGY_FILE_FORMATS } from '../export/formats';
import { APP_VERSION, type SchemaProblem } from '../export/read';
import type { ExportJob } from '../export/render';
import { BUSY_RETRY_AFTER_S, WorkPoolBusy, WorkTimeout } from '../workers/pool';
import { strategyCaller, workshopFacilitator } from './auth';
import type { AppDeps } from './deps';
import { apiError, apiErrorRetryAfter, describeIssues, issueList } from './errors';
import { jsonContent, validationHook } from './openapi';

/** The JSON Schema of the strategy object, made from the zod schema on first request (docs/strategy-schema.md). */
let strategyJsonSchema: Record<string, unknown> | undefined;
const makeStrategyJsonSchema = (): Record<string, unknown> => ({
  $id: '/api/schema/strategy.json',
  title: `Atelier strategy, schema version ${STRATEGY_SCHEMA_VERSION}`,
  description: 'A workshop’s whole outcome, as Atelier exports and imports it. See docs/strategy-schema.md.',
  ...z.toJSONSchema(Strategy, { io: 'input', unrepresentable: 'any' }),
});

let strategyFileJsonSchema: Record<string, unknown> | undefined;
const makeStrategyFileJsonSchema = (): Record<string, unknown> => ({
  $id: '/api/schema/strategy-file.json',
  title: `Atelier strategy file (several sessions), schema version ${STRATEGY_SCHEMA_VERSION}`,
  description:
    'A strategy’s sessions, each with its outcome, the final state, each item’s first and last session and the changes between sessions, as Atelier exports and imports it. See docs/strategy-schema.md.',
  ...z.toJSONSchema(StrategyFile, { io: 'input', unrepresentable: 'any' }),
});

const strategyFileSchema = createRoute({
  method: 'get',
  path: '/api/schema/strategy-file.json',
  summary: 'The JSON Schema of exported strategies of several sessions',
  description:
    'Generated from the zod schema every strategy export is validated against and every strategy import is read with (`kind: "strategy"`).',
  responses: {
    200: { description: 'A JSON Schema (draft 2020-12)', ...jsonContent(z.record(z.string(), z.unknown())) },
  },
});

const strategySchema = createRoute({
  method: 'get',
  path: '/api/schema/strategy.json',
  summary: 'The JSON Schema of exported strategies',
  description:
    'Generated from the zod schema every export is validated against and every import is read with (`schemaVersion` says which version a file follows).',
  responses: {
    200: { description: 'A JSON Schema (draft 2020-12)', ...jsonContent(z.record(z.string(), z.unknown())) },
  },
});

const ExportQuery = z.object({
  format: z.enum(EXPORT_FORMAT_NAMES).default('json'),
  /** Include participants' names (only counts by group and role otherwise). */
  names: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

const exportWorkshop = createRoute({
  method: 'get',
  path: '/api/workshops/{id}/export',
  summary: 'Export the workshop’s outcome (facilitators only)',
  description: `The whole outcome as structured strategy data, as a file named after the workshop and the day (Content-Disposition). Formats: ${EXPORT_FORMAT_NAMES.join(', ')}. Every format is written from one strategy object, validated against /api/schema/strategy.json first. People’s names are included only with names=true.`,
  security: [{ bearer: [] }],
  request: { params: WorkshopPath, query: ExportQuery },
  responses: {
    200: {
      description: 'The file',
      content: {
        'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) },
        'application/json': { schema: Strategy },
      },
    },
    400: { description: 'Invalid workshop id or query', ...jsonContent(ApiError) },
    401: { description: 'No token, or not a token of this workshop', ...jsonContent(ApiError) },
    403: { description: 'Not a facilitator', ...jsonContent(ApiError) },
    404: { description: 'Unknown workshop', ...jsonContent(ApiError) },
    503: {
      description:
        'The worker threads that write exports are all busy, or this one took too long (Retry-After)',
      ...jsonContent(ApiError),
    },
  },
});

const PackQuery = z.object({
  /** The licence the pack is published under (its descriptor's `licenses`). */
  licence: PackLicence.default('etalab-2.0'),
});

const publicPack = createRoute({
  method: 'get',
  path: '/api/workshops/{id}/public-pack',
  summary: 'Export the “Pack données publiques” (facilitators only)',
  description:
    'A zip for the public sector’s own tools (docs/public-pack.md): the action sheets as rows of the beta.gouv schema of collectivités’ ecological-transition projects (`projets-territoire.csv`), the territory as a `collectivites.csv` row, the monitoring indicators (`indicateurs.csv`, with their CRTE reference), a Territoires en Transitions plan d’action import workbook, `datapackage.json` (a Frictionless Data Package describing every CSV with its Table Schema, under the chosen licence, Licence Ouverte / Etalab 2.0 by default) and the data card `LISEZMOI.md`. Never any personal data: no names, no contributions, no referent’s contact.',
  security: [{ bearer: [] }],
  request: { params: WorkshopPath, query: PackQuery },
  responses: {
    200: {
      description: 'The zip',
      content: { 'application/zip': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    400: { description: 'Invalid workshop id or licence', ...jsonContent(ApiError) },
    401: { description: 'No token, or not a token of this workshop', ...jsonContent(ApiError) },
    403: { description: 'Not a facilitator', ...jsonContent(ApiError) },
    404: { description: 'Unknown workshop', ...jsonContent(ApiError) },
    500: { description: 'The workshop holds data the strategy schema refuses', ...jsonContent(ApiError) },
    503: {
      description:
        'The worker threads that write exports are all busy, or this one took too long (Retry-After)',
      ...jsonContent(ApiError),
    },
  },
});

const exportStrategy = createRoute({
  method: 'get',
  path: '/api/strategies/{id}/export',
  summary: 'Export a strategy: all its sessions (strategy token)',
  description: `The strategy’s file, named after the strategy and the day (Content-Disposition): every session (id, index, title, day, steps, participation, its whole outcome), the final state (the last session’s outcome), each note’s, issue’s, axis’s, sheet’s, partner’s and indicator’s first and last session, and what changed from each session to the next. Formats: ${EXPORT_FORMAT_NAMES.join(', ')}, as for a workshop: json (validated against /api/schema/strategy-file.json first), the spreadsheets (sessions, traceability and changes, then the final state’s tables) and the report (sessions, the final state’s report, the changes). People’s names only with names=true.`,
  security: [{ bearer: [] }],
  request: { params: StrategyPath, query: ExportQuery },
  responses: {
    200: {
      description: 'The file',
      content: {
        'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) },
        'application/json': { schema: StrategyFile },
      },
    },
    400: { description: 'Invalid strategy id or query', ...jsonContent(ApiError) },
    401: { description: 'No token, or not this strategy’s facilitator token', ...jsonContent(ApiError) },
    404: { description: 'Unknown strategy, or it has no session', ...jsonContent(ApiError) },
    429: { description: 'Too many exports from this address', ...jsonContent(ApiError) },
    500: { description: 'A session holds data the strategy schema refuses', ...jsonContent(ApiError) },
    503: {
      description:
        'The worker threads that write exports are all busy, or this one took too long (Retry-After)',
      ...jsonContent(ApiError),
    },
  },
});

/** The strategy schema, and the workshop's outcome in every format. */
export function exportRoutes(deps: AppDeps) {
  const { workshops, strategies, strategyStore, journal, log, metrics, exporter } = deps;
  const app = new OpenAPIHono({ defaultHook: validationHook });

  app.openapi(strategySchema, async (c) => {
    strategyJsonSchema ??= makeStrategyJsonSchema();
    return c.json(strategyJsonSchema as Record<string, never>, 200);
  });

  app.openapi(strategyFileSchema, async (c) => {
    strategyFileJsonSchema ??= makeStrategyFileJsonSchema();
    return c.json(strategyFileJsonSchema as Record<string, never>, 200);
  });

  app.openapi(exportStrategy, async (c) => {
    const { id } = c.req.valid('param');
    const { format, names } = c.req.valid('query');
    const caller = await strategyCaller(c, strategyStore, id);
    if (caller.error) return caller.error;
    const started = performance.now();
    // Taken of the rooms and the store here; read, validated and written in a worker thread.
    const sessions: Extract<ExportJob, { kind: 'strategy' }>['sessions'] = [];
    let by: { id: string; name: string } | undefined;
    for (const session of await strategyStore.sessions(id)) {
      const workshop = await workshops.get(session.workshopId);
      const facilitator = (await workshops.participants(session.workshopId)).find(
        (p) => p.id === session.facilitatorId,
      );
      if (!workshop || !facilitator) continue;
      by = { id: facilitator.id, name: facilitator.name };
      sessions.push({
        id: workshop.id,
        title: workshop.title,
        date: session.date ?? workshop.createdAt.slice(0, 10),
        // Each session read as its own export (the strategy's facilitator in it exporting it).
        session: await strategies.capture(workshop, facilitator, { includeNames: names }),
        // Who and when for the changes from the session before to this one.
        journal: await journal.read(workshop.id),
      });
    }
    if (!by) return apiError(c, 'not_found', 'This strategy has no session to export yet');
    const { strategy } = caller;
    const exportedAt = new Date();
    const written = await write(c, {
      kind: 'strategy',
      format,
      strategy: {
        id: strategy.id,
        title: strategy.title,
        territory: strategy.territory,
        locale: strategy.locale,
      },
      sessions,
      exportedBy: by,
      exportedAt,
      appVersion: APP_VERSION,
    });
    if ('error' in written) return written.error;
    const { bytes, problems, threadId, ms } = written;
    if (problems) return refused(c, problems, { strategyId: id });
    const writer = STRATEGY_FILE_FORMATS[format];
    metrics?.exported(format, (performance.now() - started) / 1000);
    const fileName = exportFileName(strategy.title, exportedAt, writer.extension);
    log.info(
      { strategyId: id, sessions: sessions.length, format, bytes: bytes.byteLength, threadId, ms },
      'strategy exported',
    );
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': writer.contentType,
      'Content-Disposition': `attachment; filename="${fileName}"`,
      'Cache-Control': 'no-store',
    }) as never;
  });

  /** The export written in a worker thread, or the 503 answer when the pool is busy or it took too long. */
  async function write(c: Context, job: ExportJob) {
    try {
      const { result, threadId, ms } = await exporter.exportFile(job);
      return { ...result, threadId, ms };
    } catch (error) {
      if (!(error instanceof WorkPoolBusy || error instanceof WorkTimeout)) throw error;
      log.warn(
        { format: job.kind === 'pack' ? 'pack' : job.format, reason: error.message },
        'export not written',
      );
      const message =
        error instanceof WorkTimeout
          ? 'Writing this export took too long: try again in a moment'
          : 'The server is busy with other exports or imports: try again in a few seconds';
      return { error: apiErrorRetryAfter(c, 'server_busy', message, BUSY_RETRY_AFTER_S) };
    }
  }

  /** A 500 for documents the schema refuses: an export never sends a file that breaks its schema. */
  function refused(c: Context, problems: readonly SchemaProblem[], about: Record<string, string>) {
    log.error(
      { requestId: c.get('requestId'), ...about, problems: issueList(problems).slice(0, 20) },
      'export refused by the strategy schema',
    );
    return apiError(
      c,
      'internal',
      `The data holds what the strategy schema refuses, so it cannot be exported: ${describeIssues(problems.slice(0, 3))}`,
      issueList(problems),
    );
  }

  app.openapi(publicPack, async (c) => {
    const { id } = c.req.valid('param');
    const { licence } = c.req.valid('query');
    const caller = await workshopFacilitator(c, workshops, id, 'Only facilitators can export the workshop');
    if (caller.error) return caller.error;
    const started = performance.now();
    const session = await strategies.capture(caller.workshop, caller.you, { includeNames: false });
    const written = await write(c, { kind: 'pack', licence, session });
    if ('error' in written) return written.error;
    const { bytes, problems, threadId, ms } = written;
    if (problems) return refused(c, problems, { workshopId: id });
    metrics?.exported('pack', (performance.now() - started) / 1000);
    const fileName = exportFileName(caller.workshop.title, session.exportedAt, 'zip').replace(
      /^atelier-/,
      'pack-donnees-publiques-',
    );
    log.info(
      { workshopId: id, by: caller.you.id, licence, bytes: bytes.byteLength, threadId, ms },
      'public pack exported',
    );
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="${fileName}"`,
      'Cache-Control': 'no-store',
    }) as never;
  });

  app.openapi(exportWorkshop, async (c) => {
    const { id } = c.req.valid('param');
    const { format, names } = c.req.valid('query');
    const caller = await workshopFacilitator(c, workshops, id, 'Only facilitators can export the workshop');
    if (caller.error) return caller.error;
    const started = performance.now();
    const session = await strategies.capture(caller.workshop, caller.you, { includeNames: names });
    const written = await write(c, { kind: 'workshop', format, session });
    if ('error' in written) return written.error;
    const { bytes, problems, threadId, ms } = written;
    if (problems) {
      log.error(
        { requestId: c.get('requestId'), workshopId: id, problems: issueList(problems).slice(0, 20) },
        'export refused by the strategy schema',
      );
      return apiError(
        c,
        'internal',
        `The workshop holds data the strategy schema refuses, so it cannot be exported: ${describeIssues(problems.slice(0, 3))}`,
        issueList(problems),
      );
    }
    const writer = EXPORT_FORMATS[format];
    metrics?.exported(format, (performance.now() - started) / 1000);
    const fileName = exportFileName(caller.workshop.title, session.exportedAt, writer.extension);
    log.info(
      { workshopId: id, by: caller.you.id, format, bytes: bytes.byteLength, threadId, ms },
      'workshop exported',
    );
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': writer.contentType,
      'Content-Disposition': `attachment; filename="${fileName}"`,
      'Cache-Control': 'no-store',
    }) as never;
  });

  return app;
}
