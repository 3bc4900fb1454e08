import type { PublicRound } from '@atelier/shared';
import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useT } from '../../../i18n/locale';
import { boardStore } from '../../../state/store';
import { modeSummary } from './labels';

interface Props {
  round: PublicRound;
  testId: string;
  className?: string;
  /** The line over the title: how the round is voted, or "Résultats du vote". */
  eyebrow: string;
  /** Before the round's rules, under the title (the number of voters). */
  lead?: ReactNode;
  /** Buttons before "Retour au tableau". */
  tools?: ReactNode;
  /** The other view of the same round (the vote, or its results), when there is one. */
  other?: { show: 'ballot' | 'results'; label: string; testId: string } | null;
  backTestId: string;
  children: ReactNode;
}

/** The frame of the voting view and of the results: the round's title and the way back to the board. */
export function VoteFrame({
  round,
  testId,
  className,
  eyebrow,
  lead,
  tools,
  other,
  backTestId,
  children,
}: Props) {
  const t = useT();
  const titleId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // This view replaces the board or another vote view (the ballot at the reveal): it takes over
  // the focus they had, so that a keyboard user is not sent back to the top of the page. Focus
  // elsewhere (the facilitator's panel) stays where it is.
  useEffect(() => {
    const active = document.activeElement;
    const lost = !active || active === document.body;
    const inMain = active instanceof HTMLElement && active.closest('main') !== null;
    if (lost || inMain) headingRef.current?.focus();
  }, []);
  return (
    <section
      className={className ? `vote-view ${className}` : 'vote-view'}
      data-testid={testId}
      data-round-id={round.id}
      data-mode={round.mode}
      data-state={round.state}
      aria-labelledby={titleId}
    >
      <header className="vote-view__head">
        <div className="vote-view__heading">
          <p className="eyebrow">{eyebrow}</p>
          <h2 id={titleId} ref={headingRef} tabIndex={-1}>
            {round.title}
          </h2>
          <p className="vote-view__rules">
            {lead}
            {lead && ' · '}
            {modeSummary(t, round)}
          </p>
        </div>
        <div className="vote-view__tools">
          {tools}
          {other && (
            <button
              type="button"
              className="button"
              data-testid={other.testId}
              onClick={() => boardStore.getState().showVotes({ roundId: round.id, show: other.show })}
            >
              {other.label}
            </button>
          )}
          <button
            type="button"
            className="button"
            data-testid={backTestId}
            onClick={() => boardStore.getState().showVotes(null)}
          >
            {t('votes.backToBoard')}
          </button>
        </div>
      </header>
      {children}
    </section>
  );
}
