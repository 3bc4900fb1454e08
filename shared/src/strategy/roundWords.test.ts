import { describe, expect, it } from 'vitest';
import { majorityGradeWords } from './roundWords';

describe('majorityGradeWords', () => {
  const round = { grades: ['Très bien', 'Bien', 'Passable', 'À rejeter'] };
  it('names the majority grade with the side that outweighs the other', () => {
    expect(majorityGradeWords(round, { gauge: { grade: 1, sign: '+', above: 0.4, below: 0.2 } })).toBe(
      'Bien +',
    );
    expect(majorityGradeWords(round, { gauge: { grade: 2, sign: '-', above: 0.1, below: 0.3 } })).toBe(
      'Passable −',
    );
  });
  it('names it alone when every vote gave it, and nothing without votes', () => {
    expect(majorityGradeWords(round, { gauge: { grade: 0, sign: '-', above: 0, below: 0 } })).toBe(
      'Très bien',
    );
    expect(majorityGradeWords(round, { gauge: null })).toBeNull();
  });
});
