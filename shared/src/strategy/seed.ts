import { generateNKeysBetween } from 'fractional-indexing';
import type * as Y from 'yjs';
import { actionsMap, newActionMap } from '../doc/actions';
import { axesMap, newAxisMap } from '../doc/axes';
import { readLayoutVersion, seedBoard } from '../doc/board';
import { clustersMap, newClusterMap } from '../doc/clusters';
import { seedControlContent } from '../doc/control';
import { indicatorsMap, newIndicatorMap } from '../doc/indicators';
import { noteMap, notesMap } from '../doc/notes';
import { SERVER_ORIGIN } from '../doc/origins';
import { newPartnerMap, partnersMap } from '../doc/partners';
import { processEntries, processMap } from '../doc/process';
import { addTable, seatParticipants } from '../doc/tables';
import { setTerritoryCodes } from '../doc/territoryCodes';
import type { Theme } from '../doc/themes';
import { PublicRound } from '../votes/round';
import { publishRound } from '../votes/votesDoc';
import type { Strategy, StrategyRound } from './schema';

export interface WriteStrategyOptions {
  /**
   * The people the new workshop recreates: its participant id for a person id of the strategy.
   * Note authors name them (others keep the file's id); seats are restored for them only.
   */
  authorIds?: ReadonlyMap<string, string>;
  /** A new id for a round of the strategy (round ids are unique across a server; others are kept). */
  roundIds?: ReadonlyMap<string, string>;
}

/**
 * Seeds a new workshop's fresh documents with a strategy (validated with `Strategy` first):
 * the board (notes, issues, axes, sheets, partners, indicators, process) and the control
 * document (steps, themes, revealed rounds), one server transaction each. Entity ids are kept,
 * so the trace note → issue → axis → sheet and the rounds' results still name the same things;
 * reading orders are rebuilt from ranks, creation times from `createdAt`. What the strategy
 * derives (totals, an axis's issues, votes…) is not stored: it comes back from the links.
 *
 * Partners and indicators whose sheet had been deleted (`action: null`) name a sheet that does
 * not exist, so they read back as orphans, all under that one missing sheet.
 */
export function writeStrategy(
  board: Y.Doc,
  control: Y.Doc,
  strategy: Strategy,
  options: WriteStrategyOptions = {},
): void {
  if (readLayoutVersion(board) !== 0 || readLayoutVersion(control) !== 0)
    throw new Error('A strategy is written into a new workshop’s fresh documents');
  const at = (iso: string) => Date.parse(iso);
  const authorOf = (author: string | null) =>
    author === null ? '' : (options.authorIds?.get(author) ?? author);

  board.transact(() => {
    seedBoard(board);
    const noteOrder = new Map<string, string>();
    for (const issue of strategy.issues) {
      const keys = orderKeys(issue.notes.length);
      for (const [i, id] of issue.notes.entries()) noteOrder.set(id, keys[i] as string);
    }
    for (const note of strategy.notes) {
      const createdAt = at(note.createdAt);
      notesMap(board).set(
        note.id,
        noteMap({
          id: note.id,
          text: note.text,
          ...note.position,
          theme: note.theme,
          author: authorOf(note.author),
          createdAt,
          z: createdAt,
          cluster: note.issue,
          order: note.issue === null ? '' : (noteOrder.get(note.id) ?? ''),
          table: note.table ?? null,
        }),
      );
    }

    const issues = byRank(strategy.issues);
    const issueKeys = orderKeys(issues.length);
    issues.forEach((issue, i) => {
      const order = issueKeys[i] as string;
      const { id, title, description, axis, table = null, fromTables = [] } = issue;
      clustersMap(board).set(
        id,
        newClusterMap({ id, title, description, ...issue.position, order, axis, table, fromTables }),
      );
    });

    const axes = byRank(strategy.axes);
    const axisKeys = orderKeys(axes.length);
    axes.forEach(({ id, title, description, createdAt, table = null }, i) => {
      const order = axisKeys[i] as string;
      axesMap(board).set(id, newAxisMap({ id, title, description, order, createdAt: at(createdAt), table }));
    });

    // Each axis's sheets (and those with none) in their own order.
    for (const axis of new Set(strategy.actions.map((action) => action.axis))) {
      const sheets = byRank(strategy.actions.filter((action) => action.axis === axis));
      const keys = orderKeys(sheets.length);
      sheets.forEach((action, i) => {
        // Left out: what comes back from the links (partners' and indicators' own `action`).
        const { partnersText, partners: _p, indicators: _k, process, createdAt, ...sheet } = action;
        const { rank: _r, issues: _i, financingTotals: _t, votes: _v, ...fields } = sheet;
        actionsMap(board).set(
          action.id,
          newActionMap({
            ...fields,
            partners: partnersText,
            order: keys[i] as string,
            createdAt: at(createdAt),
          }),
        );
        for (const [key, status] of processEntries(action.id, process)) processMap(board).set(key, status);
      });
    }

    const deletedSheet = missingId(new Set(strategy.actions.map((action) => action.id)));
    for (const { action, createdAt, ...partner } of strategy.partners)
      partnersMap(board).set(
        partner.id,
        newPartnerMap({ ...partner, action: action ?? deletedSheet, createdAt: at(createdAt) }),
      );
    for (const { action, createdAt, ...indicator } of strategy.indicators)
      indicatorsMap(board).set(
        indicator.id,
        newIndicatorMap({ ...indicator, action: action ?? deletedSheet, createdAt: at(createdAt) }),
      );
  }, SERVER_ORIGIN);

  control.transact(() => {
    seedControlContent(control, {
      steps: strategy.workshop.steps,
      themes: strategy.themes.map(theme),
      questions: strategy.workshop.questions ?? {},
    });
    // The tables come back by name and colour (same ids, so items keep theirs), and who sat
    // there for the people the workshop recreates: a seat needs a participant of this workshop.
    const seats: Record<string, string> = {};
    for (const table of strategy.tables ?? []) {
      addTable(control, { name: table.name, color: table.color }, table.id);
      for (const person of table.participants) {
        const here = options.authorIds?.get(person);
        if (here !== undefined) seats[here] = table.id;
      }
    }
    seatParticipants(control, seats, SERVER_ORIGIN);
    const codes = strategy.workshop.territoryCodes;
    if (codes.insee !== null || codes.siren !== null) setTerritoryCodes(control, codes);
    for (const round of strategy.rounds)
      publishRound(control, revealedRound(round, options.roundIds?.get(round.id) ?? round.id));
  }, SERVER_ORIGIN);
}

/** A revealed round of a strategy as the control document and the server's store hold it, under `id`. */
export function revealedRound(round: StrategyRound, id: string = round.id): PublicRound {
  return PublicRound.parse({ ...round, id, state: 'revealed', endsAt: null });
}

function theme({ archived, ...rest }: Strategy['themes'][number]): Theme {
  const copy = { ...rest, label: { ...rest.label } };
  return archived ? { ...copy, archived: true } : copy;
}

/** Items in their rank order (ties keep the file's order). */
function byRank<T extends { rank: number }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.rank - b.rank);
}

function orderKeys(n: number): string[] {
  return generateNKeysBetween(null, null, n);
}

/** An id that names none of `taken`. */
function missingId(taken: ReadonlySet<string>): string {
  let id = 'deleted-sheet';
  for (let n = 2; taken.has(id); n++) id = `deleted-sheet-${n}`;
  return id;
}
