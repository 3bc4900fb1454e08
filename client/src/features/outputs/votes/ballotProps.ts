import type { Ballot, PublicRound } from '@atelier/shared';
import type { BallotEdit } from './ballotSync';
import type { TargetCard } from './model';

/** What every ballot takes: the round, its targets' cards, the person's ballot, whether they may vote, where their edits go. */
export interface BallotProps {
  round: PublicRound;
  cards: TargetCard[];
  ballot: Ballot | null;
  canVote: boolean;
  onChange: (edit: BallotEdit) => void;
}

/** A ballot whose buttons the rules may block (dots, points, ranking): a blocked one says why. */
export interface BlockingBallotProps extends BallotProps {
  /** A blocked button was pressed: say why. */
  onBlocked: (reason: string) => void;
}
