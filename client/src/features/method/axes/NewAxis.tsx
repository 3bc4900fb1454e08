import { AXIS_TITLE_MAX, AxisTitle, createAxis } from '@atelier/shared';
import { useEffect, useId, useRef, useState } from 'react';
import { useT } from '../../../i18n/locale';
import { boardStore, canEdit, currentItemTable } from '../../../state/store';
import { useConnection } from '../../../state/useConnection';
import { FieldError, fieldErrorProps } from '../../../ui/FieldWithError';
import { focusSoon } from '../../../ui/focusSoon';

/** The title of a new axis, asked in place at the end of the columns; the axis goes after the others. */
export function NewAxis({ count, onClose }: { count: number; onClose: () => void }) {
  const t = useT();
  const connection = useConnection();
  const [title, setTitle] = useState('');
  const [error, setError] = useState(false);
  const inputId = useId();
  const errorId = useId();
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, []);

  const close = () => {
    onClose();
    focusSoon('[data-testid="axes.new"]');
  };

  return (
    <li className="axes__new" ref={ref}>
      <form
        className="axes__new-form"
        data-testid="axes.new-form"
        onSubmit={(event) => {
          event.preventDefault();
          const parsed = AxisTitle.safeParse(title);
          setError(!parsed.success);
          if (!parsed.success || !canEdit(boardStore.getState())) return;
          createAxis(connection.boardDoc, { title: parsed.data, table: currentItemTable() });
          connection.stopCapturing();
          close();
        }}
      >
        <label htmlFor={inputId}>{t('axes.newLabel', { n: count + 1 })}</label>
        <input
          id={inputId}
          className="input"
          value={title}
          maxLength={AXIS_TITLE_MAX}
          placeholder={t('axes.titlePlaceholder')}
          {...fieldErrorProps(errorId, error)}
          data-testid="axes.new-title"
          onChange={(event) => {
            setTitle(event.target.value);
            if (error) setError(false);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation();
              close();
            }
          }}
        />
        <FieldError id={errorId} error={error && t('axes.error.titleEmpty')} testId="axes.new-error" />
        <div className="axes__new-actions">
          <button type="button" className="button" onClick={close}>
            {t('axes.confirm.cancel')}
          </button>
          <button type="submit" className="button button--primary" data-testid="axes.create">
            {t('axes.create')}
          </button>
        </div>
      </form>
    </li>
  );
}
