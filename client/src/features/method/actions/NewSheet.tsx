import { createAction } from '@atelier/shared';
import { useId, useRef, useState } from 'react';
import { useT } from '../../../i18n/locale';
import { currentItemTable } from '../../../state/store';
import { FieldError, fieldErrorProps } from '../../../ui/FieldWithError';
import { Icon } from '../../../ui/Icon';
import type { SheetGroup } from './groups';
import { useSheetCommands } from './useSheetCommands';

/** "+ New sheet" at the bottom of a column: asks the title in place, creates the sheet and opens it. */
export function NewSheet({ group, onCreated }: { group: SheetGroup; onCreated: (id: string) => void }) {
  const t = useT();
  const id = useId();
  const commands = useSheetCommands();
  const [title, setTitle] = useState<string | null>(null);
  const [error, setError] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const cancel = () => {
    setTitle(null);
    setError(false);
    requestAnimationFrame(() => buttonRef.current?.focus());
  };
  if (title === null)
    return (
      <button
        ref={buttonRef}
        type="button"
        className="plan-group__new"
        data-testid="sheet.new"
        aria-label={t('sheet.newIn', { group: group.label })}
        onClick={() => setTitle('')}
      >
        <Icon name="plus" size={18} />
        {t('sheet.new')}
      </button>
    );
  const create = () => {
    let created = '';
    try {
      commands.run((doc) => {
        created = createAction(doc, { title, axis: group.axis, table: currentItemTable() });
      });
    } catch {
      setError(true);
      return;
    }
    setTitle(null);
    setError(false);
    if (created !== '') onCreated(created);
  };
  return (
    <form
      className="plan-group__form"
      onSubmit={(event) => {
        event.preventDefault();
        create();
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        {t('sheet.newTitle')}
      </label>
      <input
        id={id}
        className="input"
        value={title}
        maxLength={160}
        placeholder={t('sheet.newPlaceholder')}
        {...fieldErrorProps(`${id}-error`, error)}
        data-testid="sheet.new-title"
        // biome-ignore lint/a11y/noAutofocus: the person just asked for a new sheet; its title comes first.
        autoFocus
        onChange={(event) => setTitle(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            cancel();
          }
        }}
      />
      <FieldError id={`${id}-error`} error={error && t('sheet.titleRequired')} />
      <div className="plan-group__form-actions">
        <button type="submit" className="button button--primary" data-testid="sheet.create">
          {t('sheet.create')}
        </button>
        <button type="button" className="button" onClick={cancel}>
          {t('sheet.cancel')}
        </button>
      </div>
    </form>
  );
}
