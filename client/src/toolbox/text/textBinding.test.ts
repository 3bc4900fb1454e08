import { actionText, axisText, createAction, createAxis, renameAxis, setActionText } from '@atelier/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  applyEdit,
  captureSelection,
  decodePosition,
  diffAt,
  encodePosition,
  resolveSelection,
  TextBinding,
  type TextFieldLike,
} from './textBinding';

/** A textarea as the binding sees it. */
class FakeField implements TextFieldLike {
  value = '';
  selectionStart = 0;
  selectionEnd = 0;
  selectionDirection: TextFieldLike['selectionDirection'] = 'none';
  setSelectionRange(start: number, end: number, direction: 'forward' | 'backward' | 'none' = 'none') {
    this.selectionStart = Math.min(start, this.value.length);
    this.selectionEnd = Math.min(end, this.value.length);
    this.selectionDirection = direction;
  }
  /** What a key press does to a textarea: replace the selection, caret after. */
  type(text: string) {
    const { selectionStart: start, selectionEnd: end } = this;
    this.value = this.value.slice(0, start) + text + this.value.slice(end);
    this.selectionStart = this.selectionEnd = start + text.length;
  }
  backspace() {
    if (this.selectionStart !== this.selectionEnd) return this.type('');
    const at = this.selectionStart;
    if (at === 0) return;
    this.value = this.value.slice(0, at - 1) + this.value.slice(at);
    this.selectionStart = this.selectionEnd = at - 1;
  }
}

/** Two replicas of a board with one sheet, and a field bound to its objectives in the first. */
function setup(initial = '') {
  const doc = new Y.Doc();
  const remote = new Y.Doc();
  createAction(doc, { title: 'Hyperviseur', axis: null }, 's1');
  setActionText(doc, 's1', 'objectives', initial);
  Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
  const sync = () => {
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(remote)));
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)));
  };
  const ytext = actionText(doc, 's1', 'objectives');
  const field = new FakeField();
  const published: (string | null)[] = [];
  const binding = new TextBinding(ytext, field, {
    write: (next) => {
      try {
        setActionText(doc, 's1', 'objectives', next);
        return true;
      } catch {
        return false;
      }
    },
    focused: () => true,
    onSelection: (selection) => published.push(selection ? encodePosition(selection.head) : null),
  });
  /** The remote person types `text` at `index` of their replica. */
  const remoteTypes = (index: number, text: string) => {
    actionText(remote, 's1', 'objectives').insert(index, text);
    sync();
  };
  return { doc, remote, ytext, field, binding, sync, remoteTypes, published };
}

