import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import type { Context, MiddlewareHandler } from 'hono';
import { getMimeType } from 'hono/utils/mime';
import { type Encoding, negotiateEncoding, varyOnEncoding } from './compress';

export interface StaticClientOptions {
  /** Folder of the built client (index.html, assets/). */
  root: string;
  /** Source maps show the client's code as written: only on request (SERVE_SOURCEMAPS=1). */
  serveSourcemaps: boolean;
}

/** Vite names hashed files `<name>-<hash>.<ext>` under assets/: their content never changes. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html names the current hashed files: always revalidated, so a new build is picked up. */
const REVALIDATE = 'no-cache';
const SUFFIX: Record<Encoding, string> = { br: '.br', gzip: '.gz' };

interface Found {
  path: string;
  size: number;
  mtimeMs: number;
}

async function fileAt(path: string): Promise<Found | null> {
  try {
    const s = await stat(path);
    return s.isFile() ? { path, size: s.size, mtimeMs: s.mtimeMs } : null;
  } catch {
    return null;
  }
}

/**
 * Serves the built client: each file from its precompressed copy (.br, .gz written at build)
 * when the request accepts one, hashed assets cached for a year, index.html revalidated, and
 * index.html for every other path (client routes like /join/:code). Source maps and the
 * compressed copies themselves are not addressable.
 */
export function serveClient({ root, serveSourcemaps }: StaticClientOptions): MiddlewareHandler {
  const base = normalize(root);
  const index = join(base, 'index.html');
  return async function staticClient(c, next) {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    let path: string;
    try {
      path = decodeURIComponent(c.req.path);
    } catch {
      return next();
    }
    const target = normalize(join(base, path));
    const inside = target.startsWith(base + sep) && !path.includes('\0');
    const hidden = /\.(br|gz)$/.test(path) || (!serveSourcemaps && path.endsWith('.map'));
    const file = inside && !hidden ? await fileAt(target) : null;
    if (file) return send(c, file, path.startsWith('/assets/') ? IMMUTABLE : REVALIDATE);
    // A missing script or style is a 404, not the page: the browser would fail to parse it.
    if (path.startsWith('/assets/') || hidden || /\.[a-z0-9]+$/i.test(path)) return next();
    const page = await fileAt(index);
    return page ? send(c, page, REVALIDATE) : next();
  };
}

async function send(c: Context, file: Found, cacheControl: string): Promise<Response> {
  const headers = new Headers({
    'Content-Type': getMimeType(file.path) ?? 'application/octet-stream',
    'Cache-Control': cacheControl,
  });
  const variants = (['br', 'gzip'] as const).filter((e) => existsSync(file.path + SUFFIX[e]));
  if (variants.length > 0) varyOnEncoding(headers);
  const encoding = negotiateEncoding(c.req.header('Accept-Encoding'), variants);
  const served = encoding ? await fileAt(file.path + SUFFIX[encoding]) : null;
  const chosen = served ?? file;
  if (encoding && served) headers.set('Content-Encoding', encoding);
  // Weak: the same file in another encoding is the same resource.
  const etag = `W/"${file.size.toString(36)}-${Math.floor(file.mtimeMs).toString(36)}"`;
  headers.set('ETag', etag);
  if (c.req.header('If-None-Match') === etag) return new Response(null, { status: 304, headers });
  headers.set('Content-Length', String(chosen.size));
  if (c.req.method === 'HEAD') return new Response(null, { status: 200, headers });
  const body = await readFile(chosen.path);
  return new Response(body as Uint8Array<ArrayBuffer>, { status: 200, headers });
}
