import { type KeyboardEvent, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useT } from '../../../i18n/locale';
import { tablesAttribute } from '../../../state/tableFilter';
import { useDragHandle } from '../../../toolbox/canvas/dragHandle';
import { TableProvenance } from '../../facilitation/tables/plenary/TableProvenance';
import type { AxisView, IssueView } from './axesBoard';

interface Props {
  issue: IssueView;
  editable: boolean;
  axes: readonly AxisView[];
  onAttach: (issueId: string, axisId: string | null) => void;
}

/** The focusable part of an issue card, found again after the card moved to another column. */
export function issueHandleSelector(issueId: string): string {
  return `[data-testid="axes.issue.handle"][data-issue-id="${CSS.escape(issueId)}"]`;
}

export function issueMenuSelector(issueId: string): string {
  return `[data-testid="axes.issue.menu"][data-issue-id="${CSS.escape(issueId)}"]`;
}

/**
 * An issue: its rank in step 2, its title and its count of notes. The card's body is the
 * drag handle (mouse, long press, or Space/Enter then arrows); the "Rattacher à…" menu does
 * the same without dragging.
 */
export function IssueCard({ issue, editable, axes, onAttach }: Props) {
  // The handle exists only while dragging is on: dnd-kit's aria-disabled (false) stays as it was.
  const { setNodeRef, setActivatorNodeRef, handle, isDragging } = useDragHandle({
    id: issue.id,
    disabled: !editable,
    ariaDisabled: 'keep',
  });
  return (
    <li
      ref={setNodeRef}
      className={isDragging ? 'issue-card issue-card--placeholder' : 'issue-card'}
      data-testid="axes.issue"
      data-issue-id={issue.id}
      data-axis={issue.axis ?? ''}
      data-item-tables={tablesAttribute(issue)}
    >
      {editable ? (
        <button
          type="button"
          ref={setActivatorNodeRef}
          className="issue-card__handle"
          data-testid="axes.issue.handle"
          data-issue-id={issue.id}
          {...handle}
        >
          <IssueCardBody issue={issue} />
        </button>
      ) : (
        <div className="issue-card__handle issue-card__handle--static">
          <IssueCardBody issue={issue} />
        </div>
      )}
      {editable && <AttachMenu issue={issue} axes={axes} onAttach={onAttach} />}
    </li>
  );
}

function IssueCardBody({ issue }: { issue: IssueView }) {
  const t = useT();
  return (
    <>
      {/* The button's name is its text ("Enjeu n° 1 Mobilité rurale, 3 contributions"), what voice control hears. */}
      <span className="issue-card__rank" title={t('axes.issue.rankTitle', { rank: issue.rank })}>
        <span className="visually-hidden">{t('axes.issue.rankPrefix')} </span>
        {issue.rank}
      </span>
      <span className="issue-card__text">
        <span className="issue-card__title" data-testid="axes.issue.title">
          {issue.title}
        </span>
        <span className="visually-hidden">, </span>
        <span className="issue-card__notes">{t.plural('axes.issue.notes', issue.notes)}</span>
        <TableProvenance item={issue} />
      </span>
    </>
  );
}

/** What the card looks like while it is carried (drawn over everything by dnd-kit's overlay). */
export function IssueCardOverlay({ issue }: { issue: IssueView }) {
  return (
    <div className="issue-card issue-card--overlay">
      <div className="issue-card__handle">
        <IssueCardBody issue={issue} />
      </div>
    </div>
  );
}

/**
 * "Rattacher à…": a menu of the axes and the pool, for whoever does not drag. It is drawn in
 * a layer of its own (fixed, over the columns, which scroll and would clip it).
 */
