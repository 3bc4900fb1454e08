import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';

/** A choice of the list: its value, what it shows (a code in front, a line under it). */
export interface PickerOption {
  value: string;
  label: string;
  /** Shown before the label, in a fixed-width face (an M57 code, a CRTE id). */
  code?: string | undefined;
  /** A second line, smaller (a description, a unit). */
  detail?: string | undefined;
  /** Shown indented under the group's first choice (a sub-competence under its heading). */
  sub?: boolean | undefined;
}

/** Choices shown together; named (a screen reader says the name when entering it) when `label` is set. */
export interface PickerGroup {
  key: string;
  label?: string | undefined;
  /** Shows the label above the group's choices (when its first choice does not already say it). */
  showLabel?: boolean | undefined;
  options: readonly PickerOption[];
}

interface Props {
  /** The input's id, for the `<label htmlFor>` the caller writes. */
  inputId: string;
  /** The choices matching `query` (the caller filters: it knows what to search in). */
  groups: readonly PickerGroup[];
  query: string;
  onQuery: (query: string) => void;
  /** Chosen values (marked in the list). */
  selected: ReadonlySet<string>;
  /** Several choices (the list stays open after each); one otherwise (the list closes). */
  multiple: boolean;
  /** A choice was made (in a multiple picker: taken, or given back if it was chosen). */
  onPick: (value: string) => void;
  placeholder: string;
  /** Said in the list when nothing matches. */
  empty: string;
  /** The list's accessible name. */
  listLabel: string;
  /** How many choices are shown, said to screen readers as it changes. */
  countText: (n: number) => string;
  /** Escape in an empty, closed field (e.g. closes the picker around it); it goes on up otherwise. */
  onEscape?: () => void;
  describedBy?: string | undefined;
  autoFocus?: boolean;
  testId: string;
}

/**
 * A field to type in and a list of choices under it (the ARIA 1.2 combobox with a listbox):
 * typing filters; ↓ and ↑ move in the list, Enter takes the highlighted choice, Escape closes the
 * list (then empties the field). The focus stays in the field, so a keyboard user never loses
 * their place; a click on a choice keeps it there too.
 */
export function ComboPicker({
  inputId,
  groups,
  query,
  onQuery,
  selected,
  multiple,
  onPick,
  placeholder,
  empty,
  listLabel,
  countText,
  onEscape,
  describedBy,
  autoFocus,
  testId,
}: Props) {
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLDivElement>(null);
  const options = groups.flatMap((g) => g.options);
  const activeIndex = options.length === 0 ? -1 : Math.min(active, options.length - 1);
  const optionId = (index: number) => `${listId}-option-${index}`;

  // The highlighted choice stays in sight as the keyboard moves it (not as the list scrolls by hand).
  useEffect(() => {
    if (!open || activeIndex < 0) return;
    listRef.current
      ?.querySelector(`[id="${CSS.escape(`${listId}-option-${activeIndex}`)}"]`)
      ?.scrollIntoView({ block: 'nearest' });
  }, [open, activeIndex, listId]);

  const pick = (value: string) => {
    onPick(value);
    if (!multiple) {
      setOpen(false);
      onQuery('');
    }
  };

  const move = (by: number) => {
    if (!open) {
      setOpen(true);
      return;
    }
    if (options.length === 0) return;
    setActive(Math.max(0, Math.min(options.length - 1, activeIndex + by)));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        move(event.altKey ? 0 : 1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        move(-1);
        break;
      case 'PageDown':
        if (open) {
          event.preventDefault();
          move(8);
        }
        break;
      case 'PageUp':
        if (open) {
          event.preventDefault();
          move(-8);
        }
        break;
      case 'Enter': {
        // Never the form's submit around the picker (the new indicator's).
        event.preventDefault();
        const option = options[activeIndex];
        if (open && option) pick(option.value);
        else setOpen(true);
        break;
      }
      case 'Escape':
        if (open) {
          setOpen(false);
        } else if (query !== '') {
          onQuery('');
        } else if (onEscape) {
          onEscape();
        } else {
          return;
        }
        event.preventDefault();
        event.stopPropagation();
        break;
    }
  };

  let index = -1;
  return (
    <div className="combo" data-testid={testId}>
      <input
        id={inputId}
        className="input combo__input"
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && activeIndex >= 0 ? optionId(activeIndex) : undefined}
        aria-describedby={describedBy}
        placeholder={placeholder}
        value={query}
        // biome-ignore lint/a11y/noAutofocus: the picker opens on a person's request, where they will type.
        autoFocus={autoFocus}
        data-testid={`${testId}-input`}
        onChange={(event) => {
          onQuery(event.target.value);
          setActive(0);
          setOpen(true);
        }}
        onClick={() => setOpen(true)}
        // The focus never goes into the list (a click there keeps it here): leaving the field closes
        // it, and forgets the search (what was typed is no value of the field).
        onBlur={() => {
          setOpen(false);
          if (query !== '') onQuery('');
        }}
        onKeyDown={onKeyDown}
      />
      <div
        ref={listRef}
        id={listId}
        role="listbox"
        aria-label={listLabel}
        aria-multiselectable={multiple || undefined}
        className="combo__list"
        // An empty listbox is not allowed: the line that says nothing matches stands in for it.
        hidden={!open || options.length === 0}
        data-testid={`${testId}-list`}
        // A click inside keeps the focus in the field.
        onMouseDown={(event) => event.preventDefault()}
      >
        {groups.map((group) => {
          const items = group.options.map((option) => {
            index++;
            const at = index;
            const chosen = selected.has(option.value);
            return (
              // The keyboard works from the field (aria-activedescendant): an option takes no focus of its own.
              // biome-ignore lint/a11y/useKeyWithClickEvents: Enter in the field takes the highlighted option.
              <div
                key={option.value}
                id={optionId(at)}
                role="option"
                tabIndex={-1}
                aria-selected={chosen}
                className={[
                  'combo__option',
                  option.sub ? 'combo__option--sub' : '',
                  at === activeIndex ? 'combo__option--active' : '',
                ].join(' ')}
                data-value={option.value}
                data-testid={`${testId}-option`}
                onClick={() => pick(option.value)}
                onMouseMove={() => {
                  if (at !== activeIndex) setActive(at);
                }}
              >
                <span className="combo__mark" aria-hidden="true" />
                <span className="combo__text">
                  {option.code !== undefined && <span className="combo__code">{option.code} </span>}
                  <span className="combo__label">{option.label}</span>
                  {option.detail !== undefined && <span className="combo__detail"> {option.detail}</span>}
                </span>
              </div>
            );
          });
          return group.label === undefined ? (
            items
          ) : (
            // A fieldset is a form's group; in a listbox, ARIA's group is the one.
            // biome-ignore lint/a11y/useSemanticElements: options are grouped by role="group" in a listbox.
            <div key={group.key} role="group" aria-label={group.label} className="combo__group">
              {group.showLabel && (
                // Said by the group's name already.
                <div className="combo__group-label" aria-hidden="true">
                  {group.label}
                </div>
              )}
              {items}
            </div>
          );
        })}
      </div>
      {open && options.length === 0 && (
        <p className="combo__list combo__empty" data-testid={`${testId}-empty`}>
          {empty}
        </p>
      )}
      <p className="visually-hidden" role="status">
        {open ? countText(options.length) : ''}
      </p>
    </div>
  );
}
