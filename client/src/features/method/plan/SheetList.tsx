import type { PlanAction, PlanOverview } from '@atelier/shared';
import { type ReactNode, useRef } from 'react';
import { useT } from '../../../i18n/locale';
import { sheetStatusKey } from './labels';

/** A deleted sheet's leftovers, as the list shows them. */
export interface OrphanEntry {
  action: string;
  /** Names of what is left (partners or indicators), to tell two deleted sheets apart. */
  names: string[];
}

interface Props {
  plan: PlanOverview;
  orphans: readonly OrphanEntry[];
  selected: string | null;
  onSelect: (id: string) => void;
  /** What each sheet shows under its title (counts, progress). */
  meta: (action: PlanAction) => ReactNode;
}

/**
 * The action sheets by strategic axis (then those with no axis), as a list to pick one from,
 * and under "Deleted sheet" what is left of deleted sheets, so that nothing is out of sight.
 */
export function SheetList({ plan, orphans, selected, onSelect, meta }: Props) {
  const t = useT();
  return (
    <nav className="plan-list" aria-label={t('plan.sheetsNav')} data-testid="plan.sheets">
      {plan.groups.map((group) => (
        <section key={group.axis?.id ?? ''} className="plan-list__group">
          <h3 className="plan-list__axis" data-testid="plan.axis">
            {group.axis ? group.axis.title : t('plan.noAxis')}
          </h3>
          {group.actions.length === 0 ? (
            <p className="plan-list__none">{t('plan.emptyAxis')}</p>
          ) : (
            <ul>
              {group.actions.map((action) => (
                <li key={action.id}>
                  <button
                    type="button"
                    className="plan-list__item"
                    aria-current={selected === action.id ? 'true' : undefined}
                    data-testid="plan.sheet"
                    data-sheet-id={action.id}
                    onClick={() => onSelect(action.id)}
                  >
                    <span className="plan-list__title">{action.title.trim() || t('plan.untitled')}</span>
                    <span className="plan-list__meta">{meta(action)}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
      {orphans.length > 0 && (
        <section className="plan-list__group plan-list__group--orphans">
          <h3 className="plan-list__axis">{t('plan.orphans')}</h3>
          <ul>
            {orphans.map((orphan) => (
              <li key={orphan.action}>
                <button
                  type="button"
                  className="plan-list__item"
                  aria-current={selected === orphan.action ? 'true' : undefined}
                  data-testid="plan.orphan"
                  data-sheet-id={orphan.action}
                  onClick={() => onSelect(orphan.action)}
                >
                  <span className="plan-list__title">{t('plan.orphans')}</span>
                  <span className="plan-list__meta">{orphan.names.join(', ')}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </nav>
  );
}

interface WithDetailProps extends Props {
  selected: string;
  /** The chosen sheet's cards, under its heading. */
  children: (action: PlanAction) => ReactNode;
  /** Shown instead when the chosen entry is a deleted sheet's leftovers. */
  orphan: ReactNode;
}

/** The list of sheets and, beside it, the chosen one: its heading and cards, or what is left of it. */
export function SheetsWithDetail({ children, orphan, ...list }: WithDetailProps) {
  const { plan, selected } = list;
  const action = plan.groups.flatMap((group) => group.actions).find((a) => a.id === selected);
  const detailRef = useRef<HTMLDivElement>(null);
  const onSelect = (id: string) => {
    list.onSelect(id);
    // On a phone the chosen sheet is under the list, out of sight: bring it up.
    const detail = detailRef.current;
    const listBox = detail?.previousElementSibling?.getBoundingClientRect();
    if (detail && listBox && detail.getBoundingClientRect().top >= listBox.bottom - 1)
      requestAnimationFrame(() => detail.scrollIntoView({ block: 'start' }));
  };
  return (
    <>
      <SheetList {...list} onSelect={onSelect} />
      <div ref={detailRef} className="plan-step__detail" data-testid="plan.detail" data-sheet-id={selected}>
        {action ? (
          <>
            <SheetHeading plan={plan} action={action} />
            {children(action)}
          </>
        ) : (
          orphan
        )}
      </div>
    </>
  );
}

/** The selected sheet's title line: its axis, lead and status. */
export function SheetHeading({ plan, action }: { plan: PlanOverview; action: PlanAction }) {
  const t = useT();
  const axis = plan.groups.find((group) => group.actions.includes(action))?.axis;
  return (
    <header className="plan-sheet__head">
      <p className="plan-sheet__axis">{axis ? axis.title : t('plan.noAxis')}</p>
      <h2 className="plan-sheet__title" data-testid="plan.sheet-title">
        {action.title.trim() || t('plan.untitled')}
      </h2>
      <p className="plan-sheet__facts">
        <span className={`plan-status plan-status--${action.status}`}>
          {t(sheetStatusKey(action.status))}
        </span>
        <span>{action.lead.trim() ? t('plan.lead', { lead: action.lead.trim() }) : t('plan.noLead')}</span>
      </p>
    </header>
  );
}

/** No sheet yet: where they come from (step 4), said to the facilitator as what to do. */
export function NoSheets({ facilitator }: { facilitator: boolean }) {
  const t = useT();
  return (
    <div className="plan-empty" data-testid="plan.empty">
      <h2>{t('plan.empty.title')}</h2>
      <p>{t(facilitator ? 'plan.empty.facilitator' : 'plan.empty.participant')}</p>
    </div>
  );
}
