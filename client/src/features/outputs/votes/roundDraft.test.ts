import { CreateRoundBody, misplacedSettings } from '@atelier/shared';
import { describe, expect, it } from 'vitest';
import { defaultDraftGrades } from './gradesDraft';
import {
  bodyTargetCount,
  criterionAddition,
  criterionChange,
  criterionRemoval,
  defaultCriteria,
  defaultTargetKind,
  fieldMessage,
  kindChange,
  newCriterionId,
  newRoundDraft,
  type RoundDraft,
  rankingTooLong,
  roundBody,
  roundFormErrors,
  targetChange,
} from './roundDraft';

describe('defaultTargetKind', () => {
  it('votes on what the step shown is about', () => {
    expect(defaultTargetKind('assessment')).toBe('notes');
    expect(defaultTargetKind('issues')).toBe('issues');
    expect(defaultTargetKind('axes')).toBe('axes');
    expect(defaultTargetKind('actions')).toBe('actions');
    expect(defaultTargetKind('monitoring')).toBe('actions');
  });
});

describe('criteria', () => {
  it('starts from the four default criteria in the workshop language', () => {
    expect(defaultCriteria('fr').map((c) => c.label)).toEqual(['Impact', 'Faisabilité', 'Coût', 'Rapidité']);
    expect(defaultCriteria('en').every((c) => c.weight === 1)).toBe(true);
  });
  it('gives a new criterion an id nobody has', () => {
    expect(newCriterionId(['impact', 'criterion-2'])).toBe('criterion-3');
    expect(newCriterionId(['criterion-1'])).toBe('criterion-2');
  });
});

describe('the form as it opens', () => {
  it('votes on every target with five dots, two at most per target, secretly and untimed', () => {
    expect(newRoundDraft('axes', 'Choisir', 'fr')).toEqual({
      title: 'Choisir',
      targetKind: 'axes',
      allTargets: true,
      selected: [],
      fromTables: '',
      mode: 'dots',
      budget: '5',
      cap: '2',
      negative: false,
      criteria: [
        { id: 'impact', label: 'Impact', weight: '1' },
        { id: 'feasibility', label: 'Faisabilité', weight: '1' },
        { id: 'cost', label: 'Coût', weight: '1' },
        { id: 'speed', label: 'Rapidité', weight: '1' },
      ],
      grades: defaultDraftGrades('fr'),
      pointsBudget: '100',
      visibility: 'secret',
      duration: '',
      quorumOn: false,
      quorumPercent: '50',
      collegeWeighting: false,
    });
  });
});

describe('editing the draft', () => {
  const titles = { notes: 'N', issues: 'I', axes: 'A', actions: 'C' } as const;
  const defaultTitle = (kind: keyof typeof titles) => titles[kind];
  const draft: RoundDraft = { ...newRoundDraft('issues', 'I', 'fr'), selected: ['x', 'y'] };

  it('changes the default title with the kind, not one the facilitator wrote', () => {
    expect(kindChange(draft, 'axes', defaultTitle)).toEqual({ targetKind: 'axes', selected: [], title: 'A' });
    expect(kindChange({ ...draft, title: 'Mine' }, 'axes', defaultTitle)).toEqual({
      targetKind: 'axes',
      selected: [],
    });
  });
  it('ticks a target at the end and unticks it', () => {
    expect(targetChange(draft, 'z', true)).toEqual({ selected: ['x', 'y', 'z'] });
    expect(targetChange(draft, 'x', false)).toEqual({ selected: ['y'] });
  });
  it('edits, removes and adds criteria', () => {
    expect(criterionChange(draft, 1, { weight: '2' }).criteria?.[1]).toEqual({
      id: 'feasibility',
      label: 'Faisabilité',
      weight: '2',
    });
    expect(criterionRemoval(draft, 0).criteria?.map((c) => c.id)).toEqual(['feasibility', 'cost', 'speed']);
    expect(criterionAddition(draft).criteria?.at(-1)).toEqual({ id: 'criterion-5', label: '', weight: '1' });
  });
});

