import { z } from 'zod';
import crte from './crte-indicators.json' with { type: 'json' };
import m57 from './m57-competences.json' with { type: 'json' };
import leviers from './sgpe-leviers.json' with { type: 'json' };

/*
 * The French public sector's reference lists an action sheet can be tagged with (issue 20 §3),
 * shipped as data with where they come from (docs/public-pack-sources.md) and checked when this
 * module loads: a list that does not have the expected shape stops the program at once rather
 * than tagging sheets with codes the public schemas refuse.
 */

/** Where a list was read: the repository, file and commit, so that it can be traced and refreshed. */
const Source = z.object({
  repository: z.string().min(1),
  path: z.string().min(1),
  commit: z.string().regex(/^[0-9a-f]{40}$/),
  committed: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  licence: z.string().min(1),
  title: z.string().min(1),
});
export type ReferenceSource = z.infer<typeof Source>;

/** A competence of the M57 functional nomenclature: `90-xx` (a heading) or `90-xxx` (a sub-competence). */
const Competence = z.object({
  code: z.string().regex(/^90-\d{2,3}$/),
  name: z.string().min(1),
  /** The heading it belongs to; none for a heading (code length does not say: `90-025` is one). */
  parent: z.string().optional(),
});
export type M57Competence = z.infer<typeof Competence>;

/** A lever of the national ecological planning (SGPE): its label is its key in the public schema. */
const Levier = z.object({ label: z.string().min(1), description: z.string().min(1) });
export type SgpeLevier = z.infer<typeof Levier>;

function list<T extends z.ZodTypeAny>(
  name: string,
  item: T,
  data: unknown,
  key: (value: z.infer<T>) => string,
) {
  const parsed = z.object({ source: Source, items: z.array(item).min(1) }).parse(data);
  const seen = new Set<string>();
  for (const value of parsed.items) {
    const k = key(value);
    if (seen.has(k)) throw new Error(`${name}: ${k} is listed twice`);
    seen.add(k);
  }
  return parsed as { source: ReferenceSource; items: z.infer<T>[] };
}

const competences = list('M57 competences', Competence, m57, (c) => c.code);
const codes = new Map(competences.items.map((c) => [c.code, c]));
for (const c of competences.items)
  if (c.parent !== undefined && codes.get(c.parent)?.parent !== undefined)
    throw new Error(`M57 competences: ${c.code}'s heading ${c.parent} is not a heading`);
const levers = list('SGPE levers', Levier, leviers, (l) => l.label);

/** An indicator of the CRTE list (Territoires en Transitions' referential, category `crte`). */
const CrteIndicator = z.object({
  id: z.string().regex(/^[a-z_]+[\w.]*$/),
  title: z.string().min(1),
  unit: z.string(),
  themes: z.array(z.string()),
});
export type CrteIndicator = z.infer<typeof CrteIndicator>;
const crteIndicators = list('CRTE indicators', CrteIndicator, crte, (i) => i.id);

/** The M57 competences (headings and sub-competences), in the published order. */
export const M57_COMPETENCES: readonly M57Competence[] = competences.items;
/** The 50 levers of the ecological planning, in the published order. */
export const SGPE_LEVIERS: readonly SgpeLevier[] = levers.items;
/** Where each list comes from. */
export const REFERENCE_SOURCES = {
  m57: competences.source,
  sgpe: levers.source,
  crte: crteIndicators.source,
} as const;
/** The CRTE indicators an indicator can be picked from, in the referential's order. */
export const CRTE_INDICATORS: readonly CrteIndicator[] = crteIndicators.items;

const crteIds = new Map(crteIndicators.items.map((i) => [i.id, i]));
/** The CRTE indicator of this id, if the list has it. */
export function crteIndicator(id: string): CrteIndicator | undefined {
  return crteIds.get(id);
}

/** The competence of this code, if the nomenclature has it. */
export function m57Competence(code: string): M57Competence | undefined {
  return codes.get(code);
}

const leverLabels = new Set(levers.items.map((l) => l.label));
/** Whether `label` is one of the levers, exactly as published. */
export function isSgpeLevier(label: string): boolean {
  return leverLabels.has(label);
}
