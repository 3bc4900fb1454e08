import type { PublicRound } from '@atelier/shared';
import { useId, useMemo, useState } from 'react';
import { useT } from '../../../i18n/locale';
import { useBoard } from '../../../state/store';
import { ApplyResult } from './ApplyResult';
import { CriteriaTable } from './CriteriaTable';
import { GroupChart } from './GroupChart';
import { GroupTable } from './GroupTable';
import { MeritProfiles } from './MeritProfiles';
import { rankedRows } from './model';
import { PairwiseMatrix } from './PairwiseMatrix';
import { type ResultView, resultsQuorumLine, weightedGroupNames, weightedRows } from './quorum';
import { RankedBars } from './RankedBars';
import { useLiveTargets } from './useLiveTargets';
import { VoteFrame } from './VoteFrame';

/**
 * A round's results: ranked bars (merit profiles in a majority judgment), the breakdown by
 * participant group, and the mode's details: a scored round's criteria table, a ranking's duels. Everyone sees them once revealed (and live in an open-visibility round);
 * the facilitator can apply them to the board.
 */
export function ResultsView({ round }: { round: PublicRound }) {
  const t = useT();
  const live = useLiveTargets(round.targetKind);
  const results = round.results;
  const rows = useMemo(() => (results ? rankedRows(round, results, live) : []), [round, results, live]);
  const facilitator = useBoard((s) => s.me?.role === 'facilitator');
  const liveResults = round.state === 'open';
  const [view, setView] = useState<ResultView>('plain');
  const noteId = useId();
  const weighted = results?.weighted ?? null;
  const shownWeighted = view === 'weighted' && weighted !== null;
  const shownRows = useMemo(
    () => (shownWeighted && weighted ? weightedRows(round, rows, weighted) : rows),
    [shownWeighted, weighted, round, rows],
  );
  const pairwise = shownWeighted ? weighted?.pairwise : results?.pairwise;

  return (
    <VoteFrame
      round={round}
      testId="votes.results"
      className="results-view"
      eyebrow={t(liveResults ? 'votes.results.liveHeading' : 'votes.results.heading')}
      lead={
        results && (
          <strong data-testid="votes.results-voters">
            {t.plural('votes.results.voters', results.voters)}
          </strong>
        )
      }
      other={
        liveResults ? { show: 'ballot', label: t('votes.backToVote'), testId: 'votes.back-to-vote' } : null
      }
      backTestId="votes.results-close"
    >
      {!results ? (
        <p className="results-view__empty" data-testid="votes.results-hidden">
          {t(round.state === 'open' ? 'votes.results.hiddenOpen' : 'votes.results.hidden')}
        </p>
      ) : (
        <div className="results-view__body">
          {results.quorum && (
            <p
              className={`results-quorum results-quorum--${results.quorum.met ? 'met' : 'short'}`}
              role="note"
              data-testid="votes.results-quorum"
              data-met={results.quorum.met}
            >
              {resultsQuorumLine(t, results.quorum)}
            </p>
          )}
          <section
            className="results-section"
            aria-labelledby="results-ranking"
            data-testid="votes.results-ranking"
            data-view={shownWeighted ? 'weighted' : 'plain'}
          >
            <h3 id="results-ranking">
              {t('votes.results.ranking')}
              {shownWeighted && <span className="visually-hidden"> — {t('votes.results.weighted')}</span>}
            </h3>
            {weighted && (
              <fieldset className="result-switch" data-testid="votes.result-switch">
                <legend className="visually-hidden">{t('votes.results.viewLabel')}</legend>
                {(['plain', 'weighted'] as const).map((option) => (
                  <button
                    key={option}
                    type="button"
                    className="result-switch__option"
                    aria-pressed={view === option}
                    data-testid={`votes.result-view-${option}`}
                    onClick={() => setView(option)}
                  >
                    {t(option === 'plain' ? 'votes.results.viewPlain' : 'votes.results.viewWeighted')}
                  </button>
                ))}
              </fieldset>
            )}
            {shownWeighted && weighted && (
              <p id={noteId} className="results-weighted-note" data-testid="votes.weighted-note">
                {t('votes.results.weightedNote', { groups: weightedGroupNames(t, { ...results, weighted }) })}
              </p>
            )}
            {results.voters === 0 && <p className="hint">{t('votes.results.noVoters')}</p>}
            {round.mode === 'judgment' ? (
              <MeritProfiles round={round} rows={shownRows} shares={shownWeighted} />
            ) : (
              <RankedBars round={round} rows={shownRows} />
            )}
            {round.mode === 'ranking' && <p className="hint">{t('votes.results.rankingHint')}</p>}
          </section>
          {facilitator && round.state === 'revealed' && <ApplyResult round={round} results={results} />}
          {round.mode === 'ranking' && pairwise && (
            <section className="results-section" aria-labelledby="results-pairwise">
              <h3 id="results-pairwise">
                {t('votes.results.pairwise')}
                {shownWeighted && ` · ${t('votes.results.viewWeighted')}`}
              </h3>
              <PairwiseMatrix
                round={round}
                rows={shownRows}
                pairwise={pairwise}
                labelledBy="results-pairwise"
              />
            </section>
          )}
          {results.byGroup.length > 0 && (
            <section className="results-section" aria-labelledby="results-groups">
              <h3 id="results-groups">{t('votes.results.byGroup')}</h3>
              {round.mode === 'judgment' || round.mode === 'ranking' ? (
                <GroupTable round={round} rows={rows} groups={results.byGroup} />
              ) : (
                <GroupChart round={round} rows={rows} groups={results.byGroup} />
              )}
            </section>
          )}
          {round.mode === 'scoring' && (
            <section className="results-section" aria-labelledby="results-criteria">
              <h3 id="results-criteria">{t('votes.results.criteria')}</h3>
              <CriteriaTable round={round} rows={rows} results={results} />
            </section>
          )}
        </div>
      )}
    </VoteFrame>
  );
}
