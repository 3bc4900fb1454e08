import { FINANCING_SOURCES, type FinancingSource } from '@atelier/shared';
import { useT } from '../../../i18n/locale';

interface SelectProps<V> {
  value: V;
  onChange: (value: V) => void;
  testId: string;
  label: string;
  className?: string;
}

/** Where a financing line's money comes from (own funds, the State, Europe…). */
export function SourceSelect({ value, onChange, testId, label, className }: SelectProps<FinancingSource>) {
  const t = useT();
  return (
    <select
      className={className ? `input ${className}` : 'input'}
      value={value}
      aria-label={label}
      data-testid={testId}
      onChange={(event) => onChange(event.target.value as FinancingSource)}
    >
      {FINANCING_SOURCES.map((source) => (
        <option key={source} value={source}>
          {t(`sheet.source.${source}`)}
        </option>
      ))}
    </select>
  );
}

/** Whether a financing line's money is secured or still to request. */
export function SecuredSelect({ value, onChange, testId, label, className }: SelectProps<boolean>) {
  const t = useT();
  return (
    <select
      className={className ? `input ${className}` : 'input'}
      value={value ? 'secured' : 'pending'}
      aria-label={label}
      data-testid={testId}
      onChange={(event) => onChange(event.target.value === 'secured')}
    >
      <option value="pending">{t('sheet.financing.toRequest')}</option>
      <option value="secured">{t('sheet.financing.secured')}</option>
    </select>
  );
}
