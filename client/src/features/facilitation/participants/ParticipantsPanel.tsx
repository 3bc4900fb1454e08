import { type ModerationAction, moderationRefusal, type ParticipantSummary } from '@atelier/shared';
import { type ReactNode, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { errorMessage } from '../../../api/errorMessage';
import { removeParticipant, setCoFacilitator } from '../../../api/participants';
import { eraseParticipant } from '../../../api/privacy';
import { localeStore, useT } from '../../../i18n/locale';
import { usePresence } from '../../../state/presenceStores';
import { boardStore, useBoard } from '../../../state/store';
import { initials } from '../../../toolbox/presence/PresenceBar';
import { Checkbox } from '../../../ui/Checkbox';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { Icon } from '../../../ui/Icon';
import { IconButton } from '../../../ui/IconButton';
import { SidePanel } from '../../../ui/SidePanel';
import { NewJoinCodeButton } from '../share/NewJoinCode';
import { notesByAuthor, type ParticipantRow, participantRows } from './participantRows';

interface Props {
  workshopId: string;
  token: string;
  refreshSummary: () => void;
  onClose: () => void;
}

/** Puts the server's answer into the summary we hold, until the next poll brings the same. */
function storeParticipant(updated: ParticipantSummary): void {
  const workshop = boardStore.getState().workshop;
  if (!workshop) return;
  const listed = workshop.participants.some((p) => p.id === updated.id);
  const participants = listed
    ? workshop.participants.map((p) => (p.id === updated.id ? updated : p))
    : [...workshop.participants, updated];
  boardStore.setState({ workshop: { ...workshop, participants } });
}

/** The facilitator's view of who is here: group, role, presence, notes; remove and promote. */
export function ParticipantsPanel({ workshopId, token, refreshSummary, onClose }: Props) {
  const t = useT();
  const locale = localeStore((s) => s.locale);
  const listed = useBoard((s) => s.workshop?.participants);
  const me = useBoard((s) => s.me);
  const counts = useBoard(useShallow((s) => notesByAuthor(s.notes)));
  const people = usePresence((s) => s.people);
  const [busy, setBusy] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<ParticipantRow | null>(null);
  const [erasing, setErasing] = useState<ParticipantRow | null>(null);
  const joinCode = useBoard((s) => s.workshop?.joinCode);
  /** People removed while the panel is open, with the code then: they can come back while it lasts. */
  const [removedHere, setRemovedHere] = useState<{ name: string; code: string | undefined }[]>([]);
  const couldReturn = removedHere.filter((r) => r.code === joinCode);

  const rows = useMemo(
    () => participantRows(listed ?? [], people, counts, locale),
    [listed, people, counts, locale],
  );
  const active = rows.filter((r) => !r.removed);
  const removed = rows.filter((r) => r.removed);
  const here = active.filter((r) => r.here).length;
  const actor = rows.find((r) => r.id === me?.participantId);
  const allowed = (row: ParticipantRow, action: ModerationAction) =>
    actor !== undefined && moderationRefusal(actor, row, action, rows) === null;
  // Erasing follows the removal's rules, a removed person included; once is enough.
  const erasable = (row: ParticipantRow) => !row.erased && allowed({ ...row, removed: false }, 'remove');

  const erase = async (row: ParticipantRow, removeContributions: boolean) => {
    setBusy(row.id);
    try {
      const { participant } = await eraseParticipant(workshopId, row.id, removeContributions, token);
      storeParticipant(participant);
      boardStore.getState().toast('success', t('participants.erasedToast', { name: participant.name }));
    } catch (error) {
      boardStore.getState().toast('error', errorMessage(t, error));
    } finally {
      setBusy(null);
    }
  };

  const eraseButton = (row: ParticipantRow) =>
    erasable(row) && (
      <IconButton
        testId="participants.erase"
        className="participant__erase"
        label={t('participants.erase', { name: row.name })}
        disabled={busy === row.id}
        onClick={() => setErasing(row)}
      >
        <Icon name="eraser" size={18} />
      </IconButton>
    );

  const run = async (row: ParticipantRow, action: ModerationAction) => {
    setBusy(row.id);
    try {
      const updated =
        action === 'remove'
          ? await removeParticipant(workshopId, row.id, token)
          : await setCoFacilitator(workshopId, row.id, action === 'promote', token);
      storeParticipant(updated);
      if (action === 'remove') setRemovedHere((list) => [...list, { name: row.name, code: joinCode }]);
      const done = { remove: 'removedToast', promote: 'promotedToast', demote: 'demotedToast' } as const;
      boardStore.getState().toast('success', t(`participants.${done[action]}`, { name: row.name }));
    } catch (error) {
      boardStore.getState().toast('error', errorMessage(t, error));
    } finally {
      setBusy(null);
    }
  };

  return (
    <SidePanel
      className="participants-panel"
      testId="participants.panel"
      headingId="participants-heading"
      heading={t('participants.heading')}
      closeTestId="participants.close"
      onClose={onClose}
      escapeCloses={!confirming}
    >
      <p className="participants-panel__summary" data-testid="participants.summary">
        {t('participants.summary', { total: t.plural('participants.total', active.length), here })}
      </p>
      {couldReturn.length > 0 && (
        <div className="participants-panel__door" data-testid="participants.newCodeHint">
          <p>
            {t.plural('participants.newCodeHint', couldReturn.length, { name: couldReturn[0]?.name ?? '' })}{' '}
            {t('participants.newCodeAdvice')}
          </p>
          <NewJoinCodeButton
            workshopId={workshopId}
            token={token}
            refreshSummary={refreshSummary}
            label={t('participants.newCode')}
            testId="participants.rotate"
          />
        </div>
      )}
      <ul className="participants-list">
        {active.map((row) => (
          <ParticipantItem key={row.id} row={row} you={row.id === me?.participantId}>
            {(allowed(row, 'remove') || allowed(row, 'promote')) && (
              <fieldset className="participant__actions">
                <legend className="visually-hidden">{t('participants.actions', { name: row.name })}</legend>
                {row.role !== 'facilitator' && allowed(row, 'promote') && (
                  <IconButton
                    testId="participants.promote"
                    label={t('participants.promote', { name: row.name })}
                    disabled={busy === row.id}
                    onClick={() => run(row, 'promote')}
                  >
                    <Icon name="starLine" size={18} />
                  </IconButton>
                )}
                {row.coFacilitator && allowed(row, 'demote') && (
                  <IconButton
                    testId="participants.demote"
                    className="participant__demote"
                    label={t('participants.demote', { name: row.name })}
                    disabled={busy === row.id}
                    onClick={() => run(row, 'demote')}
                  >
                    <Icon name="star" size={18} />
                  </IconButton>
                )}
                {allowed(row, 'remove') && (
                  <IconButton
                    testId="participants.remove"
                    className="participant__remove"
                    label={t('participants.remove', { name: row.name })}
                    disabled={busy === row.id}
                    onClick={() => setConfirming(row)}
                  >
                    <Icon name="userMinus" size={18} />
                  </IconButton>
                )}
                {eraseButton(row)}
              </fieldset>
            )}
          </ParticipantItem>
        ))}
      </ul>
      {removed.length > 0 && (
        <section className="participants-panel__removed" aria-labelledby="participants-removed">
          <h3 id="participants-removed">{t('participants.removedHeading')}</h3>
          <ul className="participants-list">
            {removed.map((row) => (
              <ParticipantItem key={row.id} row={row} you={false}>
                {erasable(row) && (
                  <fieldset className="participant__actions">
                    <legend className="visually-hidden">
                      {t('participants.actions', { name: row.name })}
                    </legend>
                    {eraseButton(row)}
                  </fieldset>
                )}
              </ParticipantItem>
            ))}
          </ul>
        </section>
      )}
      {confirming && (
        <ConfirmDialog
          testId="participants.confirm"
          title={t('participants.confirmHeading', { name: confirming.name })}
          text={t('participants.confirmText')}
          confirmLabel={t('participants.confirm')}
          cancelLabel={t('participants.cancel')}
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            setConfirming(null);
            void run(confirming, 'remove');
          }}
        />
      )}
      {erasing && (
        <EraseDialog
          row={erasing}
          onCancel={() => setErasing(null)}
          onConfirm={(removeContributions) => {
            setErasing(null);
            void erase(erasing, removeContributions);
          }}
        />
      )}
    </SidePanel>
  );
}

