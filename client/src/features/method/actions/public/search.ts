import { M57_COMPETENCES, type M57Competence, SGPE_LEVIERS, type SgpeLevier } from '@atelier/shared';
import { matches } from '../../../../ui/textSearch';

/*
 * Searching the reference lists a sheet is tagged with, as `matches` compares: "transports
 * voyageurs", "90-82" and "9082" all find "90-82 Transports publics de voyageurs".
 */

/** A heading of the M57 nomenclature and the sub-competences shown under it. */
export interface CompetenceGroup {
  heading: M57Competence;
  children: M57Competence[];
}

const competenceTexts = (c: M57Competence) => [c.code, c.code.replace('-', ''), c.name];

/** The nomenclature as headings with their sub-competences, in the published order. */
function competenceTree(list: readonly M57Competence[]): CompetenceGroup[] {
  const groups = new Map<string, CompetenceGroup>();
  for (const c of list) if (c.parent === undefined) groups.set(c.code, { heading: c, children: [] });
  for (const c of list) if (c.parent !== undefined) groups.get(c.parent)?.children.push(c);
  return [...groups.values()];
}

const TREE = competenceTree(M57_COMPETENCES);

/**
 * The competences that match `query`, by heading: a heading that matches brings all its
 * sub-competences (the query named the whole domain); otherwise a heading is shown, as the
 * group's first choice, only when one of its sub-competences matches.
 */
export function filterCompetences(query: string, tree: readonly CompetenceGroup[] = TREE): CompetenceGroup[] {
  const out: CompetenceGroup[] = [];
  for (const group of tree) {
    if (matches(query, ...competenceTexts(group.heading))) {
      out.push(group);
      continue;
    }
    const children = group.children.filter((c) => matches(query, ...competenceTexts(c)));
    if (children.length > 0) out.push({ heading: group.heading, children });
  }
  return out;
}

/** The levers whose label matches first, then those whose description does, each in the published order. */
export function filterLevers(query: string, levers: readonly SgpeLevier[] = SGPE_LEVIERS): SgpeLevier[] {
  const byLabel = levers.filter((l) => matches(query, l.label));
  const byDescription = levers.filter((l) => !byLabel.includes(l) && matches(query, l.description));
  return [...byLabel, ...byDescription];
}
