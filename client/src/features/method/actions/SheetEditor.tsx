import {
  ACTION_PRIORITIES,
  ACTION_STATUSES,
  ACTION_STRUCTURES,
  type ActionSheet,
  type Axis,
  setActionAxis,
  setActionPriority,
  setActionStatus,
  setActionStructure,
} from '@atelier/shared';
import { type ReactNode, useEffect, useId, useMemo, useRef } from 'react';
import { useT } from '../../../i18n/locale';
import { useSheetActivity } from '../../../state/presenceStores';
import { useBoard, useCanEdit } from '../../../state/store';
import { useConnection } from '../../../state/useConnection';
import { Icon } from '../../../ui/Icon';
import { IconButton } from '../../../ui/IconButton';
import { SheetTableField } from '../../facilitation/tables/give/GiveControls';
import { TableProvenance } from '../../facilitation/tables/plenary/TableProvenance';
import { BudgetField } from './BudgetField';
import { ChoiceField } from './ChoiceField';
import { CollaborativeText } from './CollaborativeText';
import { PeopleInitials } from './FieldPeople';
import { FinancingPlan } from './FinancingPlan';
import { axisLabel } from './groups';
import { Milestones } from './Milestones';
import { PublicDataSection } from './public/PublicDataSection';
import { SheetPresenceContext, SheetPresenceReporter } from './sheetPresence';

interface Props {
  sheet: ActionSheet;
  axes: readonly Axis[];
  onClose: () => void;
  /** Asks to delete the sheet (the step confirms). */
  onDelete: () => void;
}

/**
 * The open action sheet, in a large panel over the step: every field of the sheet, typed
 * in by several people at once. Escape or the close button leave it.
 */
