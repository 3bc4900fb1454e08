import type { ParticipantGroup } from '../schema/enums';
import { noEntries } from '../votes/ballot';
import type { PublicRound } from '../votes/round';
import { type TallyBallot, tallyRound } from '../votes/tally';
import type { Strategy, StrategyRound } from './schema';

/**
 * A majority judgment and a ranking on the fixture's three issues, revealed with three voters
 * each, for the exports' tests. Judgment (Excellent, Très bien, Bien, À rejeter): mobility
 * Excellent, Très bien, Bien → Très bien − (as many votes above as below: −); digital Bien ×2
 * and À rejeter → Bien −; buildings ungraded → À rejeter. Ranking: digital > mobility > buildings twice, mobility > buildings >
 * digital once → digital beats both, mobility beats buildings.
 */
export function methodRounds(s: Strategy): StrategyRound[] {
  const [first] = s.rounds;
  if (!first) throw new Error('The fixture has a revealed round');
  const targets = first.targets;
  const voter = (i: number, group: ParticipantGroup, entries: Partial<TallyBallot>): TallyBallot => ({
    participantId: `v${i}`,
    group,
    ...noEntries(),
    ...entries,
  });
  const base = { ...first, targets, dots: null, criteria: null, grades: null, points: null };
  const judged: StrategyRound = {
    ...base,
    id: 'r-judged',
    title: 'Jugement des enjeux',
    mode: 'judgment',
    grades: ['Excellent', 'Très bien', 'Bien', 'À rejeter'],
  };
  judged.results = tallyRound(judged as PublicRound, [
    voter(1, 'elected', { grades: { 'i-mob': 0, 'i-num': 2 } }),
    voter(2, 'resident', { grades: { 'i-mob': 1, 'i-num': 2 } }),
    voter(3, 'staff', { grades: { 'i-mob': 2, 'i-num': 3 } }),
  ]);
  const ranked: StrategyRound = { ...base, id: 'r-ranked', title: 'Classement des enjeux', mode: 'ranking' };
  ranked.results = tallyRound(ranked as PublicRound, [
    voter(1, 'elected', { ranking: ['i-num', 'i-mob', 'i-bat'] }),
    voter(2, 'resident', { ranking: ['i-num', 'i-mob', 'i-bat'] }),
    voter(3, 'staff', { ranking: ['i-mob', 'i-bat', 'i-num'] }),
  ]);
  return [judged, ranked];
}

/**
 * A dots round on the fixture's first two issues counted with college weighting and a quorum of
 * 50 %: six residents for mobility, three elected officials for digital (each group weighs 4.5);
 * the associations (one expected, none voted) missed the quorum and the facilitator revealed anyway.
 */
export function weightedRound(s: Strategy): StrategyRound {
  const [first] = s.rounds;
  if (!first) throw new Error('The fixture has a revealed round');
  const round: StrategyRound = {
    ...first,
    id: 'r-weighted',
    title: 'Enjeux, à poids égal',
    targets: first.targets.slice(0, 2),
    dots: { budget: 1, cap: 1, negative: false },
    quorum: { percent: 50 },
    collegeWeighting: true,
  };
  const ballots = [
    ...Array.from(
      { length: 6 },
      (_, i): TallyBallot => ({
        participantId: `r${i}`,
        group: 'resident',
        ...noEntries(),
        dots: { 'i-mob': 1 },
      }),
    ),
    ...Array.from(
      { length: 3 },
      (_, i): TallyBallot => ({
        participantId: `e${i}`,
        group: 'elected',
        ...noEntries(),
        dots: { 'i-num': 1 },
      }),
    ),
  ];
  round.results = {
    ...tallyRound(round as PublicRound, ballots),
    quorum: {
      percent: 50,
      met: false,
      groups: [
        { group: 'elected', expected: 3, voted: 3, met: true },
        { group: 'resident', expected: 6, voted: 6, met: true },
        { group: 'association', expected: 1, voted: 0, met: false },
      ],
    },
  };
  return round;
}