describe('the new round form', () => {
  const draft = newRoundDraft('issues', 'Prioriser les enjeux', 'fr');
  it('builds a body the contract accepts', () => {
    const parsed = CreateRoundBody.safeParse(roundBody(draft));
    expect(parsed.success).toBe(true);
    expect(roundBody(draft)).toMatchObject({
      targets: 'all',
      dots: { budget: 5, cap: 2 },
      durationMinutes: null,
    });
    const scoring = roundBody({
      ...draft,
      mode: 'scoring',
      allTargets: false,
      selected: ['x'],
      duration: '10',
    });
    expect(scoring).toMatchObject({ targets: ['x'], durationMinutes: 10 });
    expect(scoring.criteria?.[0]).toEqual({ id: 'impact', label: 'Impact', weight: 1 });
    expect(
      roundBody({ ...draft, mode: 'scoring', criteria: [{ id: 'x', label: 'X', weight: '1,5' }] }).criteria,
    ).toEqual([{ id: 'x', label: 'X', weight: 1.5 }]);
  });
  it("sends, for the tables' proposals, the ids the choice of tables keeps, for all or among those ticked", () => {
    const tables = { ...draft, fromTables: 't1' };
    expect(roundBody(tables, ['a', 'b']).targets).toEqual(['a', 'b']);
    expect(roundBody({ ...tables, allTargets: false, selected: ['b', 'c'] }, ['a', 'b']).targets).toEqual([
      'b',
    ]);
    // A table with nothing to vote on: an empty list, which the contract refuses by the targets.
    const none = CreateRoundBody.safeParse(roundBody(tables, []));
    expect(Object.keys(roundFormErrors(none.error?.issues ?? []))).toEqual(['targets']);
  });
  it('puts each problem by its field', () => {
    const bad = roundBody({
      ...draft,
      title: ' ',
      budget: '3',
      cap: '4',
      duration: 'abc',
      allTargets: false,
      selected: [],
    });
    const parsed = CreateRoundBody.safeParse(bad);
    expect(parsed.success).toBe(false);
    const errors = roundFormErrors(parsed.error?.issues ?? []);
    expect(Object.keys(errors).sort()).toEqual(['cap', 'duration', 'targets', 'title']);
    const scoring = CreateRoundBody.safeParse(
      roundBody({ ...draft, mode: 'scoring', criteria: [{ id: 'x', label: '', weight: '0' }] }),
    );
    expect(Object.keys(roundFormErrors(scoring.error?.issues ?? [])).sort()).toEqual([
      'criterion.0.label',
      'criterion.0.weight',
    ]);
  });
});

