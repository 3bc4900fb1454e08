import { useMemo, useRef, useState } from 'react';
import { useT } from '../../../i18n/locale';
import { useBoard } from '../../../state/store';
import { Icon } from '../../../ui/Icon';
import { SidePanel } from '../../../ui/SidePanel';
import { visibleRounds } from './model';
import { NewRoundForm } from './NewRoundForm';
import { RoundItem } from './RoundItem';
import { useRounds } from './useRounds';
import { type VotesApi, VotesApiProvider } from './votesApi';

interface Props extends VotesApi {
  onClose: () => void;
}

/**
 * The votes side panel. The facilitator creates rounds and runs them (open, close, reveal,
 * reopen, extend, discard) and follows who has voted; everyone else finds the rounds to vote in
 * and the results of past ones.
 */
export function VotesPanel({ workshopId, token, onClose }: Props) {
  return (
    <VotesApiProvider workshopId={workshopId} token={token}>
      <Panel onClose={onClose} />
    </VotesApiProvider>
  );
}

function Panel({ onClose }: { onClose: () => void }) {
  const t = useT();
  const facilitator = useBoard((s) => s.me?.role === 'facilitator');
  const all = useRounds();
  const rounds = useMemo(() => visibleRounds(all, facilitator).reverse(), [all, facilitator]);
  const [creating, setCreating] = useState(false);
  const newRef = useRef<HTMLButtonElement>(null);

  return (
    <SidePanel
      className="votes-panel"
      testId="votes.panel"
      headingId="votes-heading"
      heading={t('votes.panel.heading')}
      closeTestId="votes.close"
      onClose={onClose}
      escapeCloses={!creating}
    >
      {facilitator &&
        (creating ? (
          <NewRoundForm
            onDone={() => {
              setCreating(false);
              requestAnimationFrame(() => newRef.current?.focus());
            }}
          />
        ) : (
          <button
            ref={newRef}
            type="button"
            className="button button--primary votes-panel__new"
            data-testid="votes.new"
            onClick={() => setCreating(true)}
          >
            <Icon name="plus" size={18} /> {t('votes.panel.new')}
          </button>
        ))}
      {rounds.length === 0 ? (
        <p className="hint" data-testid="votes.none">
          {t(facilitator ? 'votes.panel.emptyFacilitator' : 'votes.panel.empty')}
        </p>
      ) : (
        <ul className="round-list">
          {rounds.map((round) => (
            <RoundItem key={round.id} round={round} facilitator={facilitator} />
          ))}
        </ul>
      )}
    </SidePanel>
  );
}