function AttachMenu({
  issue,
  axes,
  onAttach,
}: {
  issue: IssueView;
  axes: readonly AxisView[];
  onAttach: Props['onAttach'];
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [position, setPosition] = useState<{ right: number; top: number } | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const close = useCallback((refocus: boolean) => {
    setOpen(false);
    setPosition(null);
    if (refocus) buttonRef.current?.focus();
  }, []);

  // Placed next to its button (above it when there is no room below), then focused.
  useLayoutEffect(() => {
    if (!open || !buttonRef.current) return;
    const button = buttonRef.current.getBoundingClientRect();
    const height = menuRef.current?.offsetHeight ?? 0;
    const below = button.bottom + 4 + height <= window.innerHeight;
    setPosition({
      right: Math.max(8, window.innerWidth - button.right),
      top: below ? button.bottom + 4 : Math.max(8, button.top - 4 - height),
    });
  }, [open]);
  useEffect(() => {
    if (!open || position === null) return;
    const checked = menuRef.current?.querySelector<HTMLButtonElement>('[aria-checked="true"]');
    const first = menuRef.current?.querySelector<HTMLButtonElement>('[role="menuitemradio"]');
    (checked ?? first)?.focus({ preventScroll: true });
  }, [open, position]);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) close(false);
    };
    // The columns scroll under a fixed menu: close it rather than let it float away.
    const onScroll = (event: Event) => {
      const scrolled = event.target;
      if (scrolled instanceof Node && scrolled.contains(buttonRef.current)) close(false);
    };
    const onResize = () => close(false);
    window.addEventListener('pointerdown', onPointer);
    window.addEventListener('scroll', onScroll, true);
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('pointerdown', onPointer);
      window.removeEventListener('scroll', onScroll, true);
      window.removeEventListener('resize', onResize);
    };
  }, [open, close]);

  const onMenuKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(menuRef.current?.querySelectorAll<HTMLButtonElement>('[role="menuitemradio"]') ?? [])];
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    const focus = (i: number) => items[(i + items.length) % items.length]?.focus();
    if (event.key === 'ArrowDown') focus(index + 1);
    else if (event.key === 'ArrowUp') focus(index - 1);
    else if (event.key === 'Home') focus(0);
    else if (event.key === 'End') focus(items.length - 1);
    else if (event.key === 'Escape') close(true);
    else if (event.key === 'Tab') close(false);
    else return;
    if (event.key !== 'Tab') {
      event.preventDefault();
      event.stopPropagation();
    }
  };

  const choose = (axisId: string | null) => {
    setOpen(false);
    setPosition(null);
    onAttach(issue.id, axisId);
  };

  const options: { id: string | null; label: string }[] = [
    ...axes.map((axis) => ({
      id: axis.id,
      label: t('axes.menu.axis', { n: axis.number, title: axis.title || t('axes.untitled') }),
    })),
    { id: null, label: t('axes.menu.pool') },
  ];

  return (
    <>
      <button
        type="button"
        ref={buttonRef}
        className="issue-card__menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={t('axes.menu.label', { title: issue.title })}
        title={t('axes.menu.title')}
        data-testid="axes.issue.menu"
        data-issue-id={issue.id}
        onPointerDown={(event) => event.stopPropagation()}
        onClick={() => (open ? close(false) : setOpen(true))}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      {open &&
        createPortal(
          <div
            ref={menuRef}
            className="popover attach-menu"
            role="menu"
            aria-label={t('axes.menu.label', { title: issue.title })}
            style={{ position: 'fixed', ...(position ?? { top: 0, right: 0, visibility: 'hidden' }) }}
            data-testid="axes.attach-menu"
            onKeyDown={onMenuKey}
          >
            <p aria-hidden="true" className="attach-menu__heading">
              {t('axes.menu.title')}
            </p>
            {options.map((option) => (
              <button
                key={option.id ?? ''}
                type="button"
                role="menuitemradio"
                aria-checked={option.id === issue.axis}
                className="attach-menu__item"
                data-testid="axes.attach-option"
                data-axis-id={option.id ?? ''}
                onClick={() => choose(option.id)}
              >
                {option.label}
              </button>
            ))}
          </div>,
          document.body,
        )}
    </>
  );
}