export function SheetEditor({ sheet, axes, onClose, onDelete }: Props) {
  const t = useT();
  const connection = useConnection();
  const editable = useCanEdit();
  const projector = useBoard((s) => s.projector);
  const panelRef = useRef<HTMLElement>(null);
  const reporter = useMemo(
    () => new SheetPresenceReporter((presence) => connection.setPresence({ sheet: presence })),
    [connection],
  );
  useEffect(() => {
    reporter.open(sheet.id);
    return () => reporter.close();
  }, [reporter, sheet.id]);
  useEffect(() => {
    panelRef.current?.focus();
  }, []);
  const people = useSheetActivity(sheet.id);
  const title = sheet.title.trim() || t('sheet.untitled');
  const axisIndex = axes.findIndex((a) => a.id === sheet.axis);
  const axis = axes[axisIndex];

  return (
    <SheetPresenceContext.Provider value={reporter}>
      <div className="sheet-drawer__scrim" aria-hidden="true" onClick={onClose} />
      <section
        ref={panelRef}
        className="sheet-drawer"
        role="dialog"
        aria-label={t('sheet.dialog', { title })}
        tabIndex={-1}
        data-testid="sheet.editor"
        data-sheet-id={sheet.id}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && !event.defaultPrevented) {
            event.preventDefault();
            event.stopPropagation();
            onClose();
          }
        }}
      >
        <header className="sheet-drawer__header">
          <div className="sheet-drawer__heading">
            <p className="sheet-drawer__eyebrow">
              {t('sheet.eyebrow')}
              {axis && <span className="sheet-drawer__axis">· {axisLabel(t, axis, axisIndex)}</span>}
              <TableProvenance item={sheet} />
              {!editable && !projector && (
                <span className="sheet-badge sheet-badge--readonly">{t('sheet.readOnly')}</span>
              )}
            </p>
            <CollaborativeText
              sheetId={sheet.id}
              field="title"
              label={t('sheet.field.title')}
              placeholder={t('sheet.placeholder.title')}
              heading
            />
          </div>
          <PeopleInitials
            people={people}
            label={t('sheet.peopleIn', { names: people.map((p) => p.name).join(', ') })}
            testId="sheet.editor-people"
          />
          {editable && (
            <button
              type="button"
              className="button sheet-drawer__delete"
              data-testid="sheet.editor-delete"
              onClick={onDelete}
            >
              {t('sheet.deleteConfirm')}
            </button>
          )}
          <IconButton label={t('sheet.close')} testId="sheet.close" onClick={onClose}>
            <Icon name="close" />
          </IconButton>
        </header>
        <div className="sheet-drawer__body">
          <div className="sheet-drawer__main">
            <Section title={t('sheet.sectionContent')}>
              <CollaborativeText
                sheetId={sheet.id}
                field="objectives"
                label={t('sheet.field.objectives')}
                placeholder={t('sheet.placeholder.objectives')}
              />
              <CollaborativeText
                sheetId={sheet.id}
                field="description"
                label={t('sheet.field.description')}
                placeholder={t('sheet.placeholder.description')}
                rows={4}
              />
              <div className="sheet-drawer__pair">
                <CollaborativeText
                  sheetId={sheet.id}
                  field="targetPublic"
                  label={t('sheet.field.targetPublic')}
                  placeholder={t('sheet.placeholder.targetPublic')}
                  rows={2}
                />
                <CollaborativeText
                  sheetId={sheet.id}
                  field="partners"
                  label={t('sheet.field.partners')}
                  placeholder={t('sheet.placeholder.partners')}
                  rows={2}
                />
              </div>
            </Section>
            <Section title={t('sheet.sectionMoney')}>
              <FinancingPlan sheet={sheet} />
            </Section>
            <Section title={t('sheet.sectionPlan')}>
              <Milestones sheet={sheet} />
              <CollaborativeText
                sheetId={sheet.id}
                field="risks"
                label={t('sheet.field.risks')}
                placeholder={t('sheet.placeholder.risks')}
              />
            </Section>
            <PublicDataSection sheet={sheet} />
          </div>
          <div className="sheet-drawer__meta">
            <ChoiceField
              sheetId={sheet.id}
              field="status"
              label={t('sheet.field.status')}
              value={sheet.status}
              options={ACTION_STATUSES.map((s) => ({ value: s, label: t(`sheet.status.${s}`) }))}
              onChange={(value) => (doc) => setActionStatus(doc, sheet.id, value)}
            />
            <ChoiceField
              sheetId={sheet.id}
              field="priority"
              label={t('sheet.field.priority')}
              value={sheet.priority}
              none={t('sheet.priority.none')}
              options={ACTION_PRIORITIES.map((p) => ({ value: p, label: t(`sheet.priority.${p}`) }))}
              onChange={(value) => (doc) => setActionPriority(doc, sheet.id, value)}
            />
            <ChoiceField
              sheetId={sheet.id}
              field="axis"
              label={t('sheet.field.axis')}
              value={axis ? axis.id : null}
              none={t('sheet.noAxis')}
              options={axes.map((a, index) => ({ value: a.id, label: axisLabel(t, a, index) }))}
              onChange={(value) => (doc) => setActionAxis(doc, sheet.id, value)}
            />
            <SheetTableField sheet={sheet} />
            <ChoiceField
              sheetId={sheet.id}
              field="structure"
              label={t('sheet.field.structure')}
              value={sheet.structure}
              none={t('sheet.structure.none')}
              options={ACTION_STRUCTURES.map((s) => ({ value: s, label: t(`sheet.structure.${s}`) }))}
              onChange={(value) => (doc) => setActionStructure(doc, sheet.id, value)}
            />
            <CollaborativeText
              sheetId={sheet.id}
              field="lead"
              label={t('sheet.field.lead')}
              placeholder={t('sheet.placeholder.lead')}
              rows={1}
            />
            <BudgetField sheet={sheet} />
          </div>
        </div>
      </section>
    </SheetPresenceContext.Provider>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="sheet-section" aria-labelledby={id}>
      <h2 id={id} className="sheet-section__title">
        {title}
      </h2>
      {children}
    </section>
  );
}
