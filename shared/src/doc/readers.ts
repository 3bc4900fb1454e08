import * as Y from 'yjs';
import type { VoteTarget, VoteTargetKind } from '../votes/round';
import { readVoteTargets } from '../votes/targets';
import { readReminders, readRounds } from '../votes/votesDoc';
import { actionsMap, readActions } from './actions';
import { readAxes } from './axes';
import { readBin } from './bin';
import { clustersMap, readClusterList, readClusters } from './clusters';
import { readControlState, readStepQuestions } from './control';
import { readIndicators } from './indicators';
import { BOARD_ROOTS, CONTROL_ROOTS, PRIVATE_ROOTS } from './layout';
import { type Note, notesMap, readNote, readNotes } from './notes';
import { readPartners } from './partners';
import { planOverview } from './plan';
import { type DocReader, docReader } from './reader';
import { readTableCounts } from './tableCounts';
import { readTableMessages } from './tableMessages';
import { readSeats, readTables, readTablesState } from './tables';
import { readAllThemes } from './themes';

/*
 * The readers the app keeps up to date, each with the roots it reads (see reader.ts): callers
 * observe a reader, never a root. Board document first, then control, then private.
 */

/** The board's notes (any order). Also reads a private document's drafts (same layout). */
export const notesReader = docReader(readNotes, [BOARD_ROOTS.notes]);
/** The issues, ranked, without their notes (`readClusterList`). */
export const clusterListReader = docReader(readClusterList, [BOARD_ROOTS.clusters]);
/** The issues, ranked, with their notes' ids (`readClusters`: reads the notes too). */
export const clustersReader = docReader(readClusters, [BOARD_ROOTS.clusters, BOARD_ROOTS.notes]);
export const axesReader = docReader(readAxes, [BOARD_ROOTS.axes]);
export const actionsReader = docReader(readActions, [BOARD_ROOTS.actions]);
export const partnersReader = docReader(readPartners, [BOARD_ROOTS.partners]);
export const indicatorsReader = docReader(readIndicators, [BOARD_ROOTS.indicators]);
export const binReader = docReader(readBin, [BOARD_ROOTS.bin]);
/** How many notes, issues, axes and sheets each table made (the facilitator's overview of a round). */
export const tableCountsReader = docReader(readTableCounts, [
  BOARD_ROOTS.notes,
  BOARD_ROOTS.clusters,
  BOARD_ROOTS.axes,
  BOARD_ROOTS.actions,
]);
/** The plan overview (step 5): axes, sheets, partners, indicators and processes. */
export const planReader = docReader(planOverview, [
  BOARD_ROOTS.axes,
  BOARD_ROOTS.actions,
  BOARD_ROOTS.partners,
  BOARD_ROOTS.indicators,
  BOARD_ROOTS.process,
]);

const targetReaders: Record<VoteTargetKind, DocReader<VoteTarget[]>> = {
  notes: docReader((doc) => readVoteTargets(doc, 'notes'), [BOARD_ROOTS.notes]),
  issues: docReader((doc) => readVoteTargets(doc, 'issues'), [BOARD_ROOTS.clusters]),
  axes: docReader((doc) => readVoteTargets(doc, 'axes'), [BOARD_ROOTS.axes]),
  actions: docReader((doc) => readVoteTargets(doc, 'actions'), [BOARD_ROOTS.actions]),
};
/** The vote targets of a kind on the board now (`readVoteTargets`); the same reader object per kind. */
export function voteTargetsReader(kind: VoteTargetKind): DocReader<VoteTarget[]> {
  return targetReaders[kind];
}

/** Control document: the room's state (step, lock, timer…). */
export const controlStateReader = docReader(readControlState, [CONTROL_ROOTS.state]);
/** Control document: the tables in their order. */
export const tablesReader = docReader(readTables, [CONTROL_ROOTS.tables]);
/** Control document: who sits where (a seat reads as none once its table is removed). */
export const seatsReader = docReader(readSeats, [CONTROL_ROOTS.seats, CONTROL_ROOTS.tables]);
/** Control document: tables, seats, seating mode, the round under way and the table presenting. */
export const tablesStateReader = docReader(readTablesState, [
  CONTROL_ROOTS.tables,
  CONTROL_ROOTS.seats,
  CONTROL_ROOTS.state,
]);
/** Control document: the facilitator's messages to the tables, the latest first. */
export const tableMessagesReader = docReader(readTableMessages, [CONTROL_ROOTS.tableMessages]);
/** Control document: every theme, archived ones included. */
export const themesReader = docReader(readAllThemes, [CONTROL_ROOTS.themes]);
/** Control document: the facilitator's question per step. */
export const stepQuestionsReader = docReader(readStepQuestions, [CONTROL_ROOTS.questions]);
/** Control document: the vote rounds as the server publishes them. */
export const roundsReader = docReader(readRounds, [CONTROL_ROOTS.votes]);
/** A participant's private document: the vote reminders. */
export const remindersReader = docReader(readReminders, [PRIVATE_ROOTS.reminders]);

/** One note by id (board or private document), `null` when there is none or it is malformed. */
export function readNoteById(doc: Y.Doc, id: string): Note | null {
  const map = notesMap(doc).get(id);
  return map instanceof Y.Map ? readNote(map) : null;
}

/**
 * Calls `onChange` with the ids of the notes a transaction added, removed or changed (inside
 * a note too: its text, position…), for bindings that refresh note by note; returns the
 * unsubscribe. Works on the board and on a private document's drafts.
 */
export function observeNotes(
  doc: Y.Doc,
  onChange: (ids: ReadonlySet<string>, transaction: Y.Transaction) => void,
): () => void {
  const map = notesMap(doc);
  const observer = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => {
    const ids = new Set<string>();
    for (const event of events) {
      if (event.target === map) {
        for (const key of event.keys.keys()) ids.add(key);
      } else {
        const id = event.path[0];
        if (typeof id === 'string') ids.add(id);
      }
    }
    onChange(ids, transaction);
  };
  map.observeDeep(observer);
  return () => map.unobserveDeep(observer);
}

/**
 * Calls `onDeleted` with the ids of the action sheets a transaction took off the board (by
 * anyone: `transaction.local` says whether it was this replica); returns the unsubscribe.
 */
export function observeDeletedActions(
  doc: Y.Doc,
  onDeleted: (ids: ReadonlySet<string>, transaction: Y.Transaction) => void,
): () => void {
  const map = actionsMap(doc);
  const observer = (event: Y.YMapEvent<Y.Map<unknown>>, transaction: Y.Transaction) => {
    const ids = new Set([...event.keysChanged].filter((id) => !map.has(id)));
    if (ids.size > 0) onDeleted(ids, transaction);
  };
  map.observe(observer);
  return () => map.unobserve(observer);
}

/**
 * Calls `onChange` with the ids of the issues a transaction added, removed or replaced as a
 * whole (an undone dissolve brings an issue back as new Y types) — not for edits inside an
 * issue; returns the unsubscribe.
 */
export function observeClusterEntries(
  doc: Y.Doc,
  onChange: (ids: ReadonlySet<string>, transaction: Y.Transaction) => void,
): () => void {
  const map = clustersMap(doc);
  const observer = (event: Y.YMapEvent<Y.Map<unknown>>, transaction: Y.Transaction) =>
    onChange(event.keysChanged, transaction);
  map.observe(observer);
  return () => map.unobserve(observer);
}
