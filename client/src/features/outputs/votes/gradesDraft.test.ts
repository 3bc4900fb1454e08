import { describe, expect, it } from 'vitest';
import { defaultDraftGrades, gradeAdded, gradeRemoved, gradeRenamed, isDefaultScale } from './gradesDraft';

const labels = (grades: { label: string }[]) => grades.map((g) => g.label);

describe('the grades of a majority judgment, as the form edits them', () => {
  it('starts from the seven default grades in the workshop’s language, best first', () => {
    expect(labels(defaultDraftGrades('fr'))).toEqual([
      'Excellent',
      'Très bien',
      'Bien',
      'Assez bien',
      'Passable',
      'Insuffisant',
      'À rejeter',
    ]);
    expect(defaultDraftGrades('en').at(-1)?.label).toBe('To reject');
    expect(new Set(defaultDraftGrades('fr').map((g) => g.id)).size).toBe(7);
  });

  it('renames a grade and keeps its id', () => {
    const renamed = gradeRenamed(defaultDraftGrades('fr'), 2, 'Bon');
    expect(renamed[2]).toEqual({ id: 'grade-3', label: 'Bon' });
    expect(isDefaultScale(renamed, 'fr')).toBe(false);
  });

  it('removes grades down to three, never fewer', () => {
    let grades = defaultDraftGrades('fr');
    for (let i = 0; i < 6; i++) grades = gradeRemoved(grades, 1);
    expect(labels(grades)).toEqual(['Excellent', 'Insuffisant', 'À rejeter']);
  });

  it('adds an unnamed grade before the worst, up to seven, with an id nobody has', () => {
    const three = gradeRemoved(
      gradeRemoved(gradeRemoved(gradeRemoved(defaultDraftGrades('fr'), 1), 1), 1),
      1,
    );
    const four = gradeAdded(three);
    expect(labels(four)).toEqual(['Excellent', 'Insuffisant', '', 'À rejeter']);
    expect(new Set(four.map((g) => g.id)).size).toBe(4);
    expect(gradeAdded(defaultDraftGrades('fr'))).toHaveLength(7);
  });

  it('tells the default scale, names trimmed, from an edited one', () => {
    expect(isDefaultScale(defaultDraftGrades('fr'), 'fr')).toBe(true);
    expect(isDefaultScale(defaultDraftGrades('fr'), 'en')).toBe(false);
    expect(isDefaultScale(gradeRenamed(defaultDraftGrades('fr'), 0, ' Excellent '), 'fr')).toBe(true);
    expect(isDefaultScale(gradeRemoved(defaultDraftGrades('fr'), 3), 'fr')).toBe(false);
  });
});
