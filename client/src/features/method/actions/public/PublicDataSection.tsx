import { type ActionSheet, partnersReader } from '@atelier/shared';
import { useId, useState } from 'react';
import { useT } from '../../../../i18n/locale';
import { useBoard, useCanEdit } from '../../../../state/store';
import { useBoardValue } from '../../../../state/useBoardValue';
import { CompetencesField } from './CompetencesField';
import { competenceRows, competenceWarnings } from './competenceChecks';
import { LeversField } from './LeversField';
import { PlannedDatesField } from './PlannedDatesField';
import { ProgrammeField } from './ProgrammeField';
import { ProgressField } from './ProgressField';
import { filledPublicFields, PUBLIC_FIELD_COUNT } from './publicFields';
import { SiretField } from './SiretField';

/**
 * "Données pour les outils publics": what the public data pack and the State's tools need of a
 * sheet (M57 competences, SGPE levers, programme, lead SIRET, planned dates, progress), folded
 * away until asked for, or open when the sheet has some. Whoever may edit the sheet may edit these.
 */
export function PublicDataSection({ sheet }: { sheet: ActionSheet }) {
  const t = useT();
  const id = useId();
  const editable = useCanEdit();
  const kind = useBoard((s) => s.workshop?.territory.kind ?? null);
  const partners = useBoardValue(partnersReader).filter((p) => p.action === sheet.id).length;
  const filled = filledPublicFields(sheet);
  const [open, setOpen] = useState(filled > 0);
  const rows = competenceRows(sheet.competences, kind, partners);
  const warnings = competenceWarnings(rows);
  const summary = [
    t.plural('publicData.filled', filled, { total: PUBLIC_FIELD_COUNT }),
    warnings.partnerRequired > 0 && t.plural('publicData.partnerRequired', warnings.partnerRequired),
    warnings.toCheck > 0 && t.plural('publicData.toCheck', warnings.toCheck),
  ].filter((part): part is string => typeof part === 'string');

  return (
    <section
      className="sheet-section public-data"
      aria-labelledby={`${id}-title`}
      data-testid="sheet.public"
      data-open={open}
    >
      <h2 id={`${id}-title`} className="sheet-section__title public-data__title">
        <button
          type="button"
          className="public-data__toggle"
          aria-expanded={open}
          aria-controls={`${id}-body`}
          aria-describedby={`${id}-summary`}
          data-testid="sheet.public-toggle"
          onClick={() => setOpen(!open)}
        >
          <span className="public-data__chevron" aria-hidden="true" />
          {t('publicData.title')}
        </button>
      </h2>
      <p id={`${id}-summary`} className="public-data__summary" data-testid="sheet.public-summary">
        {summary.map((part, i) => (
          <span
            key={part}
            className={i === 0 ? undefined : 'public-data__warning'}
            data-testid={i === 0 ? undefined : 'sheet.public-warning'}
          >
            {part}
          </span>
        ))}
      </p>
      <div id={`${id}-body`} className="public-data__body" hidden={!open}>
        <p className="hint public-data__intro">{t('publicData.intro')}</p>
        <CompetencesField sheet={sheet} rows={rows} editable={editable} />
        <LeversField sheet={sheet} editable={editable} />
        <div className="public-data__pair">
          <ProgrammeField sheet={sheet} editable={editable} />
          <SiretField sheet={sheet} editable={editable} />
        </div>
        <PlannedDatesField
          sheet={sheet}
          editable={editable}
          after={<ProgressField sheet={sheet} editable={editable} />}
        />
      </div>
    </section>
  );
}
