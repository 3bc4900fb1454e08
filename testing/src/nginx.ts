/**
 * Debian's nginx in front of a test server, with the site file shipped in deploy/nginx, as
 * shipped: only its lines marked «SET» (host name, certificate, upstream port, listen
 * addresses) are rewritten, every other line is kept verbatim. Plus an HTTPS client that
 * trusts the test certificate and can speak from another loopback address. Used by the server's
 * deployment and failover tests and by the browser journey through a cluster (e2e).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createServer } from 'node:net';
import path from 'node:path';
import { repoRoot } from './build';
import { waitFor, withTimeout } from './wait';

export const NGINX = '/usr/sbin/nginx';
export const SHIPPED_SITE = path.join(repoRoot, 'deploy/nginx/atelier.conf');

export interface SiteValues {
  serverName: string;
  certificate: string;
  certificateKey: string;
  /** The nodes' ports: the upstream's `server` line, repeated for each (a cluster). */
  upstreamPorts: readonly number[];
  httpPort: number;
  httpsPort: number;
}

/**
 * The shipped site with `values` on its «SET» lines. IPv6 listens are dropped (loopback only,
 * and CI containers may have no IPv6). Throws on a «SET» line it does not know, so a change to
 * the shipped file cannot leave a production value in the tested one unnoticed.
 */
