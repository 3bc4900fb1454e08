import { MAX_GRADES, MIN_GRADES } from '@atelier/shared';
import { describe, expect, it } from 'vitest';
import { contrastRatio, gradeColors, gradedProgress, profileSegments } from './grades';

describe('gradeColors', () => {
  it('goes from green for the best grade to red for the worst, whatever the scale’s length', () => {
    for (let count = MIN_GRADES; count <= MAX_GRADES; count++) {
      const colors = gradeColors(count);
      expect(colors).toHaveLength(count);
      expect(colors[0]?.fill).toBe('#17703a');
      expect(colors[count - 1]?.fill).toBe('#b3261e');
      expect(new Set(colors.map((c) => c.fill)).size, `${count} grades`).toBe(count);
    }
  });

  it('takes the middle of the palette for the middle grade of an odd scale', () => {
    expect(gradeColors(3).map((c) => c.fill)).toEqual(['#17703a', '#e5c12b', '#b3261e']);
  });

  it('writes on each colour with an ink that reads at 4.5:1 at least', () => {
    for (const { fill, ink } of gradeColors(MAX_GRADES))
      expect(contrastRatio(fill, ink), fill).toBeGreaterThanOrEqual(4.5);
    expect(gradeColors(MAX_GRADES)[0]?.ink).toBe('#ffffff');
    expect(gradeColors(MAX_GRADES)[3]?.ink).toBe('#1c1b1f');
  });

  it('measures contrast as WCAG does', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21);
    expect(contrastRatio('#777777', '#777777')).toBeCloseTo(1);
  });
});

describe('profileSegments', () => {
  it('cuts a merit profile into segments that fill the bar, best grade first', () => {
    const segments = profileSegments([1, 0, 2, 1]);
    expect(segments.map((s) => s.grade)).toEqual([0, 2, 3]);
    expect(segments.map((s) => s.votes)).toEqual([1, 2, 1]);
    expect(segments.map((s) => s.start)).toEqual([0, 25, 75]);
    expect(segments.map((s) => s.width)).toEqual([25, 50, 25]);
    expect(segments.map((s) => s.share)).toEqual([0.25, 0.5, 0.25]);
    const end = segments.at(-1);
    expect((end?.start ?? 0) + (end?.width ?? 0)).toBe(100);
  });

  it('draws nothing for a profile without votes', () => {
    expect(profileSegments([0, 0, 0])).toEqual([]);
    expect(profileSegments([])).toEqual([]);
  });

  it('fills the whole bar with one grade when every vote gave it', () => {
    expect(profileSegments([0, 3, 0])).toEqual([{ grade: 1, votes: 3, share: 1, start: 0, width: 100 }]);
  });
});

describe('gradedProgress', () => {
  it('counts the targets graded out of the round’s', () => {
    const round = {
      targets: [
        { id: 'a', label: 'A' },
        { id: 'b', label: 'B' },
        { id: 'c', label: 'C' },
      ],
    };
    expect(gradedProgress(round, { grades: {} })).toEqual({ given: 0, total: 3 });
    expect(gradedProgress(round, { grades: { a: 0, c: 6 } })).toEqual({ given: 2, total: 3 });
  });
});
