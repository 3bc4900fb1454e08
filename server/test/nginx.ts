/** The test nginx (from `@atelier/testing`) and the harness's target behind it. */
import { type ClientTls, httpsFetch } from '@atelier/testing';
import type { InProcessApp } from './harness';

/**
 * A target for the harness's `api`, `createWorkshop`, `join`: requests to `baseUrl` over
 * https from `tls.localAddress`, trusting `tls.ca` (shaped like an in-process app: a URL and
 * a `request` answering a Response).
 */
export function httpsTarget(baseUrl: string, tls: ClientTls): InProcessApp {
  return { url: baseUrl, request: (input, init) => httpsFetch(input, init, tls) };
}
