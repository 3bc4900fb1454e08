import { z } from 'zod';
import { ParticipantGroup } from '../schema/enums';
import { pathId, WorkshopPath } from '../schema/paths';

/**
 * Vote rounds. The server is the only authority: rounds and ballots live in its database,
 * votes are cast over HTTP, and the server publishes each round's public face (never a
 * ballot) into the control document's `votes` root — with results once revealed, or live
 * for an open-visibility round. See docs/votes.md.
 */

/**
 * Dots (a budget of dots per person), criteria scoring (0–5 per target and criterion), majority
 * judgment (a named grade per target), points (a budget of points shared out) or ranking (an
 * order of the targets, counted by the Schulze method). See docs/votes.md.
 */
export const VOTE_MODES = ['dots', 'scoring', 'judgment', 'points', 'ranking'] as const;
export const VoteMode = z.enum(VOTE_MODES);
export type VoteMode = z.infer<typeof VoteMode>;

/** What a round votes on: notes (step 1), issues (2), strategic axes (3) or action sheets (4). */
export const VOTE_TARGET_KINDS = ['notes', 'issues', 'axes', 'actions'] as const;
export const VoteTargetKind = z.enum(VOTE_TARGET_KINDS);
export type VoteTargetKind = z.infer<typeof VoteTargetKind>;

/** Secret: nobody but the voter sees anything until the reveal. Open: live tallies. */
export const VOTE_VISIBILITIES = ['secret', 'open'] as const;
export const VoteVisibility = z.enum(VOTE_VISIBILITIES);
export type VoteVisibility = z.infer<typeof VoteVisibility>;

/** draft → open → closed → revealed; reopening goes back to open (results are withdrawn). */
export const ROUND_STATES = ['draft', 'open', 'closed', 'revealed'] as const;
export const RoundState = z.enum(ROUND_STATES);
export type RoundState = z.infer<typeof RoundState>;

/** What the facilitator does to a round (`POST …/rounds/{roundId}/{action}`). */
export const ROUND_ACTIONS = ['open', 'close', 'reveal', 'reopen'] as const;
export const RoundAction = z.enum(ROUND_ACTIONS);
export type RoundAction = z.infer<typeof RoundAction>;

/** From which states each action may be taken, and where it leads. */
export const ROUND_TRANSITIONS: Record<RoundAction, { from: readonly RoundState[]; to: RoundState }> = {
  open: { from: ['draft'], to: 'open' },
  close: { from: ['open'], to: 'closed' },
  // Revealing an open round closes it at the same moment.
  reveal: { from: ['open', 'closed'], to: 'revealed' },
  reopen: { from: ['closed', 'revealed'], to: 'open' },
};

/** The highest score a criterion takes (0 is the lowest; 5 is always the most favourable). */
export const SCORE_MAX = 5;
export const MAX_TARGETS = 500;
export const MAX_BUDGET = 20;
export const MAX_CRITERIA = 8;
/** A ranking round orders at most this many targets (people cannot order more; the matrix is n²). */
export const MAX_RANKED_TARGETS = 30;
/** A points round's budget, at most. */
export const MAX_POINTS = 1000;
/** A majority judgment's scale has 3 to 7 grades, best first. */
export const MIN_GRADES = 3;
export const MAX_GRADES = 7;
export const GRADE_LABEL_MAX = 40;
/** Target labels are copied into the round (for results of deleted targets) up to this length. */
export const TARGET_LABEL_MAX = 140;

const Id = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9_:.-]+$/, 'Not a valid id');

export const DotsSettings = z
  .object({
    /** Dots each person may place in all. */
    budget: z.number().int().min(1).max(MAX_BUDGET).default(5),
    /** Most dots one person may place on one target. */
    cap: z.number().int().min(1).max(MAX_BUDGET).default(2),
    /** People may also place dots against a target (counted in the budget). */
    negative: z.boolean().default(false),
  })
  .refine((s) => s.cap <= s.budget, { message: 'The cap per item cannot exceed the budget', path: ['cap'] });
export type DotsSettings = z.infer<typeof DotsSettings>;

export const Quorum = z.object({
  /** Percent of each group's expected voters (1–100). */
  percent: z.number().int().min(1).max(100),
});
export type Quorum = z.infer<typeof Quorum>;

