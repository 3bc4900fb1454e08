import { MAX_GRADES, MIN_GRADES } from '@atelier/shared';
import { useLayoutEffect, useRef } from 'react';
import { useT } from '../../../i18n/locale';
import { useBoard } from '../../../state/store';
import { FieldWithError } from '../../../ui/FieldWithError';
import { Icon } from '../../../ui/Icon';
import { IconButton } from '../../../ui/IconButton';
import { DraftInput } from './DraftFields';
import { gradeStyle } from './GradePill';
import { gradeColors } from './grades';
import { defaultDraftGrades, gradeAdded, gradeRemoved, gradeRenamed, isDefaultScale } from './gradesDraft';
import type { DraftEditing } from './useNewRoundForm';

/**
 * A majority judgment's grades, best first, each on its colour: renamed, removed (3 at least) or
 * added before the worst (7 at most), or set back to the workshop language's default scale.
 */
export function GradesEditor({ draft, update, error }: DraftEditing) {
  const t = useT();
  const locale = useBoard((s) => s.workshop?.locale ?? 'fr');
  const colors = gradeColors(draft.grades.length);
  const listRef = useRef<HTMLOListElement>(null);
  // The grade whose name takes the focus once the list changed: one just added, or the one that
  // takes the place of a grade removed (its button is gone).
  const focusNext = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (!focusNext.current) return;
    listRef.current?.querySelector<HTMLInputElement>(`[data-grade-id="${focusNext.current}"]`)?.focus();
    focusNext.current = null;
  });

  return (
    <div className="grades-editor" data-testid="votes.form.grades">
      <p className="grades-editor__head">{t('votes.form.grades')}</p>
      <ol ref={listRef}>
        {draft.grades.map((grade, index) => (
          <li key={grade.id} className="grades-editor__row" data-testid="votes.form.grade">
            <span className="grades-editor__swatch" style={gradeStyle(colors[index])} aria-hidden="true" />
            <div className="grades-editor__name">
              <DraftInput
                value={grade.label}
                maxLength={40}
                aria-label={t('votes.form.gradeLabel', { n: index + 1 })}
                data-grade-id={grade.id}
                data-testid="votes.form.grade-label"
                error={error(`grade.${index}.name`)}
                onChange={(label) => update({ grades: gradeRenamed(draft.grades, index, label) })}
              />
            </div>
            <IconButton
              label={t('votes.form.removeGrade', { name: grade.label || String(index + 1) })}
              disabled={draft.grades.length <= MIN_GRADES}
              testId="votes.form.remove-grade"
              onClick={() => {
                const grades = gradeRemoved(draft.grades, index);
                focusNext.current = (grades[index] ?? grades[index - 1])?.id ?? null;
                update({ grades });
              }}
            >
              <Icon name="close" size={16} />
            </IconButton>
          </li>
        ))}
      </ol>
      <FieldWithError error={error('grades')} errorTestId="votes.form.grades-error">
        {() => null}
      </FieldWithError>
      <div className="grades-editor__actions">
        <button
          type="button"
          className="button"
          disabled={draft.grades.length >= MAX_GRADES}
          data-testid="votes.form.add-grade"
          onClick={() => {
            const grades = gradeAdded(draft.grades);
            focusNext.current = grades.find((g) => !draft.grades.includes(g))?.id ?? null;
            update({ grades });
          }}
        >
          <Icon name="plus" size={16} /> {t('votes.form.addGrade')}
        </button>
        <button
          type="button"
          className="button"
          disabled={isDefaultScale(draft.grades, locale)}
          data-testid="votes.form.reset-grades"
          onClick={() => update({ grades: defaultDraftGrades(locale) })}
        >
          <Icon name="undo" size={16} /> {t('votes.form.resetGrades')}
        </button>
      </div>
      <p className="hint">{t('votes.form.gradesHint')}</p>
    </div>
  );
}
