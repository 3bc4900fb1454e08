import {
  INDICATOR_FREQUENCIES,
  type IndicatorFrequency,
  STAKEHOLDER_KINDS,
  type StakeholderKind,
} from '@atelier/shared';
import { useT } from '../../../i18n/locale';
import { undoKeys } from '../../../toolbox/commands/undoKeys';
import type { BoardCommands } from '../../../toolbox/commands/useCommands';
import { frequencyKey, kindKey } from './labels';

type History = Pick<BoardCommands, 'undo' | 'redo'>;

/** The kind of a stakeholder, with its French (or English) name. */
export function KindSelect({
  value,
  label,
  onChange,
  commands,
  testId,
}: {
  value: StakeholderKind;
  label: string;
  onChange: (kind: StakeholderKind) => void;
  commands?: History;
  testId?: string;
}) {
  const t = useT();
  return (
    <select
      className={`plan-select plan-kind--${value}`}
      aria-label={label}
      value={value}
      data-testid={testId}
      onChange={(event) => onChange(event.target.value as StakeholderKind)}
      onKeyDown={commands ? undoKeys(commands) : undefined}
    >
      {STAKEHOLDER_KINDS.map((kind) => (
        <option key={kind} value={kind}>
          {t(kindKey(kind))}
        </option>
      ))}
    </select>
  );
}

/** How often an indicator is measured. */
export function FrequencySelect({
  value,
  label,
  onChange,
  commands,
  testId,
  id,
}: {
  value: IndicatorFrequency;
  label?: string;
  onChange: (frequency: IndicatorFrequency) => void;
  commands?: History;
  testId?: string;
  id?: string;
}) {
  const t = useT();
  return (
    <select
      id={id}
      className="plan-select"
      aria-label={label}
      value={value}
      data-testid={testId}
      onChange={(event) => onChange(event.target.value as IndicatorFrequency)}
      onKeyDown={commands ? undoKeys(commands) : undefined}
    >
      {INDICATOR_FREQUENCIES.map((frequency) => (
        <option key={frequency} value={frequency}>
          {t(frequencyKey(frequency))}
        </option>
      ))}
    </select>
  );
}
