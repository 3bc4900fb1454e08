import { uuidv4 } from 'lib0/random';
import * as Y from 'yjs';
import { z } from 'zod';
import { actionsMap } from './actions';
import { BOARD_ROOTS } from './layout';
import { LOCAL_ORIGIN } from './origins';
import { replaceText } from './text';

/**
 * Step 5 (partnerships): the stakeholders of each action sheet (French: partenaires), each a
 * `Y.Map` in the board's `partners` root keyed by id, naming its sheet in `action`. A sheet
 * keeps no list of its partners, so deleting a sheet leaves its partners in place: readers
 * return them all and the views show those whose sheet is gone as orphans ("Fiche
 * supprimée"), where they can be attached to another sheet or removed. Nothing disappears
 * with a sheet, and undoing the sheet's deletion brings them back under it.
 *
 * The partnership process of each sheet (French: démarche partenariale) is in `process.ts`.
 */

/** Field names of a partner's `Y.Map`. */
export const PARTNER_FIELDS = {
  id: 'id',
  /** Action sheet id. */
  action: 'action',
  /** `Y.Text`: collaborative. */
  name: 'name',
  /** `StakeholderKind`. */
  kind: 'kind',
  /** `Y.Text`: collaborative. What the stakeholder brings or does in the action. */
  role: 'role',
  /** `Y.Text`: collaborative, may be empty. A person, an email, a phone number. */
  contact: 'contact',
  createdAt: 'createdAt',
} as const;

/** Kinds of stakeholders (French: société civile / association, PME, industriel, start-up, acteur public, recherche / université, autre). */
export const STAKEHOLDER_KINDS = [
  'civil-society',
  'sme',
  'manufacturer',
  'startup',
  'public-body',
  'research',
  'other',
] as const;
export const StakeholderKind = z.enum(STAKEHOLDER_KINDS);
export type StakeholderKind = z.infer<typeof StakeholderKind>;

/** A partner's prose fields, each a `Y.Text` under its own name. */
export const PARTNER_TEXT_FIELDS = ['name', 'role', 'contact'] as const;
export type PartnerTextField = (typeof PARTNER_TEXT_FIELDS)[number];

export const PARTNER_TEXT_LIMITS: Readonly<Record<PartnerTextField, number>> = {
  name: 160,
  role: 500,
  contact: 200,
};

/**
 * A partner's text as typed (not trimmed: a field bound to the text must be able to hold a
 * trailing space while the person types); the name must not be blank.
 */
export const PARTNER_TEXT: Readonly<Record<PartnerTextField, z.ZodType<string, string>>> = {
  name: z
    .string()
    .max(PARTNER_TEXT_LIMITS.name, `A name has at most ${PARTNER_TEXT_LIMITS.name} characters`)
    .refine((s) => s.trim() !== '', 'A stakeholder needs a name'),
  role: z.string().max(PARTNER_TEXT_LIMITS.role, `A role has at most ${PARTNER_TEXT_LIMITS.role} characters`),
  contact: z
    .string()
    .max(PARTNER_TEXT_LIMITS.contact, `A contact has at most ${PARTNER_TEXT_LIMITS.contact} characters`),
};

/** What `addPartner` takes: texts are trimmed. */
export const PartnerInput = z.object({
  action: z.string().min(1).max(64),
  name: z.string().trim().pipe(PARTNER_TEXT.name),
  kind: StakeholderKind,
  role: z.string().trim().pipe(PARTNER_TEXT.role).default(''),
  contact: z.string().trim().pipe(PARTNER_TEXT.contact).default(''),
});
export type PartnerInput = z.input<typeof PartnerInput>;

/** What `updatePartner` takes: any of the fields; texts are stored as given. */
export const PartnerPatch = z
  .object({
    action: z.string().min(1).max(64),
    name: PARTNER_TEXT.name,
    kind: StakeholderKind,
    role: PARTNER_TEXT.role,
    contact: PARTNER_TEXT.contact,
  })
  .partial()
  .strict();
export type PartnerPatch = z.input<typeof PartnerPatch>;

/** A partner as the rest of the app sees it: a plain snapshot of its `Y.Map`. */
export interface Partner {
  id: string;
  action: string;
  name: string;
  kind: StakeholderKind;
  role: string;
  /** `''` when none was given. */
  contact: string;
  createdAt: number;
}

export function partnersMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(BOARD_ROOTS.partners);
}

function partnerMap(doc: Y.Doc, id: string): Y.Map<unknown> {
  const map = partnersMap(doc).get(id);
  if (!(map instanceof Y.Map)) throw new Error(`No partner ${id}`);
  return map;
}