export const PointsSettings = z.object({
  /** Points each person shares out across the targets. */
  budget: z.number().int().min(2).max(MAX_POINTS).default(100),
});
export type PointsSettings = z.infer<typeof PointsSettings>;

/** A majority judgment's scale: its grades' names, best first. */
export const GradeScale = z
  .array(z.string().trim().min(1, 'A grade needs a name').max(GRADE_LABEL_MAX))
  .min(MIN_GRADES, `At least ${MIN_GRADES} grades`)
  .max(MAX_GRADES, `At most ${MAX_GRADES} grades`)
  .refine(
    (grades) => new Set(grades.map((g) => g.toLocaleLowerCase())).size === grades.length,
    'Two grades have the same name',
  );

/** The default scale in the workshop's language, best first (Mieux Voter's seven grades in French). */
export const DEFAULT_GRADE_LABELS: Record<'fr' | 'en', readonly string[]> = {
  fr: ['Excellent', 'Très bien', 'Bien', 'Assez bien', 'Passable', 'Insuffisant', 'À rejeter'],
  en: ['Excellent', 'Very good', 'Good', 'Fairly good', 'Passable', 'Insufficient', 'To reject'],
};

export const Criterion = z.object({
  id: z
    .string()
    .min(1)
    .max(40)
    .regex(/^[a-z0-9-]+$/, 'A criterion id is lowercase letters, digits and dashes'),
  label: z.string().trim().min(1, 'A criterion needs a name').max(60),
  /** Relative weight in the overall score. */
  weight: z.number().min(0.1).max(10).default(1),
});
export type Criterion = z.infer<typeof Criterion>;

export const DEFAULT_CRITERIA_IDS = ['impact', 'feasibility', 'cost', 'speed'] as const;
/** The default criteria's names, in the workshop's language (cost and speed: 5 = cheap, quick). */
export const DEFAULT_CRITERIA_LABELS: Record<
  'fr' | 'en',
  Record<(typeof DEFAULT_CRITERIA_IDS)[number], string>
> = {
  fr: { impact: 'Impact', feasibility: 'Faisabilité', cost: 'Coût', speed: 'Rapidité' },
  en: { impact: 'Impact', feasibility: 'Feasibility', cost: 'Cost', speed: 'Speed' },
};

export const Criteria = z
  .array(Criterion)
  .min(1, 'At least one criterion')
  .max(MAX_CRITERIA)
  .refine((list) => new Set(list.map((c) => c.id)).size === list.length, 'Two criteria have the same id');

/** `POST /api/workshops/{id}/rounds`: a new round, in the draft state. */
export const CreateRoundBody = z
  .object({
    title: z.string().trim().min(1, 'A round needs a title').max(120),
    targetKind: VoteTargetKind,
    /** Every target of that kind on the board now, or a selection of their ids. */
    targets: z.union([
      z.literal('all'),
      z
        .array(Id)
        .min(1, 'Choose at least one target')
        .max(MAX_TARGETS)
        .refine((ids) => new Set(ids).size === ids.length, 'A target is listed twice'),
    ]),
    mode: VoteMode,
    visibility: VoteVisibility.default('secret'),
    /** Dots mode only (defaults: 5 dots, 2 per item, no negative dots). */
    dots: DotsSettings.optional(),
    /** Scoring mode only (defaults: impact, feasibility, cost, speed, weight 1). */
    criteria: Criteria.optional(),
    /** Majority judgment only: the grades, best first (default: the seven of `DEFAULT_GRADE_LABELS`). */
    grades: GradeScale.optional(),
    /** Points mode only (default: 100 points each). */
    points: PointsSettings.optional(),
    /**
     * A quorum per group before the reveal: in each participant group, at least this share of
     * the people expected to vote must have voted (the facilitator may still reveal, and the
     * results then say the quorum was not met).
     */
    quorum: Quorum.nullable().default(null),
    /** Also count a result where each group weighs the same (college weighting), beside the plain one. */
    collegeWeighting: z.boolean().default(false),
    /** When set, opening the round starts the workshop timer for this long; voting stops at zero. */
    durationMinutes: z.number().int().min(1).max(240).nullable().default(null),
  })
  .strict();
export type CreateRoundBody = z.input<typeof CreateRoundBody>;

