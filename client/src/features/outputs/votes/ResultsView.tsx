import {
  formatNumber,
  formatScore,
  type GroupBreakdown,
  keepTopAxes,
  type ParticipantGroup,
  type PublicRound,
  prioritiseActionsByResult,
  type RoundResults,
  rankIssuesByResult,
  SCORE_MAX,
} from '@atelier/shared';
import { useId, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import { useT } from '../../../i18n/locale';
import type { Translator } from '../../../i18n/translate';
import { boardStore, canEdit, useBoard } from '../../../state/store';
import { useConnection } from '../../../state/useConnection';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { FieldWithError } from '../../../ui/FieldWithError';
import { CriteriaHeads } from './CriteriaHeads';
import { formatTotal } from './labels';
import { barGeometry, barScale, type RankedRow, rankedRows } from './model';
import { useLiveTargets } from './useLiveTargets';
import { VoteFrame } from './VoteFrame';

/** One colour per participant group, the same in every chart (distinct for colour-blind eyes too). */
const GROUP_COLORS: Record<ParticipantGroup, string> = {
  elected: '#0b5cad',
  staff: '#c77800',
  resident: '#16855b',
  business: '#b5468f',
  association: '#3f9bd6',
  partner: '#c4451c',
  other: '#6b7080',
};

/**
 * A round's results: ranked bars, the breakdown by participant group, and for a scored round
 * the criteria table. Everyone sees them once revealed (and live in an open-visibility round);
 * the facilitator can apply them to the board.
 */
export function ResultsView({ round }: { round: PublicRound }) {
  const t = useT();
  const live = useLiveTargets(round.targetKind);
  const results = round.results;
  const rows = useMemo(() => (results ? rankedRows(round, results, live) : []), [round, results, live]);
  const facilitator = useBoard((s) => s.me?.role === 'facilitator');
  const liveResults = round.state === 'open';

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
          <section className="results-section" aria-labelledby="results-ranking">
            <h3 id="results-ranking">{t('votes.results.ranking')}</h3>
            {results.voters === 0 && <p className="hint">{t('votes.results.noVoters')}</p>}
            <RankedBars round={round} rows={rows} />
          </section>
          {facilitator && round.state === 'revealed' && <ApplyResult round={round} results={results} />}
          {results.byGroup.length > 0 && (
            <section className="results-section" aria-labelledby="results-groups">
              <h3 id="results-groups">{t('votes.results.byGroup')}</h3>
              <GroupChart round={round} rows={rows} groups={results.byGroup} />
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

function RankedBars({ round, rows }: { round: PublicRound; rows: RankedRow[] }) {
  const t = useT();
  const scale = barScale(
    rows.map((r) => r.total),
    round.mode === 'scoring' ? SCORE_MAX : 0,
  );
  return (
    <ol className="results-bars" data-testid="votes.ranking" aria-labelledby="results-ranking">
      {rows.map((row) => {
        const bar = barGeometry(row.total, scale);
        return (
          <li
            key={row.targetId}
            className="results-bars__row"
            data-testid="votes.result"
            data-target-id={row.targetId}
            data-label={row.label}
            data-rank={row.rank}
            data-total={row.total}
          >
            <span className="results-bars__rank">
              <span className="visually-hidden">{t('votes.results.rank', { rank: row.rank })}</span>
              <span aria-hidden="true">{row.rank}</span>
            </span>
            <div className="results-bars__body">
              <p className="results-bars__label">
                <span>{row.label}</span>
                {row.tied && (
                  <span className="vote-pill vote-pill--warning" data-testid="votes.tie">
                    {t('votes.results.tie')}
                  </span>
                )}
                {row.deleted && (
                  <span className="vote-pill vote-pill--muted">{t('votes.ballot.deleted')}</span>
                )}
              </p>
              <div className="results-bars__track" aria-hidden="true">
                {scale.min < 0 && <span className="results-bars__zero" style={{ left: `${bar.zero}%` }} />}
                <span
                  className={
                    row.total < 0 ? 'results-bars__bar results-bars__bar--negative' : 'results-bars__bar'
                  }
                  style={{ left: `${bar.start}%`, width: `${bar.width}%` }}
                />
              </div>
            </div>
            <div className="results-bars__figures">
              <strong data-testid="votes.result-total">{formatTotal(t, round.mode, row.total)}</strong>
              {row.negative > 0 && (
                <span>{t('votes.results.forAgainst', { for: row.positive, against: row.negative })}</span>
              )}
              <span>{t.plural('votes.results.voters', row.voters)}</span>
            </div>
          </li>
        );
      })}
    </ol>
  );
}

/** "Habitant·e", or "Autres (Élu·e, Entreprise)" when small groups were merged into it. */
function groupName(t: Translator, group: GroupBreakdown): string {
  if (group.group !== 'other' || group.merged.length === 0) return t(`group.${group.group}`);
  return t('votes.results.merged', { groups: group.merged.map((g) => t(`group.${g}`)).join(', ') });
}

/** Per target, one bar per group (grouped bars), with a legend that says who each colour is. */
function GroupChart({
  round,
  rows,
  groups,
}: {
  round: PublicRound;
  rows: RankedRow[];
  groups: GroupBreakdown[];
}) {
  const t = useT();
  const scale = barScale(
    groups.flatMap((g) => Object.values(g.totals)),
    round.mode === 'scoring' ? SCORE_MAX : 0,
  );
  return (
    <div className="results-groups" data-testid="votes.groups">
      <ul className="results-legend" aria-label={t('votes.results.legend')}>
        {groups.map((g) => (
          <li key={g.group} data-testid="votes.group" data-group={g.group}>
            <span className="results-legend__swatch" style={{ background: GROUP_COLORS[g.group] }} />
            {groupName(t, g)}
            <span className="muted"> · {t.plural('votes.results.voters', g.voters)}</span>
          </li>
        ))}
      </ul>
      {groups.length === 1 && groups[0]?.group === 'other' && (
        <p className="hint">{t('votes.results.allMerged')}</p>
      )}
      <ul className="results-groups__targets">
        {rows.map((row) => (
          <li key={row.targetId} className="results-groups__target">
            <p className="results-groups__label">{row.label}</p>
            <ul className="results-groups__bars">
              {groups.map((g) => {
                const value = g.totals[row.targetId] ?? 0;
                const bar = barGeometry(value, scale);
                const shown =
                  round.mode === 'dots' ? formatNumber(t.locale, value) : formatScore(t.locale, value);
                return (
                  <li key={g.group} className="results-groups__bar-row">
                    <span className="visually-hidden">{groupName(t, g)} : </span>
                    <span className="results-groups__track" aria-hidden="true">
                      <span
                        className="results-groups__bar"
                        style={{
                          left: `${bar.start}%`,
                          width: `${bar.width}%`,
                          background: GROUP_COLORS[g.group],
                        }}
                      />
                    </span>
                    <span className="results-groups__value">{shown}</span>
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ul>
    </div>
  );
}

function CriteriaTable({
  round,
  rows,
  results,
}: {
  round: PublicRound;
  rows: RankedRow[];
  results: RoundResults;
}) {
  const t = useT();
  const criteria = round.criteria ?? [];
  const byTarget = new Map(results.targets.map((r) => [r.targetId, r]));
  return (
    <div className="score-grid__wrap">
      <table className="criteria-table" data-testid="votes.criteria-table">
        <thead>
          <tr>
            <CriteriaHeads round={round} />
            <th scope="col">{t('votes.results.weighted')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.targetId} data-testid="votes.criteria-row" data-label={row.label}>
              <th scope="row">{row.label}</th>
              {criteria.map((c, i) => {
                const stat = byTarget.get(row.targetId)?.criteria[i];
                return (
                  <td
                    key={c.id}
                    data-label={c.label}
                    data-testid="votes.criterion-cell"
                    data-criterion={c.id}
                    data-mean={stat?.mean ?? ''}
                  >
                    {stat && stat.count > 0 ? (
                      <>
                        <span className="criteria-table__mean">{formatScore(t.locale, stat.mean)}</span>
                        <span className="criteria-table__median">
                          {t('votes.results.median', { median: formatScore(t.locale, stat.median) })}
                        </span>
                      </>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                );
              })}
              <td className="criteria-table__total" data-label={t('votes.results.weighted')}>
                {formatScore(t.locale, row.total)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">{t('votes.results.criteriaHint')}</p>
    </div>
  );
}

/** The facilitator turns the result into a board change: one undoable step. */
function ApplyResult({ round, results }: { round: PublicRound; results: RoundResults }) {
  const t = useT();
  const connection = useConnection();
  const live = useLiveTargets(round.targetKind);
  const axesVoted = results.targets.filter((r) => live.some((l) => l.id === r.targetId)).length;
  const [keep, setKeep] = useState(String(Math.min(3, Math.max(1, axesVoted))));
  const [keepError, setKeepError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const keepId = useId();
  if (round.targetKind === 'notes') return null;

  const apply = (run: () => void) => {
    if (!canEdit(boardStore.getState())) {
      boardStore.getState().toast('error', t('votes.apply.readOnly'));
      return;
    }
    connection.undo.stopCapturing();
    run();
    connection.undo.stopCapturing();
    boardStore.getState().toast('success', t('votes.apply.done'));
  };

  const askKeep = () => {
    const n = /^\d+$/.test(keep.trim()) ? Number(keep.trim()) : Number.NaN;
    if (!Number.isInteger(n) || n < 1 || n > axesVoted) {
      setKeepError(t('votes.apply.keepError', { max: axesVoted }));
      return;
    }
    setKeepError(null);
    if (n >= axesVoted) apply(() => keepTopAxes(connection.boardDoc, results, n));
    else setConfirming(n);
  };

  return (
    <section className="results-apply" aria-labelledby="results-apply" data-testid="votes.apply">
      <h3 id="results-apply">{t('votes.apply.heading')}</h3>
      {round.targetKind === 'issues' && (
        <button
          type="button"
          className="button button--primary"
          data-testid="votes.apply-issues"
          onClick={() => apply(() => rankIssuesByResult(connection.boardDoc, results))}
        >
          {t('votes.apply.issues')}
        </button>
      )}
      {round.targetKind === 'actions' && (
        <button
          type="button"
          className="button button--primary"
          data-testid="votes.apply-actions"
          onClick={() => apply(() => prioritiseActionsByResult(connection.boardDoc, results))}
        >
          {t('votes.apply.actions')}
        </button>
      )}
      {round.targetKind === 'axes' && (
        <div className="results-apply__keep">
          <label htmlFor={keepId}>{t('votes.apply.keepLabel')}</label>
          <FieldWithError error={keepError}>
            {(errorProps) => (
              <input
                id={keepId}
                className="input results-apply__number"
                inputMode="numeric"
                value={keep}
                onChange={(event) => setKeep(event.target.value)}
                data-testid="votes.apply-keep"
                {...errorProps}
              />
            )}
          </FieldWithError>
          <button
            type="button"
            className="button button--primary"
            data-testid="votes.apply-axes"
            onClick={askKeep}
          >
            {t('votes.apply.axes', { n: keep.trim() || '…' })}
          </button>
        </div>
      )}
      <p className="hint">{t('votes.apply.hint')}</p>
      {confirming !== null &&
        // In the body: focusing the modal would otherwise scroll the board (overflow: hidden) under it.
        createPortal(
          <ConfirmDialog
            testId="votes.apply-confirm"
            title={t('votes.apply.confirmTitle', { n: confirming })}
            text={t.plural('votes.apply.confirmText', axesVoted - confirming)}
            confirmLabel={t('votes.apply.confirm')}
            cancelLabel={t('votes.cancel')}
            onCancel={() => setConfirming(null)}
            onConfirm={() => {
              const n = confirming;
              setConfirming(null);
              apply(() => keepTopAxes(connection.boardDoc, results, n));
            }}
          />,
          document.body,
        )}
    </section>
  );
}
