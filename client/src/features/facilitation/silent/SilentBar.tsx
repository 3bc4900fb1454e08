import type { ParticipantSummary } from '@atelier/shared';
import { useCallback, useState } from 'react';
import { errorMessage } from '../../../api/errorMessage';
import { fetchDraftCounts, revealDrafts } from '../../../api/silent';
import { usePolled } from '../../../api/usePolled';
import { useT } from '../../../i18n/locale';
import { boardStore, useBoard } from '../../../state/store';

/** How often the facilitator's draft counts are read again while silent ideation is on. */
const COUNTS_POLL_MS = 3000;
const NO_COUNTS: Record<string, number> = {};

interface Props {
  workshopId: string;
  token: string | null;
}

/**
 * Shown while silent ideation is on. Participants are told their new notes stay private; the
 * facilitator sees how many drafts each participant has (never their text) and reveals them.
 */
export function SilentBar({ workshopId, token }: Props) {
  const t = useT();
  const silent = useBoard((s) => s.control.silent);
  const role = useBoard((s) => s.me?.role);
  if (!silent) return null;
  return (
    <div className="silent-bar" data-testid="silent.bar" role="status">
      <span className="silent-bar__message">
        {t(role === 'facilitator' ? 'silent.facilitatorMessage' : 'silent.message')}
      </span>
      {role === 'facilitator' && token && <DraftCounts workshopId={workshopId} token={token} />}
    </div>
  );
}

function DraftCounts({ workshopId, token }: { workshopId: string; token: string }) {
  const t = useT();
  const participants = useBoard((s) => s.workshop?.participants ?? []);
  const read = useCallback(
    (signal: AbortSignal) => fetchDraftCounts(workshopId, token, signal).then((answer) => answer.counts),
    [workshopId, token],
  );
  const counts = usePolled(read, COUNTS_POLL_MS) ?? NO_COUNTS;
  const [revealing, setRevealing] = useState(false);

  const reveal = async () => {
    setRevealing(true);
    try {
      const { revealed } = await revealDrafts(workshopId, token);
      boardStore.getState().toast('success', t.plural('silent.revealed', revealed));
    } catch (error) {
      boardStore.getState().toast('error', errorMessage(t, error));
    } finally {
      setRevealing(false);
    }
  };

  const writers = participants.filter((p: ParticipantSummary) => p.role === 'participant' && !p.removed);
  return (
    <>
      <ul className="silent-bar__counts" aria-label={t('silent.countsLabel')}>
        {writers.map((p) => (
          <li key={p.id} data-testid="silent.count" data-participant-id={p.id}>
            {p.name} <strong data-testid="silent.count.value">{counts[p.id] ?? 0}</strong>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="button button--primary"
        data-testid="silent.reveal"
        disabled={revealing}
        onClick={() => void reveal()}
      >
        {t('silent.reveal')}
      </button>
    </>
  );
}
