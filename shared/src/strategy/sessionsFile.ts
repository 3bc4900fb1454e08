import { z } from 'zod';
import { IsoDate } from '../doc/actions';
import { Territory } from '../schema/api';
import { Locale, Step } from '../schema/enums';
import {
  CHANGE_COLLECTIONS,
  type ChangeCollection,
  type JournalEdit,
  StrategyChanges,
  strategyChanges,
} from './changes';
import {
  EntityId,
  STRATEGY_SCHEMA_MINOR,
  STRATEGY_SCHEMA_VERSION,
  Strategy,
  StrategyParticipation,
} from './schema';

/**
 * The file of a whole strategy (several sessions), `kind: "strategy"`: every session with its
 * outcome, the final state, each item's first and last session, and what changed between
 * consecutive sessions. Documented in docs/strategy-schema.md ("A strategy's sessions"); served
 * as JSON Schema at `GET /api/schema/strategy-file.json`. A workshop's file (schema.ts) has no
 * `kind`, so the two never read as each other. Same versions as the workshop's file: a session's
 * outcome is one.
 */
export const STRATEGY_FILE_KIND = 'strategy';

const Instant = z.iso.datetime({ offset: true });
const SessionIndex = z.number().int().positive();

export const StrategyFileSession = z.object({
  /** The session's workshop id. */
  id: EntityId,
  /** 1 for the first session. */
  index: SessionIndex,
  title: z.string().max(200),
  /** The planned day, else the day it was created. */
  date: IsoDate,
  /** The method's steps it walked through. */
  steps: z.array(Step).min(1),
  /** Who took part in that session (names only when the export includes them). */
  participation: StrategyParticipation,
  /** The session's whole outcome, as a workshop's export gives it. */
  outcome: Strategy,
});
export type StrategyFileSession = z.infer<typeof StrategyFileSession>;

/** An item (note, issue…) seen in some session, by id: in which sessions it first and last was. */
export const ItemSpan = z.object({
  id: EntityId,
  /** Its text or title in the last session that has it. */
  label: z.string(),
  firstSession: SessionIndex,
  lastSession: SessionIndex,
});
export type ItemSpan = z.infer<typeof ItemSpan>;

export const SessionChanges = z.object({ from: SessionIndex, to: SessionIndex, changes: StrategyChanges });
export type SessionChanges = z.infer<typeof SessionChanges>;

const StrategyFileShape = z.object({
  kind: z.literal(STRATEGY_FILE_KIND),
  schemaVersion: z.literal(STRATEGY_SCHEMA_VERSION),
  schemaMinor: z.number().int().nonnegative().optional(),
  strategy: z.object({
    id: EntityId,
    title: z
      .string()
      .max(200)
      .refine((s) => s.trim() !== '', 'A strategy needs a title'),
    territory: Territory,
    locale: Locale,
  }),
  /** In order, 1 first. */
  sessions: z.array(StrategyFileSession).min(1).max(100),
  /** The last session's outcome: where the strategy stands. */
  final: Strategy,
  /** Every item any session holds, per collection, in order of first appearance. */
  items: z.object(
    Object.fromEntries(CHANGE_COLLECTIONS.map((c) => [c, z.array(ItemSpan)])) as Record<
      ChangeCollection,
      z.ZodArray<typeof ItemSpan>
    >,
  ),
  /** What changed from each session to the next (`strategyChanges`, changes.ts). */
  changes: z.array(SessionChanges),
  provenance: z.object({
    exportedAt: Instant,
    exportedBy: z.object({ id: EntityId, name: z.string().max(60) }),
    strategyId: EntityId,
    app: z.literal('Atelier'),
    appVersion: z.string().max(40),
  }),
});

/** A strategy's file; its sessions are numbered 1, 2, 3… with distinct ids. */
export const StrategyFile = StrategyFileShape.superRefine((file, ctx) => {
  const ids = new Set<string>();
  file.sessions.forEach((session, i) => {
    if (session.index !== i + 1)
      ctx.addIssue({ code: 'custom', path: ['sessions', i, 'index'], message: `Expected session ${i + 1}` });
    if (ids.has(session.id))
      ctx.addIssue({ code: 'custom', path: ['sessions', i, 'id'], message: `Duplicate id ${session.id}` });
    ids.add(session.id);
  });
});
export type StrategyFile = z.infer<typeof StrategyFile>;

/** What the file is built from: the strategy and its sessions' outcomes, in order. */
export interface StrategyFileSource {
  strategy: { id: string; title: string; territory: Territory; locale: Locale };
  /** `journal`: the session's edit journal, who and when for the changes that lead to it (none: unknown). */
  sessions: readonly {
    id: string;
    title: string;
    date: string;
    outcome: Strategy;
    journal?: readonly JournalEdit[];
  }[];
  exportedBy: { id: string; name: string };
  exportedAt: Date;
  appVersion: string;
}

/** The strategy's file from its sessions' outcomes (each a workshop's strategy object). Pure. */
export function buildStrategyFile(source: StrategyFileSource): StrategyFile {
  const outcomes = source.sessions.map((s) => s.outcome);
  const final = outcomes.at(-1);
  if (!final) throw new Error('A strategy file needs a session');
  return {
    kind: STRATEGY_FILE_KIND,
    schemaVersion: STRATEGY_SCHEMA_VERSION,
    schemaMinor: STRATEGY_SCHEMA_MINOR,
    strategy: {
      id: source.strategy.id,
      title: source.strategy.title,
      territory: { ...source.strategy.territory },
      locale: source.strategy.locale,
    },
    sessions: source.sessions.map((session, i) => ({
      id: session.id,
      index: i + 1,
      title: session.title,
      date: session.date,
      steps: [...session.outcome.workshop.steps],
      participation: session.outcome.participation,
      outcome: session.outcome,
    })),
    final,
    items: itemSpans(outcomes),
    changes: outcomes.slice(1).map((after, i) => ({
      from: i + 1,
      to: i + 2,
      changes: strategyChanges(outcomes[i] as Strategy, after, source.sessions[i + 1]?.journal),
    })),
    provenance: {
      exportedAt: source.exportedAt.toISOString(),
      exportedBy: { ...source.exportedBy },
      strategyId: source.strategy.id,
      app: 'Atelier',
      appVersion: source.appVersion,
    },
  };
}

/**
 * Each item's first and last session, by id across the sessions' outcomes (a session continues
 * from the one before with the same ids). An item removed and later brought back spans both.
 */
export function itemSpans(outcomes: readonly Strategy[]): StrategyFile['items'] {
  const out = {} as StrategyFile['items'];
  for (const collection of CHANGE_COLLECTIONS) {
    const spans = new Map<string, ItemSpan>();
    outcomes.forEach((outcome, i) => {
      for (const item of outcome[collection] as readonly { id: string }[]) {
        const span = spans.get(item.id);
        const label = itemLabel(item);
        if (span) Object.assign(span, { lastSession: i + 1, label });
        else spans.set(item.id, { id: item.id, label, firstSession: i + 1, lastSession: i + 1 });
      }
    });
    out[collection] = [...spans.values()];
  }
  return out;
}

function itemLabel(item: object): string {
  for (const key of ['text', 'title', 'name'] as const) {
    const value = (item as Record<string, unknown>)[key];
    if (typeof value === 'string') return value;
  }
  return '';
}
