import { useState } from 'react';
import { useT } from '../../../i18n/locale';
import { forgetWorkshop, type RememberedWorkshop } from '../../../session/remembered';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { focusSoon } from '../../../ui/focusSoon';
import { WorkshopCard } from './WorkshopCard';

/** The empty home's heading, which takes the focus once the last workshop is forgotten. */
export const EMPTY_HEADING_ID = 'workshops-heading';

interface Props {
  entries: readonly RememberedWorkshop[];
  /** The list changed in storage (an entry forgotten): read it again. */
  onChange: () => void;
}

/**
 * The facilitator's workshops on this browser, newest first, each a card that opens it as
 * facilitator. One component per entry kind (a strategy's card, with its sessions, joins
 * `WorkshopCard` here); forgetting asks first, and says the workshop itself stays.
 */
export function RememberedList({ entries, onChange }: Props) {
  const t = useT();
  const [forgetting, setForgetting] = useState<RememberedWorkshop | null>(null);
  const [forgotten, setForgotten] = useState<string | null>(null);

  const forget = (entry: RememberedWorkshop) => {
    const index = entries.indexOf(entry);
    forgetWorkshop(entry.id);
    setForgetting(null);
    setForgotten(entry.title);
    onChange();
    // The focus goes to the next card's link (or the previous one), or to the empty list's
    // heading, never back to the page's top.
    const next = entries[index + 1] ?? entries[index - 1];
    focusSoon(next ? `[data-testid="home.workshop"][data-id="${next.id}"] a` : `#${EMPTY_HEADING_ID}`);
  };

  return (
    <>
      <ul className="remembered" data-testid="home.workshops">
        {entries.map((entry) => (
          <li key={`${entry.kind}:${entry.id}`} className="remembered__item">
            <WorkshopCard workshop={entry} onForget={() => setForgetting(entry)} />
          </li>
        ))}
      </ul>
      <p className="visually-hidden" role="status">
        {forgotten === null ? '' : t('home.workshops.forgotten', { title: forgotten })}
      </p>
      {forgetting && (
        <ConfirmDialog
          testId="home.forgetConfirm"
          title={t('home.workshops.forgetHeading', { title: forgetting.title })}
          text={t('home.workshops.forgetText')}
          confirmLabel={t('home.workshops.forgetConfirm')}
          cancelLabel={t('home.workshops.forgetCancel')}
          onCancel={() => setForgetting(null)}
          onConfirm={() => forget(forgetting)}
        />
      )}
    </>
  );
}
