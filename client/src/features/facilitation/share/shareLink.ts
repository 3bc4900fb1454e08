import { joinPath } from '../../../routing/routes';

/**
 * The participant link for `code`. Its base, in order: the share origin the facilitator uses
 * (`chosen`, from the server's `GET /api/share-origins`); else the base of the link the server
 * gave (built on PUBLIC_URL or the machine's network address), with only the code swapped, so
 * that a code changed since never leaves an old link next to the new code; else this page's
 * origin.
 */
export function participantLinkFor(
  code: string,
  given: string | null | undefined,
  origin: string,
  chosen?: string | null,
): string {
  const base = given ? /^(https?:\/\/.*)\/join\/[^/?#]+$/.exec(given)?.[1] : undefined;
  return `${chosen ?? base ?? origin}${joinPath(code)}`;
}

/** The share origin to use: the one the facilitator picked before if still offered, else the first. */
export function pickShareOrigin(origins: readonly string[], remembered: string | null): string | null {
  if (remembered && origins.includes(remembered)) return remembered;
  return origins[0] ?? null;
}

/** What a participant types in their browser's address bar: the base without its scheme. */
export function addressToType(base: string): string {
  return base.replace(/^https?:\/\//, '');
}
