import { ApiError, exportFileName, STRATEGY_SCHEMA_VERSION, Strategy, WorkshopPath } from '@atelier/shared';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { EXPORT_FORMAT_NAMES, EXPORT_FORMATS } from '../export/formats';
import { workshopFacilitator } from './auth';
import type { AppDeps } from './deps';
import { apiError, describeIssues, issueList } from './errors';
import { jsonContent, validationHook } from './openapi';

/** The JSON Schema of the strategy object, made from the zod schema on first request (docs/strategy-schema.md). */
let strategyJsonSchema: Record<string, unknown> | undefined;
const makeStrategyJsonSchema = (): Record<string, unknown> => ({
  $id: '/api/schema/strategy.json',
  title: `Atelier strategy, schema version ${STRATEGY_SCHEMA_VERSION}`,
  description: 'A workshop’s whole outcome, as Atelier exports and imports it. See docs/strategy-schema.md.',
  ...z.toJSONSchema(Strategy, { io: 'input', unrepresentable: 'any' }),
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
  },
});

/** The strategy schema, and the workshop's outcome in every format. */
export function exportRoutes(deps: AppDeps) {
  const { workshops, strategies, log, metrics } = deps;
  const app = new OpenAPIHono({ defaultHook: validationHook });

  app.openapi(strategySchema, (c) => {
    strategyJsonSchema ??= makeStrategyJsonSchema();
    return c.json(strategyJsonSchema as Record<string, never>, 200);
  });

  app.openapi(exportWorkshop, async (c) => {
    const { id } = c.req.valid('param');
    const { format, names } = c.req.valid('query');
    const caller = workshopFacilitator(c, workshops, id, 'Only facilitators can export the workshop');
    if (caller.error) return caller.error;
    const started = performance.now();
    const { strategy, problems } = strategies.read(caller.workshop, caller.you, { includeNames: names });
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
    const bytes = await writer.write(strategy);
    metrics?.exported(format, (performance.now() - started) / 1000);
    const fileName = exportFileName(
      caller.workshop.title,
      new Date(strategy.provenance.exportedAt),
      writer.extension,
    );
    log.info({ workshopId: id, by: caller.you.id, format, bytes: bytes.byteLength }, 'workshop exported');
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': writer.contentType,
      'Content-Disposition': `attachment; filename="${fileName}"`,
      'Cache-Control': 'no-store',
    }) as never;
  });

  return app;
}