export function renderSite(shipped: string, values: SiteValues): string {
  const rules: [RegExp, string | null][] = [
    [
      /^(\s*)server 127\.0\.0\.1:\d+;/,
      values.upstreamPorts.map((port) => `$1server 127.0.0.1:${port};`).join('\n'),
    ],
    [/^(\s*)listen 80;/, `$1listen 127.0.0.1:${values.httpPort};`],
    [/^(\s*)listen 443 ssl http2;/, `$1listen 127.0.0.1:${values.httpsPort} ssl http2;`],
    [/^\s*listen \[::\]:\d+( ssl http2)?;/, null],
    [/^(\s*)server_name \S+;/, `$1server_name ${values.serverName};`],
    [/^(\s*)ssl_certificate(\s+)\S+;/, `$1ssl_certificate$2${values.certificate};`],
    [/^(\s*)ssl_certificate_key(\s+)\S+;/, `$1ssl_certificate_key$2${values.certificateKey};`],
  ];
  const lines: string[] = [];
  for (const line of shipped.split('\n')) {
    // A directive followed by its `# «SET»` comment (comment lines may name the mark).
    if (!/^\s*[^#\s].*#\s*«SET»/.test(line)) {
      lines.push(line);
      continue;
    }
    const rule = rules.find(([pattern]) => pattern.test(line));
    if (!rule) throw new Error(`renderSite: no rule for the «SET» line "${line.trim()}"`);
    const [pattern, replacement] = rule;
    if (replacement !== null) lines.push(line.replace(pattern, replacement));
  }
  return lines.join('\n');
}

/** `count` TCP ports free on 127.0.0.1 right now (the system's choice, released at once). */
export async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<ReturnType<typeof createServer>>((resolve, reject) => {
          const server = createServer();
          server.once('error', reject);
          server.listen(0, '127.0.0.1', () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((server) => {
    const address = server.address();
    return typeof address === 'object' && address ? address.port : 0;
  });
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

/** A self-signed certificate for `localhost` and 127.0.0.1, made with openssl in `dir`. */
export async function selfSignedCertificate(
  dir: string,
): Promise<{ certificate: string; key: string; pem: string }> {
  const certificate = path.join(dir, 'cert.pem');
  const key = path.join(dir, 'key.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
      '-keyout',
      key,
      '-out',
      certificate,
    ],
    { stdio: 'pipe' },
  );
  return { certificate, key, pem: await readFile(certificate, 'utf8') };
}

export interface RunningNginx {
  httpPort: number;
  httpsPort: number;
  /** nginx's error log so far. */
  errorLog(): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Runs nginx in the foreground (`daemon off`) as a child process, with a minimal nginx.conf in
 * `dir` (pid, logs and temporary files there) that includes the rendered site, and waits until
 * it answers on its HTTPS port. Fails with how to install nginx when it is missing.
 */
export async function startNginx(dir: string, values: SiteValues, ca: string): Promise<RunningNginx> {
  if (!existsSync(NGINX)) {
    throw new Error(
      `${NGINX} is missing: the deployment test runs Debian's nginx in front of the server with deploy/nginx/atelier.conf. Install it: sudo apt-get install -y nginx (or nginx-light); .ci/run does this on CI.`,
    );
  }
  const { httpPort, httpsPort } = values;
  const site = path.join(dir, 'atelier.conf');
  await writeFile(site, renderSite(await readFile(SHIPPED_SITE, 'utf8'), values));
  const errorLog = path.join(dir, 'error.log');
  const temp = (name: string) => path.join(dir, `${name}-temp`);
  // As root (CI), nginx's workers would switch to `nobody`, which cannot write the 0700 temp dir.
  const user = process.getuid?.() === 0 ? 'user root;\n' : '';
  await writeFile(
    path.join(dir, 'nginx.conf'),
    `${user}daemon off;
worker_processes 1;
pid ${path.join(dir, 'nginx.pid')};
error_log ${errorLog} info;
events { worker_connections 256; }
http {
  access_log ${path.join(dir, 'access.log')};
  client_body_temp_path ${temp('body')};
  proxy_temp_path ${temp('proxy')};
  fastcgi_temp_path ${temp('fastcgi')};
  uwsgi_temp_path ${temp('uwsgi')};
  scgi_temp_path ${temp('scgi')};
  include ${site};
}
`,
  );
  const child: ChildProcess = spawn(NGINX, ['-p', dir, '-e', errorLog, '-c', path.join(dir, 'nginx.conf')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  const readErrorLog = () => readFile(errorLog, 'utf8').catch(() => '');
  const stop = async () => {
    if (!exited) child.kill('SIGTERM');
    await withTimeout(exit, 'nginx to exit', 5000);
  };
  try {
    await waitFor(async () => {
      if (exited) throw new Error(`nginx exited: ${output}${await readErrorLog()}`);
      const answer = await httpsFetch(`https://127.0.0.1:${httpsPort}/healthz`, {}, { ca });
      return answer.status === 200;
    }, `nginx to answer /healthz on https://127.0.0.1:${httpsPort}`);
  } catch (error) {
    await stop().catch(() => {});
    throw new Error(
      `${error instanceof Error ? error.message : String(error)}\n${output}${await readErrorLog()}`,
    );
  }
  return { httpPort, httpsPort, errorLog: readErrorLog, stop };
}

export interface ClientTls {
  /** The certificate to trust (the test's self-signed one). */
  ca?: string;
  /** Local address to connect from (127.0.0.2, … are this machine too). */
  localAddress?: string;
}

/** `fetch` over node's http/https, which can trust a given certificate and bind a local address. */
export function httpsFetch(url: string, init: RequestInit = {}, tls: ClientTls = {}): Promise<Response> {
  const target = new URL(url);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const headers: Record<string, string> = {};
  new Headers(init.headers ?? {}).forEach((value, name) => {
    headers[name] = value;
  });
  const body = init.body === undefined || init.body === null ? undefined : String(init.body);
  return new Promise<Response>((resolve, reject) => {
    const req = send(
      target,
      {
        method: init.method ?? 'GET',
        headers,
        ...(tls.ca === undefined ? {} : { ca: tls.ca }),
        ...(tls.localAddress === undefined ? {} : { localAddress: tls.localAddress }),
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          const bodyless = status === 204 || status === 304;
          resolve(
            new Response(bodyless ? null : Buffer.concat(chunks), {
              status,
              headers: toHeaders(res.headers),
            }),
          );
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function toHeaders(incoming: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  return headers;
}
