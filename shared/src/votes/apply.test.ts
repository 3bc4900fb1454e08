import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createAction, readActions, setActionPriority } from '../doc/actions';
import { attachIssue, createAxis, readAxes } from '../doc/axes';
import { undoScope } from '../doc/board';
import { createCluster, readClusterList } from '../doc/clusters';
import { LOCAL_ORIGIN } from '../doc/origins';
import { keepTopAxes, prioritiseActionsByResult, priorityByRank, rankIssuesByResult } from './apply';
import type { RoundResults } from './round';

/** Results ranking these targets in this order (totals decreasing). */
function results(ids: string[]): RoundResults {
  return {
    voters: 3,
    targets: ids.map((targetId, i) => ({
      targetId,
      rank: i + 1,
      total: ids.length - i,
      positive: ids.length - i,
      negative: 0,
      voters: 1,
      criteria: [],
      profile: [],
      gauge: null,
    })),
    ties: [],
    byGroup: [],
    pairwise: null,
    weighted: null,
    quorum: null,
  };
}

function undoable(doc: Y.Doc) {
  return new Y.UndoManager(undoScope(doc), { trackedOrigins: new Set([LOCAL_ORIGIN]) });
}

describe('rankIssuesByResult', () => {
  it('ranks the voted issues first, in the result order, the others after as they were, in one undo step', () => {
    const doc = new Y.Doc();
    for (const [i, title] of ['Mobilité', 'Numérique', 'Commerce', 'Santé'].entries())
      createCluster(doc, { title, x: 0, y: 0 }, `c${i + 1}`);
    const undo = undoable(doc);
    undo.stopCapturing();
    rankIssuesByResult(doc, results(['c3', 'c1', 'gone']));
    expect(readClusterList(doc).map((c) => c.title)).toEqual(['Commerce', 'Mobilité', 'Numérique', 'Santé']);
    undo.undo();
    expect(readClusterList(doc).map((c) => c.title)).toEqual(['Mobilité', 'Numérique', 'Commerce', 'Santé']);
  });
});

describe('keepTopAxes', () => {
  it('keeps the best axes in order and deletes the others, their issues back in the pool', () => {
    const doc = new Y.Doc();
    const axes = ['Connecté', 'Vivant', 'Solidaire', 'Sobre'].map((title, i) =>
      createAxis(doc, { title }, `a${i + 1}`, i),
    );
    createCluster(doc, { title: 'Mobilité', x: 0, y: 0 }, 'c1');
    attachIssue(doc, 'c1', 'a2');
    createAction(doc, { title: 'Navette', axis: 'a2' }, 's1');
    const undo = undoable(doc);
    undo.stopCapturing();
    keepTopAxes(doc, results(['a3', 'a1', 'a2', 'a4']), 2);
    expect(readAxes(doc).map((a) => a.title)).toEqual(['Solidaire', 'Connecté']);
    expect(readClusterList(doc)[0]?.axis).toBeNull();
    expect(readActions(doc)[0]?.axis).toBeNull();
    undo.undo();
    expect(readAxes(doc).map((a) => a.id)).toEqual(axes);
    expect(readClusterList(doc)[0]?.axis).toBe('a2');
  });

  it('keeps axes the round did not cover', () => {
    const doc = new Y.Doc();
    for (const [i, title] of ['Connecté', 'Vivant', 'Nouveau'].entries())
      createAxis(doc, { title }, `a${i + 1}`, i);
    keepTopAxes(doc, results(['a2', 'a1']), 1);
    expect(readAxes(doc).map((a) => a.title)).toEqual(['Vivant', 'Nouveau']);
  });
});

describe('prioritiseActionsByResult', () => {
  it('sets the top third high, the middle medium and the rest low', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((i) => priorityByRank(i, 7))).toEqual([
      'high',
      'high',
      'high',
      'medium',
      'medium',
      'medium',
      'low',
    ]);
    const doc = new Y.Doc();
    for (const [i, title] of ['Navette', 'Tiers-lieu', 'Marché', 'Maison de santé'].entries())
      createAction(doc, { title, axis: null }, `s${i + 1}`, i);
    setActionPriority(doc, 's4', 'high');
    const undo = undoable(doc);
    undo.stopCapturing();
    prioritiseActionsByResult(doc, results(['s2', 's1', 's3']));
    const priority = Object.fromEntries(readActions(doc).map((s) => [s.id, s.priority]));
    expect(priority).toEqual({ s1: 'medium', s2: 'high', s3: 'low', s4: 'high' });
    undo.undo();
    expect(readActions(doc).map((s) => s.priority)).toEqual([null, null, null, 'high']);
  });
});