/** Confirms an erasure, and whether the person's notes go too (they stay, unsigned, by default). */
function EraseDialog({
  row,
  onCancel,
  onConfirm,
}: {
  row: ParticipantRow;
  onCancel: () => void;
  onConfirm: (removeContributions: boolean) => void;
}) {
  const t = useT();
  const [withNotes, setWithNotes] = useState(false);
  return (
    <ConfirmDialog
      testId="participants.eraseConfirm"
      title={t('participants.eraseHeading', { name: row.name })}
      text={t('participants.eraseText')}
      confirmLabel={t('participants.eraseConfirm')}
      cancelLabel={t('participants.cancel')}
      onCancel={onCancel}
      onConfirm={() => onConfirm(withNotes)}
    >
      <Checkbox
        label={t('participants.eraseContributions')}
        checked={withNotes}
        onChange={setWithNotes}
        testId="participants.eraseContributions"
      />
    </ConfirmDialog>
  );
}

function ParticipantItem({
  row,
  you,
  children,
}: {
  row: ParticipantRow;
  you: boolean;
  children?: ReactNode;
}) {
  const t = useT();
  const presence = row.removed
    ? t('participants.removed')
    : t(row.here ? 'participants.here' : 'participants.away');
  return (
    <li
      className={`participant${row.removed ? ' participant--removed' : ''}`}
      data-testid="participants.row"
      data-participant-id={row.id}
      data-name={row.name}
      data-role={row.label}
      data-erased={row.erased === true}
      data-here={row.here}
    >
      <span className="participant__avatar" style={{ background: row.color }} aria-hidden="true">
        {initials(row.name)}
        {!row.removed && (
          <span className={`participant__dot${row.here ? ' participant__dot--here' : ''}`} title={presence} />
        )}
      </span>
      <div className="participant__body">
        <div className="participant__line">
          <span className="participant__name">
            {row.name}
            {you && <span className="participant__you"> {t('participants.you')}</span>}
          </span>
          <span
            className={`participant__role participant__role--${row.label}`}
            data-testid="participants.role"
            // Most people are participants: only the other roles need a badge to stand out.
            hidden={row.label === 'participant' && !row.removed}
          >
            {t(
              row.erased
                ? 'participants.erased'
                : row.removed
                  ? 'participants.removed'
                  : `participants.role.${row.label}`,
            )}
          </span>
        </div>
        <div className="participant__meta">
          <span data-testid="participants.group">{t(`group.${row.group}`)}</span>
          <span className="participant__notes" data-testid="participants.notes" data-count={row.notes}>
            {t.plural('participants.notes', row.notes)}
          </span>
          {!row.removed && <span className="visually-hidden">{presence}</span>}
        </div>
      </div>
      {children}
    </li>
  );
}
