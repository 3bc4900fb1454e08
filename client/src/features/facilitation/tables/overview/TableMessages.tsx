import {
  clearTableMessages,
  deleteTableMessage,
  messagesFor,
  sendTableMessage,
  TABLE_MESSAGE_MAX,
  type Table,
  type TableMessage,
  tableMessagesReader,
} from '@atelier/shared';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { localeStore, useT } from '../../../../i18n/locale';
import { serverNow } from '../../../../state/serverClock';
import { useBoard } from '../../../../state/store';
import { mySeat } from '../../../../state/tableSpace';
import { useControlValue } from '../../../../state/useBoardValue';
import { useConnection } from '../../../../state/useConnection';
import { ConfirmDialog } from '../../../../ui/ConfirmDialog';
import { Icon } from '../../../../ui/Icon';
import { IconButton } from '../../../../ui/IconButton';
import { TableChip } from '../TableSpace';
import { dismissMessage, loadDismissed } from './dismissed';

/** Most messages a participant sees at once (the latest): the board stays in view. */
const SHOWN_MAX = 3;

function useMessageTime(): (at: number) => string {
  const locale = localeStore((s) => s.locale);
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
    return (at: number) => format.format(at);
  }, [locale]);
}

/** Who a message is for: the table's chip, or "the whole room". */
function Recipient({ message, tables }: { message: TableMessage; tables: readonly Table[] }) {
  const t = useT();
  if (message.table === null) return <span className="table-message__all">{t('tableMessages.toAll')}</span>;
  const table = tables.find((x) => x.id === message.table);
  return table ? <TableChip table={table} /> : <span className="muted">{t('tableMessages.goneTable')}</span>;
}

/**
 * The facilitator writes to one table or all (≤ 280 characters), and sees what was sent, each
 * message removable, all clearable. A control-document command: it reaches every screen at once.
 */
