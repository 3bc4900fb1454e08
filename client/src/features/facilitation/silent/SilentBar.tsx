import type { ParticipantSummary } from '@atelier/shared';
import { useCallback, useId, useState } from 'react';
import { errorMessage } from '../../../api/errorMessage';
import { fetchDraftCounts, revealDrafts } from '../../../api/silent';
import { usePolled } from '../../../api/usePolled';
import { useT } from '../../../i18n/locale';
import { boardStore, useBoard } from '../../../state/store';

/** How often the facilitator's draft counts are read again while silent ideation is on. */
const COUNTS_POLL_MS = 3000;
/**
 * Up to this many participants, each one's count shows in the bar; past it (a room of 45 would
 * cover half the board) the bar says how many have written and the list opens on demand.
 */
const COUNTS_SHOWN_UP_TO = 12;
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
  const drafts = writers.reduce((sum, p) => sum + (counts[p.id] ?? 0), 0);
  const wrote = writers.filter((p) => (counts[p.id] ?? 0) > 0).length;
  const folds = writers.length > COUNTS_SHOWN_UP_TO;
  const [open, setOpen] = useState(false);
  const listId = useId();
  return (
    <>
      <span className="silent-bar__summary" data-testid="silent.summary">
        {t.plural('silent.wrote', wrote, { total: String(writers.length) })} ·{' '}
        {t.plural('silent.drafts', drafts)}
      </span>
      {folds && (
        <button
          type="button"
          className="button button--small silent-bar__more"
          aria-expanded={open}
          aria-controls={listId}
          data-testid="silent.counts-toggle"
          onClick={() => setOpen(!open)}
        >
          {t(open ? 'silent.hideCounts' : 'silent.showCounts')}
        </button>
      )}
      {(!folds || open) && (
        <ul id={listId} className="silent-bar__counts" aria-label={t('silent.countsLabel')}>
          {writers.map((p) => (
            <li key={p.id} data-testid="silent.count" data-participant-id={p.id}>
              {p.name} <strong data-testid="silent.count.value">{counts[p.id] ?? 0}</strong>
            </li>
          ))}
        </ul>
      )}
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
