import { joinPath } from '../../app/routes';

/**
 * The participant link for `code`. A link the server gave (built on its PUBLIC_URL) keeps its
 * base and only gets the code swapped, so that a code changed since (here or by another
 * facilitator) never leaves an old link and QR code next to the new code. Without one, the
 * link is on this page's origin.
 */
export function participantLinkFor(code: string, given: string | null | undefined, origin: string): string {
  const base = given ? /^(https?:\/\/.*)\/join\/[^/?#]+$/.exec(given)?.[1] : undefined;
  return `${base ?? origin}${joinPath(code)}`;
}