export function TableMessageForm({
  target,
  onTarget,
  focusRequest,
}: {
  /** The table picked (`null`: all tables). */
  target: string | null;
  onTarget: (table: string | null) => void;
  /** Changes when a card's "Message" button asks for the text field. */
  focusRequest: number;
}) {
  const t = useT();
  const doc = useConnection().controlDoc;
  const tables = useBoard((s) => s.tables.tables);
  const messages = useControlValue(tableMessagesReader);
  const time = useMessageTime();
  const [text, setText] = useState('');
  const [announce, setAnnounce] = useState('');
  const [clearing, setClearing] = useState(false);
  const toId = useId();
  const textId = useId();
  const headingId = useId();
  const textRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (focusRequest > 0) textRef.current?.focus();
  }, [focusRequest]);
  const to = target !== null && tables.some((x) => x.id === target) ? target : null;
  const trimmed = text.trim();

  const send = () => {
    if (trimmed === '') return;
    sendTableMessage(doc, { text: trimmed, table: to }, { now: serverNow() });
    setText('');
    setAnnounce(t('tableMessages.sent'));
  };

  return (
    <section className="overview-messages" aria-labelledby={headingId} data-testid="messages.form">
      <h3 id={headingId}>{t('tableMessages.heading')}</h3>
      <form
        className="overview-messages__form"
        onSubmit={(event) => {
          event.preventDefault();
          send();
        }}
      >
        <div className="overview-messages__to">
          <label htmlFor={toId}>{t('tableMessages.to')}</label>
          <select
            id={toId}
            data-testid="messages.to"
            value={to ?? ''}
            onChange={(event) => onTarget(event.target.value || null)}
          >
            <option value="">{t('tableMessages.all')}</option>
            {tables.map((table) => (
              <option key={table.id} value={table.id}>
                {table.name}
              </option>
            ))}
          </select>
        </div>
        <label htmlFor={textId} className="visually-hidden">
          {t('tableMessages.text')}
        </label>
        <textarea
          id={textId}
          ref={textRef}
          data-testid="messages.text"
          rows={3}
          maxLength={TABLE_MESSAGE_MAX}
          placeholder={t('tableMessages.placeholder')}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            // Ctrl/⌘+Enter sends, as in a chat; Enter alone makes a new line.
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              send();
            }
          }}
        />
        <div className="overview-messages__send">
          <span className="muted" aria-hidden="true">
            {t('tableMessages.count', { n: text.length, max: TABLE_MESSAGE_MAX })}
          </span>
          <button
            type="submit"
            className="button button--primary"
            data-testid="messages.send"
            disabled={trimmed === ''}
          >
            {t('tableMessages.send')}
          </button>
        </div>
        <p className="visually-hidden" aria-live="polite">
          {announce}
        </p>
      </form>
      <h4>{t('tableMessages.sentList')}</h4>
      {messages.length === 0 ? (
        <p className="muted">{t('tableMessages.none')}</p>
      ) : (
        <>
          <ul className="overview-messages__sent">
            {messages.map((message) => (
              <li key={message.id} data-testid="messages.sent" data-table-id={message.table ?? ''}>
                <div className="overview-messages__meta">
                  <Recipient message={message} tables={tables} />
                  <span className="muted">{t('tableMessages.at', { time: time(message.at) })}</span>
                  <IconButton
                    label={t('tableMessages.remove', { text: message.text })}
                    testId="messages.remove"
                    onClick={() => deleteTableMessage(doc, message.id)}
                  >
                    <Icon name="trash" size={14} />
                  </IconButton>
                </div>
                <p>{message.text}</p>
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="button"
            data-testid="messages.clear"
            onClick={() => setClearing(true)}
          >
            {t('tableMessages.clear')}
          </button>
        </>
      )}
      {clearing && (
        <ConfirmDialog
          title={t('tableMessages.clearHeading')}
          text={t('tableMessages.clearText')}
          confirmLabel={t('tableMessages.clear')}
          cancelLabel={t('tables.cancel')}
          onConfirm={() => {
            clearTableMessages(doc);
            setClearing(false);
          }}
          onCancel={() => setClearing(false)}
        />
      )}
    </section>
  );
}

/**
 * What the facilitator sent to this person's table or to everyone, in the banners' column until
 * they dismiss it (remembered in this browser). Facilitators see theirs in the overview instead.
 */
export function TableMessagesBanner({ workshopId }: { workshopId: string }) {
  const t = useT();
  const messages = useControlValue(tableMessagesReader);
  const role = useBoard((s) => s.me?.role);
  const seat = useBoard((s) => mySeat(s.tables, s.me?.participantId));
  const tables = useBoard((s) => s.tables.tables);
  const time = useMessageTime();
  const [dismissed, setDismissed] = useState(() => loadDismissed(workshopId));
  if (role === undefined || role === 'facilitator') return null;
  const shown = messagesFor(messages, seat?.id ?? null)
    .filter((m) => !dismissed.has(m.id))
    .slice(0, SHOWN_MAX);
  if (shown.length === 0) return null;
  return (
    <div className="table-messages">
      {shown.map((message) => (
        // An alert: a screen reader says it as it arrives (a live region made with it would not).
        <div
          key={message.id}
          className="table-message"
          role="alert"
          data-testid="messages.banner"
          data-table-id={message.table ?? ''}
        >
          <Icon name="star" size={18} />
          <div className="table-message__body">
            <div className="table-message__meta">
              <strong>{t('tableMessages.from')}</strong>
              <Recipient message={message} tables={tables} />
              <span className="muted">{t('tableMessages.at', { time: time(message.at) })}</span>
            </div>
            <p data-testid="messages.bannerText">{message.text}</p>
          </div>
          <IconButton
            label={t('tableMessages.dismiss')}
            testId="messages.dismiss"
            onClick={() =>
              setDismissed(
                dismissMessage(
                  workshopId,
                  message.id,
                  messages.map((m) => m.id),
                ),
              )
            }
          >
            <Icon name="close" size={16} />
          </IconButton>
        </div>
      ))}
    </div>
  );
}
