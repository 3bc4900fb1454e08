import { z } from 'zod';

/**
 * Where participants can open the workshop from, for the share panel's link and QR code
 * (`GET /api/share-origins`). A facilitator who opened the board on `localhost` must not hand
 * out a localhost link: the server offers its network addresses instead, or says why none.
 */
export const ShareOrigins = z.object({
  origins: z
    .array(z.string())
    .describe(
      'Bases of the links to share, best first (PUBLIC_URL as configured, path included; else origins). Empty when participants cannot reach this server.',
    ),
  source: z
    .enum(['public-url', 'request', 'network', 'none'])
    .describe(
      'public-url: PUBLIC_URL is set. request: the address the facilitator used is reachable as is. network: the facilitator used a loopback name, these are the machine’s network addresses. none: see reason.',
    ),
  reason: z
    .enum(['loopback-host', 'no-network'])
    .nullable()
    .describe(
      'Why no origin works for others: the server listens only on a loopback HOST, or the machine has no network address.',
    ),
});
export type ShareOrigins = z.infer<typeof ShareOrigins>;
