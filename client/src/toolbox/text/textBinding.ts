import { fromBase64, toBase64 } from 'lib0/buffer';
import * as Y from 'yjs';

/**
 * Binds a plain text field (an `<input>` or a `<textarea>`) to a shared `Y.Text`, without the DOM so that it
 * can be tested in Node:
 * - what the person types becomes the smallest edit of the Y.Text (through `write`, the
 *   validated command), so it merges with what others type in the same text;
 * - what others type (or an undo) is written into the field, and the person's caret and
 *   selection stay on the same characters: they are kept as `Y.RelativePosition`s, which
 *   follow the characters they point at whatever is inserted or deleted around them;
 * - while an input method composes a character (dead keys, Asian scripts), changing the
 *   field would cancel the composition: others' changes wait, and the composed text is
 *   written at its end where its selection has moved to;
 * - a value the command refuses (too long, an empty title) either goes back to the shared
 *   text at once, or stays in the field while the component says why (see `refused`).
 */

/** The part of a text field the binding uses (`HTMLTextAreaElement` and `HTMLInputElement` have it all). */
export interface TextFieldLike {
  value: string;
  selectionStart: number | null;
  selectionEnd: number | null;
  selectionDirection: 'forward' | 'backward' | 'none' | null;
  setSelectionRange(start: number, end: number, direction?: 'forward' | 'backward' | 'none'): void;
}

/** A selection in a text: `anchor` where it started, `head` where the caret is. */
export interface TextSelection {
  anchor: number;
  head: number;
}

/** A selection as positions relative to characters of a Y.Text. */
export interface RelativeSelection {
  anchor: Y.RelativePosition;
  head: Y.RelativePosition;
}

/**
 * What happens to a value `write` refuses:
 * - `restore`: the field shows the shared text again at once;
 * - `keep`: it stays in the field until `restore()`, or until a change from elsewhere
 *   replaces it;
 * - `hold`: it stays in the field until `restore()`; changes from elsewhere wait till then.
 */
export type RefusedValue = 'restore' | 'keep' | 'hold';

export interface TextBindingOptions {
  /**
   * Writes the whole new text (the command makes the smallest edit, and may trim it: the
   * field keeps what was typed); `false` when refused.
   */
  write: (next: string) => boolean;
  /** Whether the field has the focus (its selection is only restored then). */
  focused: () => boolean;
  /** The person's selection moved (`null`: unknown), to tell the others. */
  onSelection?: (selection: RelativeSelection | null) => void;
  /**
   * Rewrites typed text before it is written (e.g. line breaks in a title); the selection
   * follows the text before it.
   */
  normalize?: (text: string) => string;
  /** What happens to a refused value (`restore` when not given). */
  refused?: RefusedValue;
  /** The field shows the shared text again (bound, changed from elsewhere, restored): a refusal's message can go. */
  onShared?: () => void;
}

export function selectionOf(field: TextFieldLike): TextSelection {
  const start = field.selectionStart ?? 0;
  const end = field.selectionEnd ?? start;
  return field.selectionDirection === 'backward'
    ? { anchor: end, head: start }
    : { anchor: start, head: end };
}

function applySelection(field: TextFieldLike, selection: TextSelection): void {
  const { anchor, head } = selection;
  if (head < anchor) field.setSelectionRange(head, anchor, 'backward');
  else field.setSelectionRange(anchor, head, 'forward');
}

/**
 * Relative positions of a selection. A bare caret sticks to the character before it, so that
 * someone else typing exactly where you are writes after your caret; a selection's ends stick
 * to the selected characters, so text typed at its edges stays outside it.
 */
export function captureSelection(ytext: Y.Text, selection: TextSelection): RelativeSelection {
  const { anchor, head } = selection;
  if (anchor === head) {
    const caret = Y.createRelativePositionFromTypeIndex(ytext, head, -1);
    return { anchor: caret, head: caret };
  }
  const start = Math.min(anchor, head);
  const end = Math.max(anchor, head);
  const startPos = Y.createRelativePositionFromTypeIndex(ytext, start, 0);
  const endPos = Y.createRelativePositionFromTypeIndex(ytext, end, -1);
  return anchor < head ? { anchor: startPos, head: endPos } : { anchor: endPos, head: startPos };
}

