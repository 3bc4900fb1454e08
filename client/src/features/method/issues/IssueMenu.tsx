import { type ClusterHead, clusterListReader } from '@atelier/shared';
import { type KeyboardEvent, useCallback, useEffect, useRef, useState } from 'react';
import { useT } from '../../../i18n/locale';
import { useBoardValue } from '../../../state/useBoardValue';
import { IconButton } from '../../../ui/IconButton';
import { useDismiss } from '../../../ui/useDismiss';

interface Props {
  issue: ClusterHead;
  /** Merges the chosen issue into this one; resolves to an error message when refused. */
  onMerge: (from: ClusterHead) => string | null;
  onDissolve: () => void;
}

/** Arrow keys move between a menu's items (the first and last wrap), as menus do. */
function moveFocus(event: KeyboardEvent<HTMLElement>): void {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp' && event.key !== 'Home' && event.key !== 'End')
    return;
  const items = [...event.currentTarget.querySelectorAll<HTMLElement>('[role="menuitem"]')];
  if (items.length === 0) return;
  event.preventDefault();
  const index = items.indexOf(document.activeElement as HTMLElement);
  const next =
    event.key === 'Home'
      ? 0
      : event.key === 'End'
        ? items.length - 1
        : (index + (event.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length;
  items[next]?.focus();
}

/**
 * An issue's actions: "Merge with…" (the other issues, read only while the menu is open)
 * and "Dissolve…" (confirmed by the card). Escape or a press outside closes it.
 */
export function IssueMenu({ issue, onMerge, onDissolve }: Props) {
  const t = useT();
  const [open, setOpen] = useState<false | 'actions' | 'merge'>(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open !== false, rootRef, close);
  const title = issue.title || t('issues.untitled');

  useEffect(() => {
    if (!open) return;
    // The last issues' menus open near the column's bottom: the whole panel is scrolled into view.
    rootRef.current?.querySelector('[role="menu"]')?.scrollIntoView({ block: 'nearest' });
    rootRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus({ preventScroll: true });
  }, [open]);

  return (
    <div className="issue-menu" ref={rootRef}>
      <IconButton
        className="icon-button--small"
        testId="issues.menu"
        label={t('issues.menu', { title })}
        aria-haspopup="menu"
        aria-expanded={open !== false}
        onClick={() => setOpen(open ? false : 'actions')}
      >
        <span aria-hidden="true">⋯</span>
      </IconButton>
      {open === 'actions' && (
        <div
          className="popover issue-menu__panel"
          role="menu"
          aria-label={t('issues.menu', { title })}
          onKeyDown={moveFocus}
          tabIndex={-1}
        >
          <button
            type="button"
            role="menuitem"
            className="issue-menu__item"
            data-testid="issues.merge"
            onClick={() => setOpen('merge')}
          >
            {t('issues.merge')}
          </button>
          <button
            type="button"
            role="menuitem"
            className="issue-menu__item issue-menu__item--danger"
            data-testid="issues.dissolve"
            onClick={() => {
              setOpen(false);
              onDissolve();
            }}
          >
            {t('issues.dissolve')}
          </button>
        </div>
      )}
      {open === 'merge' && (
        <MergeList
          issue={issue}
          title={title}
          onBack={() => setOpen('actions')}
          onMerge={(from) => {
            const error = onMerge(from);
            if (error === null) {
              setOpen(false);
              rootRef.current?.querySelector<HTMLElement>('[data-testid="issues.menu"]')?.focus();
            }
            return error;
          }}
        />
      )}
    </div>
  );
}

function MergeList({
  issue,
  title,
  onBack,
  onMerge,
}: {
  issue: ClusterHead;
  title: string;
  onBack: () => void;
  onMerge: (from: ClusterHead) => string | null;
}) {
  const t = useT();
  const others = useBoardValue(clusterListReader).filter((other) => other.id !== issue.id);
  const [error, setError] = useState<string | null>(null);
  return (
    <div
      className="popover issue-menu__panel issue-menu__panel--merge"
      role="menu"
      aria-label={t('issues.merge')}
      data-testid="issues.merge-menu"
      onKeyDown={moveFocus}
      tabIndex={-1}
    >
      <p className="issue-menu__hint">{t('issues.mergeHint', { title })}</p>
      {others.length === 0 && <p className="issue-menu__hint">{t('issues.mergeNone')}</p>}
      {others.map((other) => (
        <button
          key={other.id}
          type="button"
          role="menuitem"
          className="issue-menu__item"
          data-testid="issues.merge-option"
          data-issue-id={other.id}
          aria-label={t('issues.mergeInto', { from: other.title || t('issues.untitled'), title })}
          onClick={() => setError(onMerge(other))}
        >
          {other.title || t('issues.untitled')}
        </button>
      ))}
      {error && (
        <p className="issue__error" role="alert">
          {error}
        </p>
      )}
      <button
        type="button"
        role="menuitem"
        className="issue-menu__item issue-menu__item--back"
        onClick={onBack}
      >
        {t('issues.mergeBack')}
      </button>
    </div>
  );
}
