import {
  CreateWorkshopBody,
  LOCALES,
  type Locale,
  TEMPLATE_CONTENT,
  TERRITORY_KINDS,
  type TerritoryKind,
  WORKSHOP_TEMPLATES,
  type WorkshopTemplate,
} from '@atelier/shared';
import { useId, useState } from 'react';
import { errorMessage } from '../../../api/errorMessage';
import { createWorkshop } from '../../../api/workshops';
import { useT } from '../../../i18n/locale';
import type { MessageKey } from '../../../i18n/translate';
import { enterAsFacilitator } from '../../../session/enterAsFacilitator';

type Field = 'title' | 'territoryName' | 'facilitatorName';

/** Which field a schema issue is about, and what to tell the person (in their language). */
function fieldError(path: readonly PropertyKey[], code: string): [Field, MessageKey] | null {
  const [first, second] = path;
  const tooLong = code === 'too_big';
  if (first === 'title') return ['title', tooLong ? 'home.tooLong' : 'home.titleRequired'];
  if (first === 'territory' && second === 'name') {
    return ['territoryName', tooLong ? 'home.tooLong' : 'home.territoryRequired'];
  }
  if (first === 'facilitatorName') return ['facilitatorName', 'home.nameTooLong'];
  return null;
}

/** The facilitator's form: a workshop is created and opened with the share panel showing. */
export function CreateWorkshopForm() {
  const t = useT();
  const id = useId();
  const [title, setTitle] = useState('');
  const [territoryName, setTerritoryName] = useState('');
  const [kind, setKind] = useState<TerritoryKind>('municipality');
  const [locale, setLocale] = useState<Locale>(t.locale);
  const [facilitatorName, setFacilitatorName] = useState('');
  const [template, setTemplate] = useState<WorkshopTemplate>('full');
  const [errors, setErrors] = useState<Partial<Record<Field, MessageKey>>>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const body = {
      title,
      territory: { name: territoryName, kind },
      locale,
      template,
      ...(facilitatorName.trim() ? { facilitatorName } : {}),
    };
    const parsed = CreateWorkshopBody.safeParse(body);
    if (!parsed.success) {
      const next: Partial<Record<Field, MessageKey>> = {};
      for (const issue of parsed.error.issues) {
        const found = fieldError(issue.path, issue.code);
        if (found && !next[found[0]]) next[found[0]] = found[1];
      }
      setErrors(next);
      document.getElementById(`${id}-${Object.keys(next)[0] ?? 'title'}`)?.focus();
      return;
    }
    setErrors({});
    setServerError(null);
    setBusy(true);
    try {
      enterAsFacilitator(await createWorkshop(parsed.data), {
        title: parsed.data.title,
        territory: parsed.data.territory,
        steps: TEMPLATE_CONTENT[parsed.data.template].steps,
      });
    } catch (error) {
      setServerError(errorMessage(t, error));
      setBusy(false);
    }
  };

  const describedBy = (field: Field) => (errors[field] ? `${id}-${field}-error` : undefined);
  const fieldProps = (field: Field) => ({
    id: `${id}-${field}`,
    'aria-invalid': errors[field] !== undefined,
    'aria-describedby': describedBy(field),
  });
  const errorFor = (field: Field) => {
    const key = errors[field];
    return key ? (
      <p id={`${id}-${field}-error`} className="field-error">
        {t(key)}
      </p>
    ) : null;
  };

  return (
    <form className="form" noValidate onSubmit={submit}>
      <div className="field">
        <label htmlFor={`${id}-title`}>{t('home.title')}</label>
        <input
          {...fieldProps('title')}
          className="input"
          data-testid="home.title"
          value={title}
          maxLength={200}
          placeholder={t('home.titlePlaceholder')}
          onChange={(e) => setTitle(e.target.value)}
        />
        {errorFor('title')}
      </div>
      <div className="field-row">
        <div className="field field--grow">
          <label htmlFor={`${id}-territoryName`}>{t('home.territoryName')}</label>
          <input
            {...fieldProps('territoryName')}
            className="input"
            data-testid="home.territory-name"
            value={territoryName}
            maxLength={160}
            placeholder={t('home.territoryPlaceholder')}
            onChange={(e) => setTerritoryName(e.target.value)}
          />
          {errorFor('territoryName')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('home.territoryKind')}</label>
          <select
            id={`${id}-kind`}
            className="input"
            data-testid="home.territory-kind"
            value={kind}
            onChange={(e) => setKind(e.target.value as TerritoryKind)}
          >
            {TERRITORY_KINDS.map((value) => (
              <option key={value} value={value}>
                {t(`territory.${value}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-locale`}>{t('home.locale')}</label>
          <select
            id={`${id}-locale`}
            className="input"
            data-testid="home.locale"
            value={locale}
            onChange={(e) => setLocale(e.target.value as Locale)}
          >
            {LOCALES.map((value) => (
              <option key={value} value={value} lang={value}>
                {t(`locale.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--grow">
          <label htmlFor={`${id}-facilitatorName`}>
            {t('home.facilitatorName')} <span className="hint">({t('common.optional')})</span>
          </label>
          <input
            {...fieldProps('facilitatorName')}
            className="input"
            data-testid="home.facilitator-name"
            value={facilitatorName}
            maxLength={60}
            autoComplete="name"
            placeholder={t('home.facilitatorPlaceholder')}
            onChange={(e) => setFacilitatorName(e.target.value)}
          />
          {errorFor('facilitatorName')}
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-template`}>{t('template.label')}</label>
        <select
          id={`${id}-template`}
          className="input"
          data-testid="home.template"
          value={template}
          onChange={(e) => setTemplate(e.target.value as WorkshopTemplate)}
        >
          {WORKSHOP_TEMPLATES.map((value) => (
            <option key={value} value={value}>
              {t(`template.${value}`)}
            </option>
          ))}
        </select>
      </div>
      {serverError && (
        <p className="form-error" role="alert" data-testid="home.error">
          {serverError}
        </p>
      )}
      <button
        type="submit"
        className="button button--primary button--large"
        data-testid="home.create"
        disabled={busy}
      >
        {busy ? t('home.creating') : t('home.create')}
      </button>
    </form>
  );
}