describe('the prose field binding', () => {
  it('shows the shared text and writes what is typed as small edits', () => {
    const { ytext, field, binding } = setup('Réduire');
    expect(field.value).toBe('Réduire');
    field.setSelectionRange(7, 7);
    field.type(' la congestion');
    binding.input();
    expect(ytext.toString()).toBe('Réduire la congestion');
    field.setSelectionRange(0, 7);
    field.type('Limiter');
    binding.input();
    expect(ytext.toString()).toBe('Limiter la congestion');
    expect(ytext.toDelta()).toEqual([{ insert: 'Limiter la congestion' }]);
  });

  it('keeps both texts when someone types elsewhere at the same time, and the caret on its characters', () => {
    const { ytext, field, binding, remote, sync } = setup('tiers-lieu');
    field.setSelectionRange(0, 0);
    binding.selectionChanged();
    // Local: "Un " at the start; remote, concurrently: " numérique" at the end.
    field.type('Un ');
    actionText(remote, 's1', 'objectives').insert(10, ' numérique');
    binding.input();
    sync();
    expect(ytext.toString()).toBe('Un tiers-lieu numérique');
    expect(actionText(remote, 's1', 'objectives').toString()).toBe('Un tiers-lieu numérique');
    expect(field.value).toBe('Un tiers-lieu numérique');
    expect(field.selectionStart).toBe(3);
    // Someone inserts before the caret: it moves with its characters.
    actionText(remote, 's1', 'objectives').insert(0, '» ');
    sync();
    expect(field.value).toBe('» Un tiers-lieu numérique');
    expect([field.selectionStart, field.selectionEnd]).toEqual([5, 5]);
    // Someone deletes around it: it stays on what remains.
    actionText(remote, 's1', 'objectives').delete(0, 5);
    sync();
    expect(field.value).toBe('tiers-lieu numérique');
    expect(field.selectionStart).toBe(0);
  });

  it('keeps a caret before text someone else types exactly where it is', () => {
    const { field, binding, remoteTypes } = setup('abc');
    field.setSelectionRange(2, 2);
    binding.selectionChanged();
    remoteTypes(2, 'XY');
    expect(field.value).toBe('abXYc');
    expect(field.selectionStart).toBe(2);
    field.type('!');
    binding.input();
    expect(field.value).toBe('ab!XYc');
  });

  it('keeps a selection on its characters, and its direction', () => {
    const { field, binding, remoteTypes } = setup('le centre-bourg');
    field.setSelectionRange(3, 9, 'backward');
    binding.selectionChanged();
    remoteTypes(0, 'Revitaliser ');
    remoteTypes(21, '!');
    expect(field.value).toBe('Revitaliser le centre!-bourg');
    expect(field.value.slice(field.selectionStart, field.selectionEnd)).toBe('centre');
    expect(field.selectionDirection).toBe('backward');
  });

  it('puts back the shared text and the caret when a write is refused (over the limit)', () => {
    const { ytext, field, binding } = setup('x'.repeat(3999));
    field.setSelectionRange(3999, 3999);
    binding.selectionChanged();
    field.type('yz');
    binding.input();
    expect(ytext.length).toBe(3999);
    expect(field.value).toBe('x'.repeat(3999));
    expect(field.selectionStart).toBe(3999);
  });

  it('waits for the end of a composition to show others’ text, then writes the composed text where it belongs', () => {
    const { ytext, field, binding, remoteTypes } = setup('ete');
    field.setSelectionRange(0, 1);
    binding.selectionChanged();
    binding.compositionStart();
    field.type('^');
    binding.input();
    remoteTypes(3, ' 2027');
    // The field is left alone while composing.
    expect(field.value).toBe('^te');
    field.setSelectionRange(0, 1);
    field.type('é');
    binding.input();
    expect(ytext.toString()).toBe('ete 2027');
    binding.compositionEnd();
    expect(ytext.toString()).toBe('éte 2027');
    expect(field.value).toBe('éte 2027');
    expect(field.selectionStart).toBe(1);
  });

  it('writes a composition like typing when nobody else typed meanwhile', () => {
    const { ytext, field, binding } = setup('été');
    field.setSelectionRange(3, 3);
    binding.compositionStart();
    field.type('s');
    binding.compositionEnd();
    expect(ytext.toString()).toBe('étés');
  });

  it('rewrites typed text with `normalize` (a title stays on one line)', () => {
    const doc = new Y.Doc();
    createAction(doc, { title: 'Appli', axis: null }, 's1');
    const ytext = actionText(doc, 's1', 'title');
    const field = new FakeField();
    const binding = new TextBinding(ytext, field, {
      write: (next) => {
        setActionText(doc, 's1', 'title', next);
        return true;
      },
      focused: () => true,
      normalize: (text) => text.replace(/[\r\n]/g, ' '),
    });
    field.setSelectionRange(5, 5);
    field.type('\nvélo');
    binding.input();
    expect(ytext.toString()).toBe('Appli vélo');
    expect(field.selectionStart).toBe(10);
    binding.destroy();
  });

  it('tells its selection as relative positions, and not while the field is blurred', () => {
    const { field, binding, published, ytext } = setup('abc');
    field.setSelectionRange(1, 1);
    binding.selectionChanged();
    const sent = published.at(-1);
    expect(sent).toBeTypeOf('string');
    const position = decodePosition(sent ?? '');
    expect(position && resolveSelection(ytext, { anchor: position, head: position })).toEqual({
      anchor: 1,
      head: 1,
    });
    field.backspace();
    binding.input();
    expect(ytext.toString()).toBe('bc');
  });
});