/** The `Y.Text` of a partner's text field (what an input binds to). */
export function partnerText(doc: Y.Doc, id: string, field: PartnerTextField): Y.Text {
  const text = partnerMap(doc, id).get(field);
  if (!(text instanceof Y.Text)) throw new Error(`Partner field ${field} is not text`);
  return text;
}

/** Throws unless `action` is an action sheet of this board. */
export function requireAction(doc: Y.Doc, action: string): void {
  if (!(actionsMap(doc).get(action) instanceof Y.Map)) throw new Error(`No action sheet ${action}`);
}

/** Reads one partner's `Y.Map`; `null` when it is not a well-formed partner. */
export function readPartner(map: Y.Map<unknown>): Partner | null {
  const id = map.get(PARTNER_FIELDS.id);
  const action = map.get(PARTNER_FIELDS.action);
  const name = map.get(PARTNER_FIELDS.name);
  if (typeof id !== 'string' || typeof action !== 'string' || !(name instanceof Y.Text)) return null;
  const role = map.get(PARTNER_FIELDS.role);
  const contact = map.get(PARTNER_FIELDS.contact);
  const kind = StakeholderKind.safeParse(map.get(PARTNER_FIELDS.kind));
  const createdAt = map.get(PARTNER_FIELDS.createdAt);
  return {
    id,
    action,
    name: name.toString(),
    kind: kind.success ? kind.data : 'other',
    role: role instanceof Y.Text ? role.toString() : '',
    contact: contact instanceof Y.Text ? contact.toString() : '',
    createdAt: typeof createdAt === 'number' ? createdAt : 0,
  };
}

/**
 * Every well-formed partner of the board, in the order they were added, including those
 * whose action sheet was deleted (compare `action` with the sheets to find them).
 */
export function readPartners(doc: Y.Doc): Partner[] {
  const out: Partner[] = [];
  for (const map of partnersMap(doc).values()) {
    const partner = readPartner(map);
    if (partner) out.push(partner);
  }
  return out.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Adds a stakeholder to an action sheet and returns its id; throws (zod) on bad input or an unknown sheet. */
export function addPartner(
  doc: Y.Doc,
  input: PartnerInput,
  id: string = uuidv4(),
  now: number = Date.now(),
): string {
  const partner = PartnerInput.parse(input);
  requireAction(doc, partner.action);
  if (partnersMap(doc).has(id)) throw new Error(`Partner ${id} exists already`);
  doc.transact(
    () => partnersMap(doc).set(id, newPartnerMap({ id, ...partner, createdAt: now })),
    LOCAL_ORIGIN,
  );
  return id;
}

/** A new partner's `Y.Map` holding `partner` (to be set in the partners root, in a transaction). */
export function newPartnerMap(partner: Partner): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  map.set(PARTNER_FIELDS.id, partner.id);
  map.set(PARTNER_FIELDS.action, partner.action);
  for (const field of PARTNER_TEXT_FIELDS) map.set(field, new Y.Text(partner[field]));
  map.set(PARTNER_FIELDS.kind, partner.kind);
  map.set(PARTNER_FIELDS.createdAt, partner.createdAt);
  return map;
}

/**
 * Changes some of a partner's fields in one transaction. Texts are written as the smallest
 * diff into their `Y.Text` (so they merge with what others type) and are not trimmed; a new
 * `action` attaches the partner to another sheet, which must exist. Throws (zod) on bad
 * input, changing nothing.
 */
export function updatePartner(doc: Y.Doc, id: string, patch: PartnerPatch): void {
  const next = PartnerPatch.parse(patch);
  const map = partnerMap(doc, id);
  if (next.action !== undefined) requireAction(doc, next.action);
  const texts = PARTNER_TEXT_FIELDS.flatMap((field) => {
    const value = next[field];
    return value === undefined ? [] : [[field, value] as const];
  });
  doc.transact(() => {
    if (next.action !== undefined) map.set(PARTNER_FIELDS.action, next.action);
    if (next.kind !== undefined) map.set(PARTNER_FIELDS.kind, next.kind);
    for (const [field, value] of texts) {
      const text = map.get(field);
      if (text instanceof Y.Text) replaceText(text, value);
      else map.set(field, new Y.Text(value));
    }
  }, LOCAL_ORIGIN);
}

/** Removes a partner (undoable like every command). */
export function removePartner(doc: Y.Doc, id: string): void {
  partnerMap(doc, id);
  doc.transact(() => partnersMap(doc).delete(id), LOCAL_ORIGIN);
}