/** Which mode each optional setting of a new round belongs to. */
const SETTING_MODES = { dots: 'dots', criteria: 'scoring', grades: 'judgment', points: 'points' } as const;

/** Why a new round's settings do not fit its mode (a setting of another mode), or `null`. */
export function misplacedSettings(
  body: Pick<CreateRoundBody, 'mode' | keyof typeof SETTING_MODES>,
): string | null {
  for (const [setting, mode] of Object.entries(SETTING_MODES))
    if (body[setting as keyof typeof SETTING_MODES] !== undefined && body.mode !== mode)
      return `${setting}: only a ${mode} round has ${setting}`;
  return null;
}

/** `POST …/rounds/{roundId}/extend`: more time for an open round (the timer shows it). */
export const ExtendRoundBody = z.object({ minutes: z.number().int().min(1).max(120) }).strict();
export type ExtendRoundBody = z.infer<typeof ExtendRoundBody>;

/** `POST …/rounds/{roundId}/remind`: nudge these people (default: everyone who has not finished). */
/** `POST …/rounds/{roundId}/reveal`'s optional body: reveal although a group has not met the quorum. */
export const TransitionBody = z.object({ overrideQuorum: z.boolean().optional() }).strict();
export type TransitionBody = z.infer<typeof TransitionBody>;

export const RemindBody = z.object({ participantIds: z.array(Id).max(500).optional() }).strict();
export type RemindBody = z.infer<typeof RemindBody>;
export const RemindResponse = z.object({ reminded: z.array(z.string()) });
export type RemindResponse = z.infer<typeof RemindResponse>;

export const VoteTarget = z.object({ id: z.string(), label: z.string() });
export type VoteTarget = z.infer<typeof VoteTarget>;

export const CriterionResult = z.object({
  criterionId: z.string(),
  mean: z.number(),
  median: z.number(),
  /** How many people scored this target on this criterion. */
  count: z.number().int().nonnegative(),
});
export type CriterionResult = z.infer<typeof CriterionResult>;

export const TargetResult = z.object({
  targetId: z.string(),
  /** 1 = first; tied targets share a rank (1, 2, 2, 4). */
  rank: z.number().int().positive(),
  /** Dots: dots for minus dots against. Scoring: the weighted mean of the criteria means (0–5). */
  total: z.number(),
  /** Dots for (dots mode; 0 in scoring). */
  positive: z.number().int().nonnegative(),
  /** Dots against (dots mode with negative dots; 0 otherwise). */
  negative: z.number().int().nonnegative(),
  /** How many people gave this target anything. */
  voters: z.number().int().nonnegative(),
  /** Scoring mode: one entry per criterion, in the round's order; empty for dots. */
  criteria: z.array(CriterionResult),
  /** Majority judgment: votes per grade, best first (its merit profile); empty otherwise. */
  profile: z.array(z.number().int().nonnegative()).default([]),
  /**
   * Majority judgment: the majority grade (an index into the round's grades, 0 the best), and
   * whether the votes above it outweigh those below (`+`) or not (`-`), with both shares (0–1).
   */
  gauge: z
    .object({
      grade: z.number().int().nonnegative(),
      sign: z.enum(['+', '-']),
      above: z.number().min(0).max(1),
      below: z.number().min(0).max(1),
    })
    .nullable()
    .default(null),
});
export type TargetResult = z.infer<typeof TargetResult>;

export const GroupBreakdown = z.object({
  /** A participant group; `other` also holds the groups too small to show on their own. */
  group: ParticipantGroup,
  voters: z.number().int().nonnegative(),
  /** Groups merged into `other` because each had fewer than 3 voters. */
  merged: z.array(ParticipantGroup),
  /**
   * Per target id: the group's total (dots, points), weighted mean score (scoring), majority grade
   * (judgment: an index into the grades, 0 the best) or number of targets beaten (ranking).
   */
  totals: z.record(z.string(), z.number()),
  /** Per target id: its rank within the group (1 the best; ties share one). */
  ranks: z.record(z.string(), z.number().int().positive()).default({}),
});
export type GroupBreakdown = z.infer<typeof GroupBreakdown>;

