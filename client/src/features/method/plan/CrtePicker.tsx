import { type CrteIndicator, crteIndicator } from '@atelier/shared';
import { useId, useRef, useState } from 'react';
import { useT } from '../../../i18n/locale';
import { ComboPicker } from '../../../ui/ComboPicker';
import { Icon } from '../../../ui/Icon';
import { IconButton } from '../../../ui/IconButton';
import { CRTE_THEME_KEYS, filterCrte } from './crte';

/**
 * "Choisir dans la liste du CRTE": a button that opens a search of the CRTE indicators under it;
 * a pick hands the indicator over and closes the search (so does Escape), the focus back on the button.
 */
export function CrtePicker({
  chosen,
  onPick,
  testId,
}: {
  /** The reference already chosen (marked in the list). */
  chosen: string | null;
  onPick: (indicator: CrteIndicator) => void;
  testId: string;
}) {
  const t = useT();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const buttonRef = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    setQuery('');
    buttonRef.current?.focus();
  };
  const theme = (key: string) => {
    const words = CRTE_THEME_KEYS[key];
    return words ? t(words) : key.replace(/_/g, ' ');
  };
  return (
    <div className="crte-picker" data-testid={testId}>
      <button
        ref={buttonRef}
        type="button"
        className="button crte-picker__open"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        data-testid={`${testId}-open`}
        onClick={() => (open ? close() : setOpen(true))}
      >
        {t('plan.crte.choose')}
      </button>
      {open && (
        <div id={`${id}-panel`} className="crte-picker__panel">
          <label htmlFor={`${id}-search`} className="crte-picker__label">
            {t('plan.crte.search')}
          </label>
          <ComboPicker
            inputId={`${id}-search`}
            groups={filterCrte(query).map((group) => ({
              key: group.theme,
              label: theme(group.theme),
              showLabel: true,
              options: group.indicators.map((indicator) => ({
                value: indicator.id,
                code: indicator.id,
                label: indicator.title,
                detail: indicator.unit === '' ? undefined : indicator.unit,
              })),
            }))}
            query={query}
            onQuery={setQuery}
            selected={new Set(chosen === null ? [] : [chosen])}
            multiple={false}
            onPick={(value) => {
              const indicator = crteIndicator(value);
              if (indicator) onPick(indicator);
              close();
            }}
            placeholder={t('plan.crte.placeholder')}
            empty={t('publicData.noMatch')}
            listLabel={t('plan.crte.list')}
            countText={(n) => t.plural('publicData.results', n)}
            onEscape={close}
            autoFocus
            testId={`${testId}-picker`}
          />
        </div>
      )}
    </div>
  );
}

/** The CRTE id of an indicator picked from the list, with (for those who may edit) a button to forget it. */
export function CrteBadge({
  reference,
  onClear,
  name,
}: {
  reference: string;
  /** Forgets the reference (the name and unit stay). */
  onClear?: (() => void) | undefined;
  /** The indicator's name, for the button's words. */
  name: string;
}) {
  const t = useT();
  const title = crteIndicator(reference)?.title;
  return (
    <span className="crte-badge" data-testid="plan.indicator.crte" data-reference={reference}>
      <span className="crte-badge__text" title={title}>
        <span className="crte-badge__tag">CRTE</span> {reference}
      </span>
      {onClear && (
        <IconButton
          className="icon-button--small crte-badge__clear"
          label={t('plan.crte.clear', { name })}
          testId="plan.indicator.crte-clear"
          onClick={onClear}
        >
          <Icon name="close" size={12} />
        </IconButton>
      )}
    </span>
  );
}
