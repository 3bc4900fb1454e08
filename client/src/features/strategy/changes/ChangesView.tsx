import type { ChangeCollection, ChangesResponse, ItemChange, SessionSummary } from '@atelier/shared';
import { useEffect, useId, useState } from 'react';
import { errorMessage } from '../../../api/errorMessage';
import { fetchChanges } from '../../../api/strategies';
import { useT } from '../../../i18n/locale';
import type { MessageKey, Translator } from '../../../i18n/translate';
import {
  changeCount,
  changeSections,
  isLinkField,
  type ShownValue,
  shownEditors,
  shownValue,
} from './changeDisplay';
import { useSessionPeople } from './useSessionPeople';

interface Props {
  strategyId: string;
  token: string;
  /** The strategy's sessions, in order: the two pickers list them. */
  sessions: readonly SessionSummary[];
  /** The pair it opens on (`from` before `to`). */
  from: string;
  to: string;
  /** The heading's words: "what changed" on the strategy page, "since the last session" for the room. */
  heading: string;
  /** The heading's level where the view sits. */
  level?: 2 | 3;
}

type Answer =
  | { state: 'loading' }
  | { state: 'ready'; changes: ChangesResponse }
  | { state: 'failed'; message: string };

/**
 * What changed from one session of a strategy to another: pick two sessions, read per notes,
 * issues, axes, sheets, partners and indicators what was added, changed (field: before → after)
 * and removed, with who and when as far as the documents know it (and a word saying how far).
 * The strategy page and the recap a facilitator shows the room at a session's start both use it.
 */