/** A group's part in a quorum: how many were expected to vote, how many did. */
export const QuorumGroup = z.object({
  group: ParticipantGroup,
  expected: z.number().int().nonnegative(),
  voted: z.number().int().nonnegative(),
  met: z.boolean(),
});

/** The quorum as it stood at the reveal. */
export const QuorumOutcome = z.object({
  percent: z.number().int(),
  /** Every group met it. */
  met: z.boolean(),
  groups: z.array(QuorumGroup),
});
export type QuorumOutcome = z.infer<typeof QuorumOutcome>;

/** A target's line in the result where each group weighs the same. */
export const WeightedLine = z.object({
  targetId: z.string(),
  rank: z.number().int().positive(),
  /** The mode's measure with each group weighing the same (3 decimals); see docs/votes.md. */
  total: z.number(),
  /** Majority judgment: the share of each grade, best first (0–1); empty otherwise. */
  profile: z.array(z.number().min(0).max(1)),
  gauge: TargetResult.shape.gauge,
});
export type WeightedLine = z.infer<typeof WeightedLine>;

/** The result where each group (as shown by group, small ones merged) weighs the same. */
export const WeightedResults = z.object({
  /** The groups weighed, as in `byGroup`. */
  groups: z.array(ParticipantGroup),
  targets: z.array(WeightedLine),
  ties: z.array(z.array(z.string())),
  /** Ranking: the weighted pairwise matrix; `null` otherwise. */
  pairwise: z.array(z.array(z.number().nonnegative())).nullable(),
});
export type WeightedResults = z.infer<typeof WeightedResults>;

export const RoundResults = z.object({
  /** People who placed at least one dot or score. */
  voters: z.number().int().nonnegative(),
  /** Every target of the round, best first. */
  targets: z.array(TargetResult),
  /** Groups of target ids that share a rank (only groups of two or more). */
  ties: z.array(z.array(z.string())),
  /** By participant group; no group under 3 voters is shown on its own (see tally.ts). */
  byGroup: z.array(GroupBreakdown),
  /**
   * Ranking mode: `pairwise[i][j]` counts the voters who ranked target i (in the round's order of
   * targets) above target j, the matrix the Schulze ranking is read from; `null` otherwise.
   */
  pairwise: z.array(z.array(z.number().int().nonnegative())).nullable().default(null),
  /** With college weighting: the result where each group weighs the same; `null` otherwise. */
  weighted: WeightedResults.nullable().default(null),
  /** With a quorum: whether each group met it at the reveal; `null` otherwise. */
  quorum: QuorumOutcome.nullable().default(null),
});
export type RoundResults = z.infer<typeof RoundResults>;

