import {
  type ActionSheet,
  actionsReader,
  axesReader,
  deleteAction,
  observeDeletedActions,
} from '@atelier/shared';
import { useEffect, useState } from 'react';
import { useT } from '../../../i18n/locale';
import { boardStore, useBoard, useCanEdit, useTableSpace } from '../../../state/store';
import { useBoardDoc } from '../../../state/useBoardDoc';
import { useBoardValue } from '../../../state/useBoardValue';
import { useItemsInSpace } from '../../../state/useItemsInSpace';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { DealOut } from '../../facilitation/tables/give/DealOut';
import { groupsInSpace } from '../../facilitation/tables/give/groupsInSpace';
import { TableSectionBlock, useTableSections } from '../../facilitation/tables/plenary/TableSections';
import { GroupColumn } from './GroupColumn';
import { groupSheets } from './groups';
import { focusCard } from './SheetCard';
import { SheetEditor } from './SheetEditor';
import { useSheetCommands } from './useSheetCommands';

/**
 * Step 4 (action plan): the action sheets as cards, one column per strategic axis (and one
 * for sheets without an axis); a card opens the sheet's editor over the step.
 */
export function ActionsStep() {
  const t = useT();
  const sheets = useItemsInSpace(useBoardValue(actionsReader));
  const axes = useBoardValue(axesReader);
  const openId = useBoard((s) => s.openSheet);
  const loaded = useBoard((s) => s.boardLoaded);
  const editable = useCanEdit();
  const projector = useBoard((s) => s.projector);
  const commands = useSheetCommands();
  const doc = useBoardDoc();
  const [deleting, setDeleting] = useState<ActionSheet | null>(null);
  const space = useTableSpace();
  const groups = groupsInSpace(groupSheets(t, sheets, axes), axes, space);
  const sections = useTableSections(sheets);
  const open = openId === null ? undefined : sheets.find((s) => s.id === openId);

  // The open sheet was deleted: close it, and say so when someone else did it (not our own
  // delete or undo, which are local transactions).
  useEffect(() => {
    return observeDeletedActions(doc, (ids, transaction) => {
      const id = boardStore.getState().openSheet;
      if (id === null || !ids.has(id)) return;
      boardStore.getState().setOpenSheet(null);
      if (!transaction.local) boardStore.getState().toast('info', t('sheet.deletedByOther'));
    });
  }, [doc, t]);
  // A sheet that is not in the document at all (gone while we were away): closed quietly.
  useEffect(() => {
    if (loaded && openId !== null && !open) boardStore.getState().setOpenSheet(null);
  }, [loaded, openId, open]);

  const close = () => {
    const id = openId;
    boardStore.getState().setOpenSheet(null);
    if (id) requestAnimationFrame(() => focusCard(id));
  };

  return (
    <div className={projector ? 'plan plan--projector' : 'plan'} data-testid="sheet.step">
      {/* Behind the open sheet, out of reach of the keyboard and screen readers too. */}
      <header className="plan__header step-head" inert={open !== undefined}>
        <h2 className="plan__title">{t('sheet.heading')}</h2>
        <span className="plan__count">{t.plural('sheet.count', sheets.length)}</span>
        <DealOut kind="sheets" count={sheets.length} />
        {!projector && <p className="plan__intro muted">{t('sheet.intro')}</p>}
      </header>
      {sections ? (
        <div className="plan__sections" inert={open !== undefined}>
          {sections.map((section) => {
            // A table's sheets by axis (its axes only); the plenary's section is the usual plan,
            // every column and "+ New sheet" (a sheet made in plenary lands there).
            const plenary = section.table === null && editable;
            const shown = groupSheets(t, section.items, axes).filter(
              (group) => plenary || group.sheets.length > 0,
            );
            return (
              <TableSectionBlock
                key={section.table ?? ''}
                table={section.table}
                count={section.items.length}
                countLabel={t.plural('sheet.count', section.items.length)}
                className="plan-section"
              >
                {shown.length > 0 && (
                  <div className="plan__groups">
                    {shown.map((group) => (
                      <GroupColumn
                        key={group.axis ?? ''}
                        group={group}
                        editable={editable}
                        addable={plenary}
                        onDelete={setDeleting}
                        onCreated={(id) => boardStore.getState().setOpenSheet(id)}
                      />
                    ))}
                  </div>
                )}
              </TableSectionBlock>
            );
          })}
        </div>
      ) : (
        <div className="plan__groups" inert={open !== undefined}>
          {groups.map((group) => (
            <GroupColumn
              key={group.axis ?? ''}
              group={group}
              editable={editable}
              onDelete={setDeleting}
              onCreated={(id) => boardStore.getState().setOpenSheet(id)}
            />
          ))}
        </div>
      )}
      {open && (
        <SheetEditor
          key={open.id}
          sheet={open}
          axes={axes}
          onClose={close}
          onDelete={() => setDeleting(open)}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={t('sheet.deleteTitle')}
          text={t('sheet.deleteText', { title: deleting.title.trim() || t('sheet.untitled') })}
          confirmLabel={t('sheet.deleteConfirm')}
          cancelLabel={t('sheet.cancel')}
          testId="sheet.delete-dialog"
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            const id = deleting.id;
            setDeleting(null);
            try {
              if (commands.run((d) => deleteAction(d, id)))
                boardStore.getState().toast('success', t('sheet.deleted'));
            } catch {
              // Someone else deleted it first: nothing left to do.
            }
          }}
        />
      )}
    </div>
  );
}