/** Where a relative position is now in `ytext`, or `null` (another text, or not known here yet). */
export function resolvePosition(ytext: Y.Text, position: Y.RelativePosition): number | null {
  const doc = ytext.doc;
  if (!doc) return null;
  const absolute = Y.createAbsolutePositionFromRelativePosition(position, doc);
  if (!absolute || absolute.type !== ytext) return null;
  return Math.min(absolute.index, ytext.length);
}

export function resolveSelection(ytext: Y.Text, selection: RelativeSelection): TextSelection | null {
  const anchor = resolvePosition(ytext, selection.anchor);
  const head = resolvePosition(ytext, selection.head);
  return anchor === null || head === null ? null : { anchor, head };
}

/** A relative position as text for presence (base64 of its encoding). */
export function encodePosition(position: Y.RelativePosition): string {
  return toBase64(Y.encodeRelativePosition(position));
}

export function decodePosition(encoded: string): Y.RelativePosition | null {
  try {
    return Y.decodeRelativePosition(fromBase64(encoded));
  } catch {
    return null;
  }
}

/** One edit of a text: `remove` characters at `index`, then `insert` there. */
export interface TextEdit {
  index: number;
  remove: number;
  insert: string;
}

/**
 * The edit that turned `before` into `after`, given the caret after it (`caret`): of the
 * edits that do it, the one ending at the caret, so that typing a letter that repeats the
 * one before it is seen where it was typed.
 */
