import {
  type BinEntry,
  binReader,
  emptyBin,
  NOTE_EDITING,
  restoreNote,
  setNoteEditing,
} from '@atelier/shared';
import { useId, useState } from 'react';
import { useT } from '../../../i18n/locale';
import { listedNames, presentNames } from '../../../state/people';
import { usePresence } from '../../../state/presenceStores';
import { boardStore, useBoard } from '../../../state/store';
import { useBoardValue } from '../../../state/useBoardValue';
import { useConnection } from '../../../state/useConnection';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { SidePanel } from '../../../ui/SidePanel';
import { timeAgo } from '../../../ui/timeAgo';
import { DeleteWorkshopSection } from '../../privacy/DeleteWorkshop';
import { MakeStrategySection } from '../../strategy/MakeStrategy';

/**
 * The facilitator's board panel: who may change a note, the bin of deleted notes, and (for the
 * workshop's creator) making it session 1 of a strategy, and deleting the workshop.
 */
export function BoardPanel({
  workshopId,
  token,
  strategyId,
  onClose,
}: {
  workshopId: string;
  token: string;
  /** The strategy this workshop is a session of, as far as this browser knows. */
  strategyId?: string | undefined;
  onClose: () => void;
}) {
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  return (
    <SidePanel
      className="board-panel"
      testId="boardPanel.panel"
      headingId="board-panel-heading"
      heading={t('boardPanel.heading')}
      closeTestId="boardPanel.close"
      onClose={onClose}
      escapeCloses={!confirming}
    >
      <NoteEditingSetting />
      <Bin confirming={confirming} setConfirming={setConfirming} />
      <MakeStrategySection workshopId={workshopId} token={token} strategyId={strategyId} />
      <DeleteWorkshopSection workshopId={workshopId} token={token} />
    </SidePanel>
  );
}

function NoteEditingSetting() {
  const t = useT();
  const connection = useConnection();
  const mode = useBoard((s) => s.control.noteEditing);
  const id = useId();
  return (
    <fieldset className="board-panel__setting" aria-describedby={`${id}-hint`}>
      <legend className="share-panel__label">{t('boardPanel.editing.legend')}</legend>
      <div className="board-panel__choices">
        {NOTE_EDITING.map((value) => (
          <label key={value} className="round-form__choice">
            <input
              type="radio"
              name={`${id}-editing`}
              value={value}
              checked={mode === value}
              data-testid={`boardPanel.editing.${value}`}
              onChange={() => setNoteEditing(connection.controlDoc, value)}
            />
            {t(`boardPanel.editing.${value}`)}
          </label>
        ))}
      </div>
      <p id={`${id}-hint`} className="board-panel__hint">
        {t('boardPanel.editing.hint')}
      </p>
    </fieldset>
  );
}

function Bin({ confirming, setConfirming }: { confirming: boolean; setConfirming: (on: boolean) => void }) {
  const t = useT();
  const connection = useConnection();
  const entries = useBoardValue(binReader);
  const listed = useBoard((s) => listedNames(s.workshop));
  const present = usePresence((s) => presentNames(s.people));
  const name = (id: string) => listed[id] ?? present[id] ?? t('note.unknownAuthor');
  const now = Date.now();
  return (
    <section className="board-panel__bin" aria-labelledby="board-panel-bin" data-testid="boardPanel.bin">
      <h3 id="board-panel-bin" className="share-panel__label">
        {t('boardPanel.bin.heading')}
      </h3>
      {entries.length === 0 ? (
        <p className="board-panel__hint" data-testid="boardPanel.bin.empty">
          {t('boardPanel.bin.empty')}
        </p>
      ) : (
        <>
          <p className="board-panel__hint">{t.plural('boardPanel.bin.count', entries.length)}</p>
          <ul className="bin-list">
            {entries.map((entry) => (
              <BinItem
                key={entry.note.id}
                entry={entry}
                author={name(entry.note.author)}
                deleter={name(entry.deletedBy)}
                now={now}
                onRestore={() => {
                  restoreNote(connection.boardDoc, entry.note.id);
                  boardStore.getState().toast('success', t('boardPanel.bin.restored'));
                }}
              />
            ))}
          </ul>
          <button
            type="button"
            className="button button--danger"
            data-testid="boardPanel.bin.emptyBin"
            onClick={() => setConfirming(true)}
          >
            {t('boardPanel.bin.emptyBin')}
          </button>
        </>
      )}
      {confirming && (
        <ConfirmDialog
          testId="boardPanel.bin.confirm"
          title={t('boardPanel.bin.confirmHeading')}
          text={t.plural('boardPanel.bin.confirmText', entries.length)}
          confirmLabel={t('boardPanel.bin.confirm')}
          cancelLabel={t('boardPanel.bin.cancel')}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            emptyBin(connection.boardDoc);
          }}
        />
      )}
    </section>
  );
}

interface ItemProps {
  entry: BinEntry;
  author: string;
  deleter: string;
  now: number;
  onRestore: () => void;
}

function BinItem({ entry, author, deleter, now, onRestore }: ItemProps) {
  const t = useT();
  const when = timeAgo(entry.deletedAt, now, t.locale);
  const text = entry.note.text.trim() || t('boardPanel.bin.noText');
  return (
    <li className="bin-item" data-testid="boardPanel.bin.item" data-note-id={entry.note.id}>
      <p className="bin-item__text" data-testid="boardPanel.bin.text">
        {text}
      </p>
      <p className="bin-item__meta" data-testid="boardPanel.bin.meta">
        {t('boardPanel.bin.by', { author, deleter, when: '' })}
        <time dateTime={new Date(entry.deletedAt).toISOString()} title={when.full}>
          {when.text}
        </time>
      </p>
      <button
        type="button"
        className="button"
        data-testid="boardPanel.bin.restore"
        aria-label={t('boardPanel.bin.restoreLabel', { text })}
        onClick={onRestore}
      >
        {t('boardPanel.bin.restore')}
      </button>
    </li>
  );
}