describe('the other voting methods', () => {
  const draft = newRoundDraft('issues', 'Prioriser les enjeux', 'fr');
  const valid = (body: ReturnType<typeof roundBody>) =>
    CreateRoundBody.safeParse(body).success && misplacedSettings(body) === null;

  it('sends only the settings of the mode chosen', () => {
    const judgment = roundBody({ ...draft, mode: 'judgment' });
    expect(judgment.grades).toEqual([
      'Excellent',
      'Très bien',
      'Bien',
      'Assez bien',
      'Passable',
      'Insuffisant',
      'À rejeter',
    ]);
    expect(judgment).not.toHaveProperty('dots');
    expect(judgment).not.toHaveProperty('criteria');
    expect(roundBody({ ...draft, mode: 'points' }).points).toEqual({ budget: 100 });
    const ranking = roundBody({ ...draft, mode: 'ranking' });
    for (const setting of ['dots', 'criteria', 'grades', 'points'])
      expect(ranking).not.toHaveProperty(setting);
    for (const mode of ['dots', 'scoring', 'judgment', 'points', 'ranking'] as const)
      expect(valid(roundBody({ ...draft, mode })), mode).toBe(true);
  });

  it('puts a problem with the grades by the grade, or by the scale when there are too few or two alike', () => {
    const grades = [
      { id: 'g1', label: 'Pour' },
      { id: 'g2', label: ' ' },
      { id: 'g3', label: 'Contre' },
    ];
    const unnamed = CreateRoundBody.safeParse(roundBody({ ...draft, mode: 'judgment', grades }));
    expect(Object.keys(roundFormErrors(unnamed.error?.issues ?? []))).toEqual(['grade.1.name']);
    const two = CreateRoundBody.safeParse(
      roundBody({ ...draft, mode: 'judgment', grades: grades.filter((g) => g.id !== 'g2') }),
    );
    expect(Object.keys(roundFormErrors(two.error?.issues ?? []))).toEqual(['grades']);
    const alike = CreateRoundBody.safeParse(
      roundBody({ ...draft, mode: 'judgment', grades: [...grades.slice(0, 1), ...grades] }),
    );
    expect(alike.success).toBe(false);
    expect(roundFormErrors(alike.error?.issues ?? [])).toHaveProperty('grades');
  });

  it('takes a points budget from 2 to 1000, a whole number', () => {
    for (const pointsBudget of ['1', '1001', '12,5', '']) {
      const parsed = CreateRoundBody.safeParse(roundBody({ ...draft, mode: 'points', pointsBudget }));
      expect(Object.keys(roundFormErrors(parsed.error?.issues ?? [])), pointsBudget).toEqual([
        'pointsBudget',
      ]);
    }
    expect(valid(roundBody({ ...draft, mode: 'points', pointsBudget: '1000' }))).toBe(true);
  });

  it('counts the targets a round would hold, and refuses a ranking of more than 30', () => {
    expect(bodyTargetCount(roundBody(draft), 42)).toBe(42);
    expect(bodyTargetCount(roundBody({ ...draft, allTargets: false, selected: ['a', 'b'] }), 42)).toBe(2);
    expect(rankingTooLong('ranking', 31)).toBe(true);
    expect(rankingTooLong('ranking', 30)).toBe(false);
    expect(rankingTooLong('points', 300)).toBe(false);
  });
});

describe('fieldMessage', () => {
  it("says each field's problem in our words, a criterion's by what is wrong with it", () => {
    expect(fieldMessage('title')).toBe('votes.form.error.title');
    expect(fieldMessage('duration')).toBe('votes.form.error.duration');
    expect(fieldMessage('criterion.2.label')).toBe('votes.form.error.criterionLabel');
    expect(fieldMessage('criterion.0.weight')).toBe('votes.form.error.weight');
    expect(fieldMessage('criteria')).toBe('votes.form.error.criteria');
    expect(fieldMessage('grades')).toBe('votes.form.error.grades');
    expect(fieldMessage('grade.3.name')).toBe('votes.form.error.gradeName');
    expect(fieldMessage('pointsBudget')).toBe('votes.form.error.pointsBudget');
  });
});

describe('the decision options', () => {
  const draft = newRoundDraft('issues', 'Enjeux', 'fr');
  it('sends no quorum and no weighting by default', () => {
    expect(roundBody(draft)).toMatchObject({ quorum: null, collegeWeighting: false });
  });
  it('sends the quorum typed (with or without its % sign) and the weighting when ticked', () => {
    const body = roundBody({ ...draft, quorumOn: true, quorumPercent: '60 %', collegeWeighting: true });
    expect(body).toMatchObject({ quorum: { percent: 60 }, collegeWeighting: true });
    expect(CreateRoundBody.safeParse(body).success).toBe(true);
  });
  it('shows a quorum out of 1–100 under its field, and ignores the field while unticked', () => {
    for (const percent of ['0', '101', '', 'moitié', '12,5']) {
      const parsed = CreateRoundBody.safeParse(
        roundBody({ ...draft, quorumOn: true, quorumPercent: percent }),
      );
      expect(parsed.success).toBe(false);
      if (!parsed.success) expect(roundFormErrors(parsed.error.issues)).toHaveProperty('quorumPercent');
    }
    expect(CreateRoundBody.safeParse(roundBody({ ...draft, quorumPercent: '0' })).success).toBe(true);
    expect(fieldMessage('quorumPercent')).toBe('votes.form.error.quorumPercent');
  });
});