export function diffAt(before: string, after: string, caret: number = after.length): TextEdit {
  let suffix = 0;
  const maxSuffix = Math.min(before.length, after.length - Math.min(Math.max(caret, 0), after.length));
  while (
    suffix < maxSuffix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  )
    suffix++;
  let prefix = 0;
  const maxPrefix = Math.min(before.length, after.length) - suffix;
  while (prefix < maxPrefix && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  return {
    index: prefix,
    remove: before.length - prefix - suffix,
    insert: after.slice(prefix, after.length - suffix),
  };
}

export function applyEdit(text: string, edit: TextEdit): string {
  return text.slice(0, edit.index) + edit.insert + text.slice(edit.index + edit.remove);
}

export class TextBinding {
  private readonly ytext: Y.Text;
  private readonly field: TextFieldLike;
  private readonly options: TextBindingOptions;
  /** The person's selection, kept relative to the characters. */
  private selection: RelativeSelection | null = null;
  /** Set from the start to the end of an input method's composition. */
  private composing: {
    before: string;
    selection: RelativeSelection;
    start: number;
    end: number;
    remoteChanged: boolean;
  } | null = null;
  /** The field shows a value `write` refused (`keep` and `hold`). */
  private refused = false;
  /** Set while `write` runs: the change it makes is the field's own. */
  private writing = false;

  constructor(ytext: Y.Text, field: TextFieldLike, options: TextBindingOptions) {
    this.ytext = ytext;
    this.field = field;
    this.options = options;
    field.value = ytext.toString();
    ytext.observe(this.onChange);
    options.onShared?.();
  }

  destroy(): void {
    this.ytext.unobserve(this.onChange);
  }

  /** The field's `input` event (ignored while composing: `compositionEnd` writes the result). */
  input(): void {
    if (this.composing) return;
    this.normalizeField();
    const next = this.field.value;
    if (next !== this.ytext.toString()) {
      if (!this.write(next)) {
        this.refuse();
        return;
      }
    } else if (this.refused) {
      // Typed back to the shared text.
      this.options.onShared?.();
    }
    this.refused = false;
    this.selectionChanged();
  }

  /** Shows the shared text again (e.g. when the field loses the focus on a refused value). */
  restore(): void {
    this.refused = false;
    this.showText(this.selection);
    this.options.onShared?.();
  }

  /** The field's selection moved (select, key and pointer events, focus). */
  selectionChanged(): void {
    if (this.composing || !this.options.focused() || this.field.value !== this.ytext.toString()) return;
    this.selection = captureSelection(this.ytext, selectionOf(this.field));
    this.options.onSelection?.(this.selection);
  }

  compositionStart(): void {
    if (this.composing) return;
    const start = this.field.selectionStart ?? 0;
    const end = this.field.selectionEnd ?? start;
    this.composing = {
      before: this.field.value,
      selection: captureSelection(this.ytext, { anchor: start, head: end }),
      start,
      end,
      remoteChanged: false,
    };
  }

  compositionEnd(): void {
    const composing = this.composing;
    this.composing = null;
    if (!composing) return;
    if (!composing.remoteChanged) {
      this.input();
      return;
    }
    // Others typed meanwhile: the composition replaced the selection it started on; write its
    // text where that selection is now.
    this.normalizeField();
    const { before, start, end } = composing;
    const after = this.field.value;
    const tail = before.length - end;
    const replaced =
      after.startsWith(before.slice(0, start)) &&
      after.endsWith(before.slice(end)) &&
      after.length >= start + tail;
    let edit: TextEdit;
    const current = this.ytext.toString();
    const range = resolveSelection(this.ytext, composing.selection);
    if (replaced && range) {
      const from = Math.min(range.anchor, range.head);
      const to = Math.max(range.anchor, range.head);
      edit = { index: from, remove: to - from, insert: after.slice(start, after.length - tail) };
    } else {
      // An unusual input method: its edit as a diff, placed at the same offset.
      const diff = diffAt(before, after, this.field.selectionEnd ?? after.length);
      edit = { ...diff, index: Math.min(diff.index, current.length) };
      edit.remove = Math.min(edit.remove, current.length - edit.index);
    }
    let caret = edit.index + edit.insert.length;
    if (this.write(applyEdit(current, edit))) this.refused = false;
    else if (this.options.refused === 'keep' || this.options.refused === 'hold') {
      this.refused = true;
      return;
    } else caret = edit.index;
    const position = Y.createRelativePositionFromTypeIndex(
      this.ytext,
      Math.min(caret, this.ytext.length),
      -1,
    );
    this.showText({ anchor: position, head: position });
  }

  private normalizeField(): void {
    const { normalize } = this.options;
    if (!normalize) return;
    const value = this.field.value;
    const next = normalize(value);
    if (next === value) return;
    // Each end of the selection stays after the text before it.
    const { anchor, head } = selectionOf(this.field);
    const at = (index: number) => Math.min(normalize(value.slice(0, index)).length, next.length);
    this.field.value = next;
    applySelection(this.field, { anchor: at(anchor), head: at(head) });
  }

  private write(next: string): boolean {
    this.writing = true;
    try {
      return this.options.write(next);
    } finally {
      this.writing = false;
    }
  }

  private refuse(): void {
    if (this.options.refused === 'keep' || this.options.refused === 'hold') {
      this.refused = true;
      return;
    }
    // Back to the shared text, the caret where it was.
    this.showText(this.selection);
  }

  /** Shows the shared text in the field, with the selection at `selection` when it has the focus. */
  private showText(selection: RelativeSelection | null): void {
    const text = this.ytext.toString();
    if (this.field.value !== text) this.field.value = text;
    const at = selection ? resolveSelection(this.ytext, selection) : null;
    if (at && this.options.focused()) applySelection(this.field, at);
    this.selectionChanged();
  }

  private readonly onChange = (): void => {
    // Our own typing: the field already shows it (maybe untrimmed).
    if (this.writing) return;
    // Nothing is written while composing: this change is someone else's (or an undo).
    if (this.composing) {
      this.composing.remoteChanged = true;
      return;
    }
    // A refused value the person is still fixing.
    if (this.refused && this.options.refused === 'hold') return;
    const wasRefused = this.refused;
    this.refused = false;
    if (this.field.value !== this.ytext.toString()) this.showText(this.selection);
    else if (!wasRefused) return;
    this.options.onShared?.();
  };
}
