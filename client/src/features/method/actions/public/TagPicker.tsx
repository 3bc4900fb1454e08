import { type ReactNode, useId, useState } from 'react';
import { useT } from '../../../../i18n/locale';
import { ComboPicker, type PickerGroup } from '../../../../ui/ComboPicker';
import { FieldError } from '../../../../ui/FieldWithError';
import { Icon } from '../../../../ui/Icon';
import { IconButton } from '../../../../ui/IconButton';
import { SheetField } from '../SheetField';

/** A chosen tag: its value, what it shows, and what may be said under it (a competence's check). */
export interface ChosenTag {
  value: string;
  code?: string | undefined;
  label: string;
  /** A tooltip on the tag (a lever's description). */
  title?: string | undefined;
  /** Shown under the tag (the competence check); `data-check` names it for tests and styles. */
  below?: ReactNode;
  check?: string | undefined;
}

interface Props {
  /** The field's name in the sheet (`data-field`, test ids `sheet.<field>…`). */
  field: 'competences' | 'levers';
  label: string;
  chosen: readonly ChosenTag[];
  /** The list for what is typed. */
  groups: (query: string) => readonly PickerGroup[];
  editable: boolean;
  /** Writes the new list of values; answers a message when it is refused (too many). */
  write: (values: string[]) => string | null;
  placeholder: string;
  listLabel: string;
  chosenLabel: string;
  none: string;
  /** Tags side by side (they say nothing under them), rather than one a line. */
  inline?: boolean;
}

/**
 * A field of several tags from a reference list (M57 competences, SGPE levers): the chosen ones,
 * each with a button to remove it, then a field to search the list and take more.
 */
export function TagPicker({
  field,
  label,
  chosen,
  groups,
  editable,
  write,
  placeholder,
  listLabel,
  chosenLabel,
  none,
  inline = false,
}: Props) {
  const t = useT();
  const id = useId();
  const [query, setQuery] = useState('');
  const [error, setError] = useState<string | null>(null);
  const values = chosen.map((tag) => tag.value);
  const selected = new Set(values);
  const save = (next: string[]) => setError(write(next));
  const toggle = (value: string) =>
    save(selected.has(value) ? values.filter((v) => v !== value) : [...values, value]);

  return (
    <SheetField
      label={label}
      {...(editable ? { htmlFor: id } : { headingId: id })}
      field={field}
      className="public-tags"
      testId={`sheet.${field}`}
    >
      {chosen.length === 0 ? (
        !editable && <p className="public-tags__none">{none}</p>
      ) : (
        <ul
          className={inline ? 'public-tags__list public-tags__list--inline' : 'public-tags__list'}
          aria-label={chosenLabel}
        >
          {chosen.map((tag) => (
            <li
              key={tag.value}
              className="public-tag"
              data-testid={`sheet.${field}-tag`}
              data-value={tag.value}
              data-check={tag.check}
            >
              <div className="public-tag__head">
                <span className="public-tag__text" title={tag.title}>
                  {tag.code !== undefined && <span className="public-tag__code">{tag.code} </span>}
                  {tag.label}
                </span>
                {editable && (
                  <IconButton
                    className="icon-button--small public-tag__remove"
                    label={t('publicData.remove', {
                      name: tag.code ? `${tag.code} ${tag.label}` : tag.label,
                    })}
                    testId={`sheet.${field}-remove`}
                    onClick={() => {
                      toggle(tag.value);
                      document.getElementById(id)?.focus();
                    }}
                  >
                    <Icon name="close" size={14} />
                  </IconButton>
                )}
              </div>
              {tag.below}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <>
          <ComboPicker
            inputId={id}
            groups={groups(query)}
            query={query}
            onQuery={setQuery}
            selected={selected}
            multiple
            onPick={toggle}
            placeholder={placeholder}
            empty={t('publicData.noMatch')}
            listLabel={listLabel}
            countText={(n) => t.plural('publicData.results', n)}
            describedBy={error ? `${id}-error` : undefined}
            testId={`sheet.${field}-picker`}
          />
          <FieldError id={`${id}-error`} error={error} />
        </>
      )}
    </SheetField>
  );
}
