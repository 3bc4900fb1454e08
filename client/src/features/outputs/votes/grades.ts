import type { Ballot, PublicRound } from '@atelier/shared';

/**
 * Majority judgment on screen: the grades' colours (best green, worst red), a merit profile cut
 * into the segments of its stacked bar, and how many targets a ballot grades.
 */

/**
 * Seven steps from green to red, best first. Each has the ink (white or near-black) that reads
 * on it at 4.5:1 at least, so a grade's name or share can be written on its colour.
 */
const PALETTE: readonly string[] = [
  '#17703a',
  '#5f9a2a',
  '#8fb339',
  '#e5c12b',
  '#f0a23b',
  '#e0662f',
  '#b3261e',
];
const WORST = '#b3261e';
const LIGHT_INK = '#ffffff';
const DARK_INK = '#1c1b1f';

export interface GradeColor {
  fill: string;
  /** The text colour on `fill`. */
  ink: string;
}

/** sRGB relative luminance of `#rrggbb` (WCAG 2.1). */
function luminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  const [r, g, b] = [n >> 16, (n >> 8) & 255, n & 255].map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

/** The WCAG contrast ratio of two `#rrggbb` colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}

/** The colours of a scale of `count` grades, best first: the palette's ends and evenly between. */
export function gradeColors(count: number): GradeColor[] {
  const last = PALETTE.length - 1;
  return Array.from({ length: count }, (_, grade) => {
    const step = count <= 1 ? 0 : Math.round((grade * last) / (count - 1));
    const fill = PALETTE[step] ?? WORST;
    const ink = contrastRatio(fill, LIGHT_INK) >= contrastRatio(fill, DARK_INK) ? LIGHT_INK : DARK_INK;
    return { fill, ink };
  });
}

export interface ProfileSegment {
  grade: number;
  votes: number;
  /** Share of the votes, 0–1. */
  share: number;
  /** Where the segment starts and how wide it is, in percent of the bar. */
  start: number;
  width: number;
}

/** A merit profile (votes per grade, best first) as the segments of its bar; grades without votes are left out. */
export function profileSegments(profile: readonly number[]): ProfileSegment[] {
  const total = profile.reduce((sum, n) => sum + n, 0);
  if (total === 0) return [];
  const segments: ProfileSegment[] = [];
  let before = 0;
  profile.forEach((votes, grade) => {
    if (votes > 0)
      segments.push({
        grade,
        votes,
        share: votes / total,
        start: (before / total) * 100,
        width: (votes / total) * 100,
      });
    before += votes;
  });
  return segments;
}

/** A segment wide enough to write its share on (in percent of the bar). */
export const LABELLED_SEGMENT = 9;

/** Targets the ballot grades, out of the round's. */
export function gradedProgress(
  round: Pick<PublicRound, 'targets'>,
  ballot: Pick<Ballot, 'grades'>,
): { given: number; total: number } {
  const given = round.targets.filter((t) => ballot.grades[t.id] !== undefined).length;
  return { given, total: round.targets.length };
}
