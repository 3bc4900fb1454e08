import {
  INDICATOR_FREQUENCIES,
  type IndicatorFrequency,
  STAKEHOLDER_KINDS,
  type StakeholderKind,
} from '@atelier/shared';
import { useT } from '../../../i18n/locale';
import type { MessageKey } from '../../../i18n/translate';
import { undoKeys } from '../../../toolbox/commands/undoKeys';
import type { BoardCommands } from '../../../toolbox/commands/useCommands';
import { frequencyKey, kindKey } from './labels';

type History = Pick<BoardCommands, 'undo' | 'redo'>;

interface SelectProps<V extends string> {
  value: V;
  /** The select's name when no `<label>` points at it (`id`). */
  label?: string;
  onChange: (value: V) => void;
  /** Ctrl/⌘+Z in the select undoes the last change on the board (rows edited in place). */
  commands?: History;
  testId?: string;
  id?: string;
}

/** A choice among a fixed list of values, each shown by its words. */
function PlanSelect<V extends string>({
  values,
  words,
  className = 'plan-select',
  value,
  label,
  onChange,
  commands,
  testId,
  id,
}: SelectProps<V> & { values: readonly V[]; words: (value: V) => MessageKey; className?: string }) {
  const t = useT();
  return (
    <select
      id={id}
      className={className}
      aria-label={label}
      value={value}
      data-testid={testId}
      onChange={(event) => onChange(event.target.value as V)}
      onKeyDown={commands ? undoKeys(commands) : undefined}
    >
      {values.map((option) => (
        <option key={option} value={option}>
          {t(words(option))}
        </option>
      ))}
    </select>
  );
}

/**
 * The kind of a stakeholder, with its French (or English) name; `tinted`, coloured by the
 * kind chosen (the table's rows).
 */
export function KindSelect({ tinted = true, ...props }: SelectProps<StakeholderKind> & { tinted?: boolean }) {
  return (
    <PlanSelect
      values={STAKEHOLDER_KINDS}
      words={kindKey}
      className={tinted ? `plan-select plan-kind--${props.value}` : 'plan-select'}
      {...props}
    />
  );
}

/** How often an indicator is measured. */
export function FrequencySelect(props: SelectProps<IndicatorFrequency>) {
  return <PlanSelect values={INDICATOR_FREQUENCIES} words={frequencyKey} {...props} />;
}
