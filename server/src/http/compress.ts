import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Context, MiddlewareHandler } from 'hono';

export type Encoding = 'br' | 'gzip';

/**
 * The best encoding the request's Accept-Encoding allows among `available` (br before gzip),
 * or null for the identity. `q=0` refuses an encoding; `*` stands for any one not named.
 */
export function negotiateEncoding(
  header: string | undefined,
  available: readonly Encoding[] = ['br', 'gzip'],
): Encoding | null {
  if (!header) return null;
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    weights.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  for (const encoding of available) {
    const weight = weights.get(encoding) ?? weights.get('*') ?? 0;
    if (weight > 0) return encoding;
  }
  return null;
}

/** Content types that shrink: the client's text, API answers, the exports' json and md. */
export function isCompressible(contentType: string | null): boolean {
  if (!contentType) return false;
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return (
    type.startsWith('text/') ||
    type === 'application/json' ||
    type === 'application/javascript' ||
    type === 'application/manifest+json' ||
    type === 'image/svg+xml'
  );
}

/** Below this, compressing costs more than it saves. */
const MIN_BYTES = 1024;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Adds `Accept-Encoding` to Vary, keeping what was there. */
export function varyOnEncoding(headers: Headers): void {
  const vary = headers.get('Vary');
  if (!vary) headers.set('Vary', 'Accept-Encoding');
  else if (!/accept-encoding/i.test(vary)) headers.set('Vary', `${vary}, Accept-Encoding`);
}

/**
 * Compresses text answers made at request time (JSON, Markdown, HTML) with br or gzip when the
 * request accepts it, off the event loop (zlib's thread pool). Answers already encoded (the
 * client's precompressed files) and binary formats (xlsx, docx, zip, png) pass as they are.
 * WebSocket upgrades never reach Hono, so they are untouched.
 */
export function compressAnswers(): MiddlewareHandler {
  return async function compress(c, next) {
    await next();
    const res = c.res;
    if (c.req.method === 'HEAD' || !res.body || res.status === 204 || res.status === 304) return;
    if (res.headers.has('Content-Encoding') || !isCompressible(res.headers.get('Content-Type'))) return;
    if (/no-transform/i.test(res.headers.get('Cache-Control') ?? '')) return;
    const body = new Uint8Array(await res.arrayBuffer());
    const headers = new Headers(res.headers);
    const encoding = body.byteLength >= MIN_BYTES ? negotiateEncoding(c.req.header('Accept-Encoding')) : null;
    if (body.byteLength >= MIN_BYTES) varyOnEncoding(headers);
    let out: Uint8Array = body;
    if (encoding === 'br') {
      // Quality 5: most of the gain of 11 at a small fraction of its time, for answers made per request.
      out = await brotli(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 5,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
        },
      });
    } else if (encoding === 'gzip') out = await gzipAsync(body, { level: 6 });
    if (encoding) headers.set('Content-Encoding', encoding);
    headers.set('Content-Length', String(out.byteLength));
    replaceAnswer(c, new Response(out as Uint8Array<ArrayBuffer>, { status: res.status, headers }));
  };
}

/** Hono copies the old answer's headers onto a new one (Content-Length too): start from none. */
function replaceAnswer(c: Context, res: Response): void {
  c.res = undefined as unknown as Response;
  c.res = res;
}
