import { useDroppable } from '@dnd-kit/core';
import { useT } from '../../../i18n/locale';
import { Icon } from '../../../ui/Icon';
import { IconButton } from '../../../ui/IconButton';
import { AxisTable } from '../../facilitation/tables/give/GiveControls';
import { AxisTextField } from './AxisTextField';
import type { AxisView } from './axesBoard';
import { IssueCard } from './IssueCard';

interface Props {
  axis: AxisView;
  /** 0-based place in the reading order. */
  index: number;
  axes: readonly AxisView[];
  editable: boolean;
  /** The room's screen: no editing chrome, larger type (from CSS). */
  projector: boolean;
  /** Whether its arrows move it among the axes (not while they are grouped by table). */
  movable?: boolean;
  onAttach: (issueId: string, axisId: string | null) => void;
  onMove: (axisId: string, by: -1 | 1) => void;
  onDelete: (axis: AxisView) => void;
}

/** One strategic axis: its number, title and description, its issues, and its action sheets. */
export function AxisColumn({
  axis,
  index,
  axes,
  editable,
  projector,
  movable = true,
  onAttach,
  onMove,
  onDelete,
}: Props) {
  const t = useT();
  const { setNodeRef, isOver } = useDroppable({ id: axis.id, disabled: !editable });
  const number = axis.number;
  const title = axis.title || t('axes.untitled');
  return (
    <li
      ref={setNodeRef}
      className={isOver ? 'axis-column axis-column--over' : 'axis-column'}
      data-testid="axes.column"
      data-axis-id={axis.id}
      data-item-tables={axis.table ?? ''}
      aria-labelledby={`axis-${axis.id}-number`}
    >
      <div className="axis-column__head">
        <div className="axis-column__bar">
          <span className="axis-column__number" id={`axis-${axis.id}-number`}>
            {t('axes.number', { n: number })}
            <span className="visually-hidden"> : {title}</span>
          </span>
          {editable && (
            <div className="axis-column__tools">
              {movable && (
                <>
                  <IconButton
                    className="icon-button--small"
                    label={t('axes.moveLeft', { n: number })}
                    testId="axes.move-left"
                    data-axis-id={axis.id}
                    disabled={index === 0}
                    onClick={() => onMove(axis.id, -1)}
                  >
                    <span aria-hidden="true">←</span>
                  </IconButton>
                  <IconButton
                    className="icon-button--small"
                    label={t('axes.moveRight', { n: number })}
                    testId="axes.move-right"
                    data-axis-id={axis.id}
                    disabled={index === axes.length - 1}
                    onClick={() => onMove(axis.id, 1)}
                  >
                    <span aria-hidden="true">→</span>
                  </IconButton>
                </>
              )}
              <IconButton
                className="icon-button--small axis-column__delete"
                label={t('axes.delete', { n: number })}
                testId="axes.delete"
                data-axis-id={axis.id}
                onClick={() => onDelete(axis)}
              >
                <Icon name="close" size={16} />
              </IconButton>
            </div>
          )}
        </div>
        <AxisTable axisId={axis.id} number={number} table={axis.table} />
        {editable ? (
          <>
            <AxisTextField
              axisId={axis.id}
              field="title"
              label={t('axes.titleLabel', { n: number })}
              placeholder={t('axes.titlePlaceholder')}
              className="axis-column__title axis-column__title--input"
              testId="axes.title"
            />
            <AxisTextField
              axisId={axis.id}
              field="description"
              label={t('axes.descriptionLabel', { n: number })}
              placeholder={t('axes.descriptionPlaceholder')}
              className="axis-column__description axis-column__description--input"
              testId="axes.description"
            />
          </>
        ) : (
          <>
            <h3 className="axis-column__title" data-testid="axes.title">
              {title}
            </h3>
            {axis.description !== '' && (
              <p className="axis-column__description" data-testid="axes.description">
                {axis.description}
              </p>
            )}
          </>
        )}
      </div>
      <div className="axis-column__issues">
        <h4 className="visually-hidden">{t('axes.issuesHeading', { n: number })}</h4>
        {axis.issues.length > 0 ? (
          <ol className="issue-list" data-testid="axes.column.issues">
            {axis.issues.map((issue) => (
              <IssueCard key={issue.id} issue={issue} editable={editable} axes={axes} onAttach={onAttach} />
            ))}
          </ol>
        ) : (
          <p className="axis-column__empty">{editable ? t('axes.dropHere') : t('axes.noIssue')}</p>
        )}
      </div>
      {!projector || axis.sheets > 0 ? (
        <p className="axis-column__sheets" data-testid="axes.sheets" data-count={axis.sheets}>
          {axis.sheets === 0 ? t('axes.sheets.none') : t.plural('axes.sheets', axis.sheets)}
        </p>
      ) : null}
    </li>
  );
}