/** A round as everyone may see it: what the control document holds and the API answers. */
export const PublicRound = z.object({
  id: z.string(),
  title: z.string(),
  targetKind: VoteTargetKind,
  /** The targets with their label when the round was created (a deleted target keeps its label). */
  targets: z.array(VoteTarget),
  mode: VoteMode,
  visibility: VoteVisibility,
  /** Dots mode settings; `null` in scoring mode. */
  dots: z.object({ budget: z.number().int(), cap: z.number().int(), negative: z.boolean() }).nullable(),
  /** Scoring mode criteria; `null` in dots mode. */
  criteria: z.array(z.object({ id: z.string(), label: z.string(), weight: z.number() })).nullable(),
  /** Majority judgment's grades, best first; `null` in other modes. */
  grades: z.array(z.string()).nullable().default(null),
  /** Points mode's settings; `null` in other modes. */
  points: z.object({ budget: z.number().int() }).nullable().default(null),
  /** The quorum per group required before the reveal; `null`: none. */
  quorum: Quorum.nullable().default(null),
  /** Whether the results also count each group as weighing the same. */
  collegeWeighting: z.boolean().default(false),
  state: RoundState,
  durationMinutes: z.number().int().nullable(),
  /** While open with a duration: when voting stops (server epoch ms). */
  endsAt: z.number().nullable(),
  createdAt: z.string(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  revealedAt: z.string().nullable(),
  /** Revealed rounds, and open-visibility rounds while they run; `null` otherwise. */
  results: RoundResults.nullable(),
});
export type PublicRound = z.infer<typeof PublicRound>;

export const RoundList = z.object({ rounds: z.array(PublicRound) });
export type RoundList = z.infer<typeof RoundList>;

/** One person's ballot, as only they (and nobody else, ever) can read it. */
export const Ballot = z.object({
  roundId: z.string(),
  participantId: z.string(),
  /** Dots per target id: positive for, negative against (dots mode). */
  dots: z.record(z.string(), z.number().int()),
  /** Scores per target id, then per criterion id (scoring mode). */
  scores: z.record(z.string(), z.record(z.string(), z.number().int().min(0).max(SCORE_MAX))),
  /** A grade per target id, an index into the round's grades, 0 the best (majority judgment). */
  grades: z.record(
    z.string(),
    z
      .number()
      .int()
      .min(0)
      .max(MAX_GRADES - 1),
  ),
  /** Points per target id (points mode). */
  points: z.record(z.string(), z.number().int().nonnegative()),
  /** Target ids, best first (ranking mode); targets left out come after, tied. */
  ranking: z.array(z.string()),
  /** Dots placed (for and against), or points given; 0 in other modes. */
  used: z.number().int().nonnegative(),
  /** Dots or points left; 0 in other modes. */
  remaining: z.number().int().nonnegative(),
  /** The person said they are done (they may still change their mind while the round is open). */
  done: z.boolean(),
});
export type Ballot = z.infer<typeof Ballot>;

/**
 * `PUT …/rounds/{roundId}/ballots/{participantId}`: sets the given entries (absolute values,
 * so a retry sets the same thing) and keeps the others. `requestId` is new for each change: a
 * request seen before is refused as `replayed` and changes nothing.
 */
export const BallotChange = z
  .object({
    requestId: z.string().uuid('requestId must be a UUID'),
    /** Dots per target id (0 withdraws them). */
    dots: z.record(Id, z.number().int().min(-MAX_BUDGET).max(MAX_BUDGET)).optional(),
    /** Scores per target id and criterion id (`null` withdraws one). */
    scores: z
      .record(Id, z.record(z.string().max(40), z.number().int().min(0).max(SCORE_MAX).nullable()))
      .optional(),
    /** Grades per target id, 0 the best (`null` withdraws one) (majority judgment). */
    grades: z
      .record(
        Id,
        z
          .number()
          .int()
          .min(0)
          .max(MAX_GRADES - 1)
          .nullable(),
      )
      .optional(),
    /** Points per target id (0 withdraws them) (points mode). */
    points: z.record(Id, z.number().int().min(0).max(MAX_POINTS)).optional(),
    /** The whole order, best first, replacing the previous one (`[]` withdraws it) (ranking mode). */
    ranking: z
      .array(Id)
      .max(MAX_RANKED_TARGETS)
      .refine((ids) => new Set(ids).size === ids.length, 'A target is ranked twice')
      .optional(),
    done: z.boolean().optional(),
  })
  .strict();
export type BallotChange = z.infer<typeof BallotChange>;

export const VOTER_STATUSES = ['none', 'partial', 'done'] as const;
export const VoterStatus = z.enum(VOTER_STATUSES);
export type VoterStatus = z.infer<typeof VoterStatus>;

/** `GET …/rounds/{roundId}/progress` (facilitators): who has voted, never what. */
export const RoundProgress = z.object({
  roundId: z.string(),
  voters: z.array(
    z.object({
      participantId: z.string(),
      name: z.string(),
      group: ParticipantGroup,
      status: VoterStatus,
      /** Their ballot holds something (a "done" with nothing is an abstention, not a vote). */
      voted: z.boolean(),
    }),
  ),
  /** People who placed anything. */
  voted: z.number().int().nonnegative(),
  /** People who are done (said so, used their whole budget or scored every cell). */
  done: z.number().int().nonnegative(),
  /** Dots mode: dots still to place, all voters together; `null` in other modes. */
  dotsLeft: z.number().int().nonnegative().nullable(),
  /** Points mode: points still to give, all voters together; `null` in other modes. */
  pointsLeft: z.number().int().nonnegative().nullable(),
});
export type RoundProgress = z.infer<typeof RoundProgress>;

export const RoundPath = WorkshopPath.extend({ roundId: pathId('round id') });
export const BallotPath = RoundPath.extend({ participantId: pathId('participant id') });
export const RoundActionPath = RoundPath.extend({ action: RoundAction });
