import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import {
  addFinancingLine,
  createAction,
  deleteAction,
  rankAction,
  readActions,
  removeFinancingLine,
  setActionAxis,
  setActionBudget,
  setActionPriority,
  setActionStatus,
  setActionText,
  updateFinancingLine,
} from './actions';
import { attachIssue, createAxis } from './axes';
import { seedBoard } from './board';
import {
  assignNote,
  createCluster,
  describeCluster,
  dissolveCluster,
  mergeClusters,
  moveCluster,
  rankCluster,
  readClusterList,
  readClusters,
  renameCluster,
} from './clusters';
import { seedControl } from './control';
import { type Convergence, convergence } from './convergence.fixture';
import { addNote, deleteNote, moveNote, readNotes, setNoteText, setNoteTheme } from './notes';
import { addTable, readSeats, readTables, removeTable, seatParticipant } from './tables';

/** Runs a command that may be refused (its target deleted meanwhile…): a refusal changes nothing. */
function attempt(command: () => unknown): void {
  try {
    command();
  } catch {
    // Refused: the document is as it was.
  }
}

/** `rounds` times: every replica runs `steps` commands drawn by `step`, then part of the updates travel. */
function play(
  net: Convergence,
  rounds: number,
  steps: number,
  step: (doc: Y.Doc, r: number, n: number) => void,
) {
  let n = 0;
  for (let round = 0; round < rounds; round++) {
    for (const replica of net.replicas)
      for (let i = 0; i < steps; i++) attempt(() => step(replica.board, replica.index, n++));
    net.deliverSome();
  }
}

const SEEDS = [1, 7, 2026];

function workshop(board: Y.Doc, control: Y.Doc) {
  seedBoard(board);
  seedControl(control);
  for (let i = 0; i < 6; i++)
    addNote(board, { id: `n${i}`, x: i * 200, y: 0, author: 'seed', text: `note ${i}`, now: i });
  createCluster(board, { title: 'Mobilité', x: 0, y: 400, notes: ['n0', 'n1'] }, 'c0');
  createCluster(board, { title: 'Énergie', x: 400, y: 400, notes: ['n2'] }, 'c1');
  createAxis(board, { title: 'Territoire connecté' }, 'a0', 1);
  createAxis(board, { title: 'Services pour tous' }, 'a1', 2);
  attachIssue(board, 'c0', 'a0');
  createAction(board, { title: 'Hyperviseur urbain', axis: 'a0' }, 's0', 10);
  createAction(board, { title: 'Appli vélo', axis: 'a0' }, 's1', 20);
  addFinancingLine(board, 's0', { source: 'eu', label: 'FEDER', amount: 500_000, secured: false }, 'f0', 1);
}

const ids = (doc: Y.Doc, of: (doc: Y.Doc) => { id: string }[]) => of(doc).map((x) => x.id);

describe('the convergence helper', () => {
  it('holds updates back until delivered, then every replica ends with the same strategy', () => {
    const net = convergence({ setup: workshop });
    const [a, b] = net.replicas;
    addNote(a!.board, { id: 'late', x: 0, y: 0, author: 'a', text: 'seulement ici', now: 99 });
    expect(net.strategies()[1]?.notes.map((n) => n.id)).not.toContain('late');
    expect(() => expect(net.strategies()[1]).toEqual(net.strategies()[0])).toThrow();
    const strategy = net.expectConverged();
    expect(strategy.notes.map((n) => n.id)).toContain('late');
    expect(readNotes(b!.board).map((n) => n.id)).toContain('late');
  });

  it('draws the same commands and deliveries for the same seed', () => {
    const run = () => {
      const net = convergence({ seed: 5, setup: workshop });
      play(net, 3, 4, (doc, r, n) => setNoteText(doc, net.pick(['n0', 'n1', 'n2']), `r${r} ${n}`));
      return net.expectConverged();
    };
    expect(run()).toEqual(run());
  });
});

