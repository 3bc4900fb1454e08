import { setTerritoryCodes, type TerritoryCodes } from '@atelier/shared';
import { type KeyboardEvent, useId, useState } from 'react';
import { useT } from '../../../i18n/locale';
import type { MessageKey } from '../../../i18n/translate';
import { useControlValue } from '../../../state/useBoardValue';
import { useConnection } from '../../../state/useConnection';
import { FieldError, fieldErrorProps } from '../../../ui/FieldWithError';
import { checkTerritoryCodes, formatSiren, territoryCodesReader } from './territoryCodes';

type Code = keyof TerritoryCodes;

const PROBLEM: Record<string, MessageKey> = {
  'insee.format': 'territoryCodes.insee.format',
  'siren.characters': 'territoryCodes.siren.characters',
  'siren.length': 'territoryCodes.siren.length',
  'siren.key': 'territoryCodes.siren.key',
};

/**
 * The territory's official codes (the public data pack's `collectivites` row): the commune's INSEE
 * code and the authority's SIREN, each saved in the control document (facilitators only) when the
 * facilitator leaves its field or presses Enter, after a check that says what is wrong.
 */
export function TerritoryCodesForm() {
  const t = useT();
  const id = useId();
  const connection = useConnection();
  const codes = useControlValue(territoryCodesReader);
  const [drafts, setDrafts] = useState<Partial<Record<Code, string>>>({});
  const [errors, setErrors] = useState<Partial<Record<Code, MessageKey>>>({});
  const [saved, setSaved] = useState<Code | null>(null);
  const stored: Record<Code, string> = { insee: codes.insee ?? '', siren: formatSiren(codes.siren) };

  const commit = (code: Code) => {
    const draft = drafts[code];
    if (draft === undefined) return;
    const checked = checkTerritoryCodes({ ...stored, [code]: draft });
    const problem = checked.errors[code];
    if (problem !== undefined || checked.codes === null) {
      setErrors({ ...errors, [code]: PROBLEM[`${code}.${problem}`] });
      return;
    }
    setErrors({ ...errors, [code]: undefined });
    setDrafts(({ [code]: _, ...rest }) => rest);
    // The other code as stored: only this field's is written.
    const next = { ...codes, [code]: checked.codes[code] };
    if (next.insee !== codes.insee || next.siren !== codes.siren) {
      setTerritoryCodes(connection.controlDoc, next);
      setSaved(code);
    }
  };

  const field = (code: Code) => {
    const fieldId = `${id}-${code}`;
    const error = errors[code];
    const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        commit(code);
      } else if (event.key === 'Escape' && drafts[code] !== undefined) {
        event.preventDefault();
        event.stopPropagation();
        setDrafts(({ [code]: _, ...rest }) => rest);
        setErrors({ ...errors, [code]: undefined });
      }
    };
    return (
      <div className="field territory-codes__field">
        <label htmlFor={fieldId}>{t(`territoryCodes.${code}.label`)}</label>
        <input
          id={fieldId}
          className="input territory-codes__input"
          inputMode={code === 'siren' ? 'numeric' : 'text'}
          autoComplete="off"
          spellCheck={false}
          maxLength={code === 'siren' ? 16 : 8}
          value={drafts[code] ?? stored[code]}
          placeholder={code === 'siren' ? '123 456 789' : '25056'}
          {...fieldErrorProps(`${fieldId}-error`, error)}
          aria-describedby={[error ? `${fieldId}-error` : null, `${fieldId}-hint`].filter(Boolean).join(' ')}
          data-testid={`export.territory-${code}`}
          onChange={(event) => {
            setDrafts({ ...drafts, [code]: event.target.value });
            setSaved(null);
          }}
          onBlur={() => commit(code)}
          onKeyDown={onKeyDown}
        />
        <p id={`${fieldId}-hint`} className="hint territory-codes__hint">
          {t(`territoryCodes.${code}.hint`)}
        </p>
        <FieldError
          id={`${fieldId}-error`}
          error={error && t(error)}
          testId={`export.territory-${code}-error`}
        />
      </div>
    );
  };

  return (
    <fieldset className="territory-codes" data-testid="export.territory">
      <legend className="territory-codes__legend">{t('territoryCodes.legend')}</legend>
      {field('insee')}
      {field('siren')}
      <p className="territory-codes__saved" role="status" data-testid="export.territory-saved">
        {saved ? t(`territoryCodes.${saved}.saved`) : ''}
      </p>
    </fieldset>
  );
}