describe('text diffs and selections', () => {
  it('finds the edit that ends at the caret', () => {
    expect(diffAt('aa', 'aaa', 1)).toEqual({ index: 0, remove: 0, insert: 'a' });
    expect(diffAt('aa', 'aaa', 2)).toEqual({ index: 1, remove: 0, insert: 'a' });
    expect(diffAt('aa', 'aaa')).toEqual({ index: 2, remove: 0, insert: 'a' });
    expect(diffAt('abcd', 'aXd', 2)).toEqual({ index: 1, remove: 2, insert: 'X' });
    expect(applyEdit('abcd', { index: 1, remove: 2, insert: 'X' })).toBe('aXd');
  });

  it('captures and resolves selections through concurrent edits, and ignores positions of another text', () => {
    const doc = new Y.Doc();
    createAction(doc, { title: 'A', axis: null }, 's1');
    createAction(doc, { title: 'B', axis: null }, 's2');
    const text = actionText(doc, 's1', 'risks');
    text.insert(0, 'retard');
    const selection = captureSelection(text, { anchor: 2, head: 4 });
    text.insert(0, '>>');
    expect(resolveSelection(text, selection)).toEqual({ anchor: 4, head: 6 });
    const roundTrip = decodePosition(encodePosition(selection.head));
    expect(roundTrip && resolveSelection(text, { anchor: roundTrip, head: roundTrip })).toEqual({
      anchor: 6,
      head: 6,
    });
    expect(resolveSelection(actionText(doc, 's2', 'risks'), selection)).toBeNull();
    expect(decodePosition('%%%')).toBeNull();
  });
});

/** A field bound to an axis's title (the command trims it and refuses it empty), refused values left in the field. */
function setupTitle(refused: 'keep' | 'hold', initial = 'Mobilité') {
  const doc = new Y.Doc();
  const remote = new Y.Doc();
  createAxis(doc, { title: initial }, 'a1');
  Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
  const remoteTypes = (index: number, text: string) => {
    axisText(remote, 'a1', 'title')?.insert(index, text);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)));
  };
  const ytext = axisText(doc, 'a1', 'title');
  if (!ytext) throw new Error('no title');
  const field = new FakeField();
  const events: string[] = [];
  const binding = new TextBinding(ytext, field, {
    write: (next) => {
      try {
        renameAxis(doc, 'a1', next);
        return true;
      } catch {
        return false;
      }
    },
    focused: () => true,
    refused,
    onShared: () => events.push('shared'),
  });
  return { ytext, field, binding, remoteTypes, events };
}

describe('refused values kept in the field', () => {
  it('keeps what was typed when the command trims it', () => {
    const { ytext, field, binding } = setupTitle('keep');
    field.setSelectionRange(8, 8);
    field.type(' ');
    binding.input();
    expect(ytext.toString()).toBe('Mobilité');
    expect(field.value).toBe('Mobilité ');
    field.type('douce');
    binding.input();
    expect(ytext.toString()).toBe('Mobilité douce');
    expect(field.value).toBe('Mobilité douce');
  });

  it('`keep`: leaves a refused value until restored or replaced by a change from elsewhere', () => {
    const { ytext, field, binding, remoteTypes, events } = setupTitle('keep');
    expect(events).toEqual(['shared']);
    field.setSelectionRange(0, 8);
    field.type('');
    binding.input();
    expect(ytext.toString()).toBe('Mobilité');
    expect(field.value).toBe('');
    binding.restore();
    expect(field.value).toBe('Mobilité');
    expect(events).toEqual(['shared', 'shared']);
    field.setSelectionRange(0, 8);
    field.type('');
    binding.input();
    remoteTypes(8, ' douce');
    expect(field.value).toBe('Mobilité douce');
    expect(events).toEqual(['shared', 'shared', 'shared']);
  });

  it('`hold`: others’ changes wait while a refused value is fixed, and typing back the shared text ends the refusal', () => {
    const { ytext, field, binding, remoteTypes, events } = setupTitle('hold');
    field.setSelectionRange(0, 8);
    field.type('');
    binding.input();
    remoteTypes(8, ' douce');
    expect(field.value).toBe('');
    expect(ytext.toString()).toBe('Mobilité douce');
    field.type('Mobilité douce');
    binding.input();
    expect(events).toEqual(['shared', 'shared']);
    remoteTypes(0, '» ');
    expect(field.value).toBe('» Mobilité douce');
  });

  it('keeps the caret after the text before it when `normalize` shortens the text', () => {
    const doc = new Y.Doc();
    createAxis(doc, { title: 'Vélo' }, 'a1');
    const ytext = axisText(doc, 'a1', 'title');
    if (!ytext) throw new Error('no title');
    const field = new FakeField();
    const binding = new TextBinding(ytext, field, {
      write: (next) => {
        renameAxis(doc, 'a1', next);
        return true;
      },
      focused: () => true,
      normalize: (text) => text.replace(/\s*[\r\n]+\s*/g, ' '),
    });
    field.setSelectionRange(0, 0);
    field.type('Le \n\n ');
    binding.input();
    expect(ytext.toString()).toBe('Le Vélo');
    expect(field.selectionStart).toBe(3);
  });
});