describe.each(SEEDS)('with seed %i, concurrent commands converge to one strategy', (seed) => {
  it('notes: created, typed in, moved, recoloured and deleted at once', () => {
    const net = convergence({ seed, replicas: 4, setup: workshop });
    play(net, 4, 6, (doc, r, n) => {
      const notes = ids(doc, readNotes);
      const id = net.pick(notes);
      const text = readNotes(doc).find((note) => note.id === id)?.text ?? '';
      switch (net.pick(['add', 'type', 'retype', 'move', 'theme', 'delete'] as const)) {
        case 'add':
          return addNote(doc, {
            id: `r${r}-${n}`,
            x: n,
            y: r,
            author: `p${r}`,
            text: `idée ${n}`,
            now: 100 + n,
          });
        case 'type':
          return setNoteText(doc, id, `${text} r${r}`);
        case 'retype':
          return setNoteText(doc, id, `r${r}: ${text.slice(0, Math.floor(net.random() * text.length))}`);
        case 'move':
          return moveNote(doc, id, { x: net.random() * 2000, y: net.random() * 1000 }, 1000 + n);
        case 'theme':
          return setNoteTheme(doc, id, net.pick(['mobility', 'energy', null]));
        case 'delete':
          return notes.length > 3 && deleteNote(doc, id);
      }
    });
    const strategy = net.expectConverged();
    expect(strategy.notes.length).toBeGreaterThan(0);
  });

  it('clusters: issues created, renamed, ranked, merged and dissolved while notes are sorted into them', () => {
    const net = convergence({ seed, setup: workshop });
    play(net, 4, 5, (doc, r, n) => {
      const notes = ids(doc, readNotes);
      const issues = ids(doc, readClusterList);
      const issue = () => net.pick(issues);
      switch (
        net.pick([
          'create',
          'assign',
          'unassign',
          'rename',
          'describe',
          'rank',
          'move',
          'merge',
          'dissolve',
        ] as const)
      ) {
        case 'create':
          return createCluster(
            doc,
            { title: `Enjeu ${r}/${n}`, x: n, y: r, notes: [net.pick(notes)] },
            `c-${r}-${n}`,
          );
        case 'assign': {
          const into = issue();
          const members = readClusters(doc).find((c) => c.id === into)?.noteIds ?? [];
          const before = members.length > 0 && net.random() < 0.5 ? net.pick(members) : null;
          return assignNote(doc, net.pick(notes), into, { before });
        }
        case 'unassign':
          return assignNote(doc, net.pick(notes), null, { at: { x: n * 10, y: r * 10 } });
        case 'rename':
          return renameCluster(doc, issue(), `Titre ${r}/${n}`);
        case 'describe':
          return describeCluster(doc, issue(), `Décrit par ${r}`);
        case 'rank': {
          const id = issue();
          const others = issues.filter((other) => other !== id);
          const at = Math.floor(net.random() * (others.length + 1));
          return rankCluster(doc, id, others[at - 1] ?? null, others[at] ?? null);
        }
        case 'move':
          return moveCluster(doc, issue(), { x: n * 3, y: r * 3 });
        case 'merge':
          return issues.length > 2 && mergeClusters(doc, issues[0]!, issues[1]!);
        case 'dissolve':
          return issues.length > 2 && dissolveCluster(doc, issue());
      }
    });
    const strategy = net.expectConverged();
    const sorted = strategy.issues.flatMap((i) => i.notes);
    expect(new Set(sorted).size).toBe(sorted.length);
  });

  it('action sheets: created, written, ranked, moved between axes and deleted at once', () => {
    const net = convergence({ seed, setup: workshop });
    play(net, 4, 5, (doc, r, n) => {
      const sheets = ids(doc, readActions);
      const sheet = () => net.pick(sheets);
      switch (
        net.pick(['create', 'text', 'axis', 'rank', 'budget', 'priority', 'status', 'delete'] as const)
      ) {
        case 'create':
          return createAction(
            doc,
            { title: `Fiche ${r}/${n}`, axis: net.pick(['a0', 'a1', null]) },
            `s-${r}-${n}`,
            n,
          );
        case 'text': {
          const id = sheet();
          const before = readActions(doc).find((s) => s.id === id)?.objectives ?? '';
          return setActionText(doc, id, 'objectives', `${before} r${r}`);
        }
        case 'axis':
          return setActionAxis(doc, sheet(), net.pick(['a0', 'a1', null]));
        case 'rank': {
          const id = sheet();
          const others = sheets.filter((other) => other !== id);
          const at = Math.floor(net.random() * (others.length + 1));
          return rankAction(doc, id, others[at - 1] ?? null, others[at] ?? null);
        }
        case 'budget':
          return setActionBudget(doc, sheet(), Math.round(net.random() * 1_000_000));
        case 'priority':
          return setActionPriority(doc, sheet(), net.pick(['high', 'medium', 'low', null]));
        case 'status':
          return setActionStatus(doc, sheet(), net.pick(['idea', 'drafting', 'validated']));
        case 'delete':
          return sheets.length > 2 && deleteAction(doc, sheet());
      }
    });
    const strategy = net.expectConverged();
    expect(new Set(strategy.actions.map((a) => `${a.axis}/${a.rank}`)).size).toBe(strategy.actions.length);
  });

  it('financing lines: added, changed field by field and removed on one sheet at once', () => {
    const net = convergence({ seed, replicas: 4, setup: workshop });
    play(net, 4, 5, (doc, r, n) => {
      const lines = (readActions(doc).find((s) => s.id === 's0')?.financing ?? []).map((l) => l.id);
      const line = () => net.pick(lines);
      switch (net.pick(['add', 'amount', 'source', 'secured', 'remove'] as const)) {
        case 'add':
          return addFinancingLine(
            doc,
            's0',
            { source: 'state', label: `DSIL ${r}`, amount: n * 1000, secured: false },
            `f-${r}-${n}`,
            n,
          );
        case 'amount':
          return updateFinancingLine(doc, 's0', line(), { amount: Math.round(net.random() * 100_000) });
        case 'source':
          return updateFinancingLine(doc, 's0', line(), { source: 'region', label: `Région ${r}` });
        case 'secured':
          return updateFinancingLine(doc, 's0', line(), { secured: net.random() < 0.5 });
        case 'remove':
          return lines.length > 2 && removeFinancingLine(doc, 's0', line());
      }
    });
    const sheet = net.expectConverged().actions.find((a) => a.id === 's0');
    expect(sheet?.financingTotals.total).toBe(sheet?.financing.reduce((sum, l) => sum + l.amount, 0));
  });
});

