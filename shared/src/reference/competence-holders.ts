import { z } from 'zod';
import type { TerritoryKind } from '../schema/enums';
import holders from './competence-holders.json' with { type: 'json' };
import { M57_COMPETENCES, m57Competence } from './lists';

/*
 * Which kinds of local authority hold each M57 competence by law (docs/public-pack-sources.md §6), so that
 * an action sheet tagged with a competence its workshop's authority does not hold can say that a partner
 * or another contracting authority is needed. Shipped as data with its sources and checked when this
 * module loads, like the lists it refers to: every code must be in the M57 nomenclature and every heading
 * must have an entry (a sub-competence without its own entry takes its heading's).
 */

/** The kinds the law names; a syndicate or an "other" body holds what its members gave it, so it is never checked. */
const LegalKind = z.enum(['municipality', 'epci', 'department', 'region']);

const Holding = z.object({
  code: z.string().regex(/^90-\d{2,3}$/),
  /** The kinds that hold it by law (a shared competence lists each of them). */
  holders: z.array(LegalKind),
  /** The kinds that may hold it by a transfer, an option or a support role: checked as "to check". */
  transferable: z.array(LegalKind),
  /** The rule, in one French sentence, shown beside the check. */
  note: z.string().min(1),
  /** Articles of law and pages or files read (docs/public-pack-sources.md §6). */
  sources: z.array(z.string().min(1)).min(1),
});
export type CompetenceHolding = z.infer<typeof Holding>;

const Source = z.object({
  title: z.string().min(1),
  read: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  references: z.array(z.string().min(1)).min(1),
});

const parsed = z.object({ source: Source, items: z.array(Holding).min(1) }).parse(holders);

const byCode = new Map<string, CompetenceHolding>();
for (const h of parsed.items) {
  if (m57Competence(h.code) === undefined)
    throw new Error(`Competence holders: ${h.code} is not an M57 code`);
  if (byCode.has(h.code)) throw new Error(`Competence holders: ${h.code} is listed twice`);
  const both = h.holders.filter((k) => h.transferable.includes(k));
  if (both.length > 0) throw new Error(`Competence holders: ${h.code} lists ${both.join(', ')} twice`);
  if (h.holders.length === 0 && h.transferable.length < LegalKind.options.length)
    throw new Error(`Competence holders: ${h.code} has no holder, so every kind must be "to check"`);
  byCode.set(h.code, h);
}
for (const c of M57_COMPETENCES)
  if (c.parent === undefined && !byCode.has(c.code))
    throw new Error(`Competence holders: heading ${c.code} has no entry`);

/** Where the holders were read. */
export const COMPETENCE_HOLDERS_SOURCE = parsed.source;

/** The entry that answers for `code`: its own, else its heading's; none for a code outside the nomenclature. */
export function competenceHolding(code: string): CompetenceHolding | undefined {
  const competence = m57Competence(code);
  if (competence === undefined) return undefined;
  return byCode.get(code) ?? (competence.parent === undefined ? undefined : byCode.get(competence.parent));
}

/**
 * Whether an authority of this kind holds the competence: `held`, `partner-required` (the UI says
 * "partenaire ou maître d'ouvrage requis"), or `to-check` when it may hold it by transfer, when the law
 * names no holder, for a syndicate or an "other" body (what they hold depends on their statutes), and for
 * a code outside the nomenclature (it cannot be checked, and a workshop screen is no place to fail).
 */
export function competenceCheck(code: string, kind: TerritoryKind): 'held' | 'partner-required' | 'to-check' {
  const holding = competenceHolding(code);
  if (holding === undefined || holding.holders.length === 0) return 'to-check';
  const legal = LegalKind.safeParse(kind);
  if (!legal.success) return 'to-check';
  if (holding.holders.includes(legal.data)) return 'held';
  if (holding.transferable.includes(legal.data)) return 'to-check';
  return 'partner-required';
}

/** The rule behind the check, in French; null for a code outside the nomenclature. */
export function competenceNote(code: string): string | null {
  return competenceHolding(code)?.note ?? null;
}