export function ChangesView({
  strategyId,
  token,
  sessions,
  from: initialFrom,
  to: initialTo,
  heading,
  level = 2,
}: Props) {
  const t = useT();
  const id = useId();
  const [from, setFrom] = useState(initialFrom);
  const [to, setTo] = useState(initialTo);
  const [answer, setAnswer] = useState<Answer>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const same = from === to;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` asks again (refresh, retry).
  useEffect(() => {
    if (same) return;
    const abort = new AbortController();
    setAnswer({ state: 'loading' });
    fetchChanges(strategyId, token, from, to, abort.signal).then(
      (changes) => setAnswer({ state: 'ready', changes }),
      (error: unknown) => {
        if (!abort.signal.aborted) setAnswer({ state: 'failed', message: errorMessage(t, error) });
      },
    );
    return () => abort.abort();
  }, [strategyId, token, from, to, same, t, attempt]);

  const Heading = level === 2 ? 'h2' : 'h3';
  const option = (s: SessionSummary) => t('changes.sessionOption', { index: s.index, title: s.title });
  return (
    <section className="changes" aria-labelledby={`${id}-heading`} data-testid="changes">
      <div className="changes__head">
        <Heading id={`${id}-heading`} className="changes__heading">
          {heading}
        </Heading>
        <button
          type="button"
          className="button button--small"
          data-testid="changes.refresh"
          onClick={() => setAttempt((n) => n + 1)}
        >
          {t('changes.refresh')}
        </button>
      </div>
      <div className="changes__pickers">
        <SessionPicker
          id={`${id}-from`}
          label={t('changes.from')}
          testId="changes.from"
          value={from}
          onChange={setFrom}
          sessions={sessions}
          option={option}
        />
        <span className="changes__arrow" aria-hidden="true">
          →
        </span>
        <SessionPicker
          id={`${id}-to`}
          label={t('changes.to')}
          testId="changes.to"
          value={to}
          onChange={setTo}
          sessions={sessions}
          option={option}
        />
      </div>
      <div aria-live="polite" aria-busy={answer.state === 'loading'}>
        {same ? (
          <p className="muted">{t('changes.sameSession')}</p>
        ) : answer.state === 'loading' ? (
          <p className="muted">{t('common.loading')}</p>
        ) : answer.state === 'failed' ? (
          <p className="changes__error" role="alert">
            {answer.message}{' '}
            <button type="button" className="button button--small" onClick={() => setAttempt((n) => n + 1)}>
              {t('common.retry')}
            </button>
          </p>
        ) : (
          <ChangeList strategyId={strategyId} token={token} answer={answer.changes} level={level} />
        )}
      </div>
    </section>
  );
}

function ChangeList({
  strategyId,
  token,
  answer,
  level,
}: {
  strategyId: string;
  token: string;
  answer: ChangesResponse;
  level: 2 | 3;
}) {
  const t = useT();
  // Added notes' authors are the later session's people, removed ones' the earlier session's.
  const later = useSessionPeople(strategyId, token, answer.to.workshopId);
  const earlier = useSessionPeople(strategyId, token, answer.from.workshopId);
  const sections = changeSections(answer.changes);
  const total = changeCount(answer.changes);
  const SectionHeading = level === 2 ? 'h3' : 'h4';
  return (
    <div className="changes__result">
      <p className="changes__summary" data-testid="changes.summary">
        {total === 0
          ? t('changes.none', { from: answer.from.index, to: answer.to.index })
          : t.plural('changes.total', total, { from: answer.from.index, to: answer.to.index })}
      </p>
      {sections.map((section) => (
        <section
          key={section.collection}
          className="changes__section"
          data-testid={`changes.${section.collection}`}
          aria-label={t(`changes.collection.${section.collection}`)}
        >
          <SectionHeading className="changes__section-heading">
            {t(`changes.collection.${section.collection}`)}
            <span className="changes__counts">
              {section.added.length > 0 && ` · ${t.plural('changes.addedCount', section.added.length)}`}
              {section.changed.length > 0 && ` · ${t.plural('changes.changedCount', section.changed.length)}`}
              {section.removed.length > 0 && ` · ${t.plural('changes.removedCount', section.removed.length)}`}
            </span>
          </SectionHeading>
          <ul className="changes__items">
            {[...section.added, ...section.changed, ...section.removed].map((item) => (
              <ChangeItem
                key={`${item.change}-${item.id}`}
                collection={section.collection}
                item={item}
                author={item.author ? (item.change === 'removed' ? earlier : later)[item.author] : undefined}
                names={later}
              />
            ))}
          </ul>
        </section>
      ))}
      <p className="changes__attribution" data-testid="changes.attribution">
        {answer.attribution === 'edit-journal'
          ? t('changes.attribution.journal', { to: answer.to.index })
          : t('changes.attribution')}
      </p>
    </div>
  );
}

function ChangeItem({
  collection,
  item,
  author,
  names,
}: {
  collection: ChangeCollection;
  item: ItemChange;
  author: string | undefined;
  /** The later session's people, who the last editors are. */
  names: Record<string, string>;
}) {
  const t = useT();
  const label = item.label.trim() || t('changes.untitled');
  const editors = shownEditors(item, names).map(({ name, group }) => {
    const groupWord = group ? t(`group.${group}`) : null;
    if (name && groupWord) return t('changes.editor', { name, group: groupWord });
    return name ?? groupWord ?? t('changes.erased');
  });
  // The journal's who and when where it has them; else what the documents record.
  const meta = (
    editors.length > 0
      ? [t('changes.by', { name: editors.join(', ') }), item.editedAt ? dayAndTime(item.editedAt, t) : null]
      : [
          author ? t('changes.by', { name: author }) : null,
          item.authorGroup ? t(`group.${item.authorGroup}`) : null,
          item.change === 'added' && item.createdAt
            ? t('changes.createdAt', { date: day(item.createdAt, t) })
            : null,
        ]
  ).filter((part): part is string => part !== null);
  return (
    <li
      className={`change change--${item.change}`}
      data-testid="changes.item"
      data-change={item.change}
      data-id={item.id}
    >
      <span className={`change__badge change__badge--${item.change}`}>
        {t(`changes.kind.${item.change}`)}
      </span>
      <div className="change__body">
        <p className="change__label" data-testid="changes.label">
          {label}
        </p>
        {(meta.length > 0 || item.betweenSessions) && (
          <p className="change__meta" data-testid="changes.meta">
            {item.betweenSessions && (
              <span
                className="change__between"
                data-testid="changes.betweenSessions"
                title={t('changes.betweenSessionsHint')}
              >
                {t('changes.betweenSessions')}
              </span>
            )}
            {meta.join(' · ')}
          </p>
        )}
        {item.fields.length > 0 && (
          <dl className="change__fields">
            {item.fields.map((field) => (
              <div
                key={field.field}
                className="change__field"
                data-testid="changes.field"
                data-field={field.field}
              >
                <dt>{t(fieldLabelKey(collection, field.field))}</dt>
                <dd>
                  {isLinkField(collection, field.field) ? (
                    t('changes.moved')
                  ) : (
                    <>
                      <Value value={shownValue(field.field, field.from)} />
                      <span className="change__to">
                        {' → '}
                        <span className="visually-hidden">{t('changes.becomes')} </span>
                      </span>
                      <Value value={shownValue(field.field, field.to)} />
                    </>
                  )}
                </dd>
              </div>
            ))}
          </dl>
        )}
      </div>
    </li>
  );
}

function Value({ value }: { value: ShownValue }) {
  const t = useT();
  switch (value.kind) {
    case 'empty':
      return <em className="change__empty">{t('changes.empty')}</em>;
    case 'text':
      return <q className="change__value">{value.text}</q>;
    case 'number':
      return (
        <span className="change__value">
          {new Intl.NumberFormat(
            t.locale,
            value.euros ? { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 } : {},
          ).format(value.value)}
        </span>
      );
    case 'choice':
      return <span className="change__value">{t(value.key as MessageKey)}</span>;
    case 'count':
      return <span className="change__value">{t.plural('changes.entries', value.n)}</span>;
    case 'other':
      return <span className="change__value">{t('changes.edited')}</span>;
  }
}

/** A field's name: the sheet's own words where the sheet editor has them, else the comparison's. */
function fieldLabelKey(collection: ChangeCollection, field: string): MessageKey {
  if (collection === 'actions' && field === 'partnersText') return 'sheet.field.partners';
  if (collection === 'actions' && SHEET_FIELDS.has(field)) return `sheet.field.${field}` as MessageKey;
  return `changes.field.${collection}.${field}` in FIELD_KEYS
    ? (`changes.field.${collection}.${field}` as MessageKey)
    : (`changes.field.${field}` as MessageKey);
}

const SHEET_FIELDS = new Set([
  'title',
  'axis',
  'objectives',
  'description',
  'lead',
  'targetPublic',
  'budget',
  'financing',
  'structure',
  'milestones',
  'risks',
  'priority',
  'status',
]);
/** Fields whose name depends on the collection (a note's text, an issue's notes). */
const FIELD_KEYS: Record<string, true> = { 'changes.field.issues.notes': true };

function dayAndTime(iso: string, t: Translator): string {
  return new Intl.DateTimeFormat(t.locale, {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

function day(iso: string, t: Translator): string {
  return new Intl.DateTimeFormat(t.locale, { day: 'numeric', month: 'short', year: 'numeric' }).format(
    new Date(iso),
  );
}

/** One end of the comparison: a session, by its number and title. */
function SessionPicker({
  id,
  label,
  testId,
  value,
  onChange,
  sessions,
  option,
}: {
  id: string;
  label: string;
  testId: string;
  value: string;
  onChange: (workshopId: string) => void;
  sessions: readonly SessionSummary[];
  option: (session: SessionSummary) => string;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        className="input"
        data-testid={testId}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      >
        {sessions.map((s) => (
          <option key={s.workshopId} value={s.workshopId}>
            {option(s)}
          </option>
        ))}
      </select>
    </div>
  );
}