/** A workshop split into three tables, each with an issue of its own, and six people to seat. */
function tablesWorkshop(board: Y.Doc, control: Y.Doc) {
  workshop(board, control);
  for (const t of ['t1', 't2', 't3']) {
    addTable(control, { name: `Table ${t}`, color: '#336699' }, t);
    createCluster(board, { title: `Enjeu de ${t}`, x: 0, y: 0, table: t }, `c-${t}`);
  }
}

const PEOPLE = ['ana', 'bob', 'carla', 'dan', 'eve', 'fred'];

describe.each(SEEDS)('with seed %i, concurrent table work converges', (seed) => {
  it('seats: two facilitators seat, move and unseat people at once, and one removes a table', () => {
    const net = convergence({ seed, replicas: 2, setup: tablesWorkshop });
    for (let round = 0; round < 4; round++) {
      for (const replica of net.replicas)
        for (let i = 0; i < 5; i++) {
          const person = net.pick(PEOPLE);
          attempt(() => seatParticipant(replica.control, person, net.pick(['t1', 't2', 't3', null])));
        }
      if (round === 2) attempt(() => removeTable(net.replicas[1]!.control, 't3'));
      net.deliverSome();
    }
    net.expectConverged();
    const [first, ...others] = net.replicas.map((r) => readSeats(r.control));
    for (const seats of others) expect(seats).toEqual(first);
    expect(Object.values(first ?? {})).not.toContain('t3');
    expect(readTables(net.replicas[0]!.control).map((t) => t.id)).toEqual(['t1', 't2']);
  });

  it('merges: issues of three tables merged into one at once keep every table in its provenance', () => {
    const net = convergence({ seed, replicas: 3, setup: tablesWorkshop });
    const [a, b, c] = net.replicas;
    mergeClusters(a!.board, 'c-t2', 'c-t1');
    mergeClusters(b!.board, 'c-t3', 'c-t1');
    // A third person merges the plenary's issue into table 1's at the same time.
    mergeClusters(c!.board, 'c1', 'c-t1');
    const strategy = net.expectConverged();
    for (const replica of net.replicas)
      expect(readClusterList(replica.board).find((issue) => issue.id === 'c-t1')?.fromTables).toEqual([
        't1',
        't2',
        't3',
      ]);
    expect(strategy.issues.find((issue) => issue.id === 'c-t1')).toMatchObject({
      table: 't1',
      fromTables: ['t1', 't2', 't3'],
    });
  });
});
