import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { seedControl } from './control';
import { CONTROL_ROOTS } from './layout';
import { tableMessagesReader } from './readers';
import {
  clearTableMessages,
  deleteTableMessage,
  messagesFor,
  readTableMessages,
  sendTableMessage,
  TABLE_MESSAGE_MAX,
  tableMessagesMap,
} from './tableMessages';
import { addTable } from './tables';

function control(): Y.Doc {
  const doc = new Y.Doc();
  seedControl(doc);
  addTable(doc, { name: 'Table 1', color: '#e53935' }, 't1');
  addTable(doc, { name: 'Table 2', color: '#1e88e5' }, 't2');
  return doc;
}

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
}

describe('table messages', () => {
  it('sends to one table or all, reads the latest first, and gives each seat its own', () => {
    const doc = control();
    expect(readTableMessages(doc)).toEqual([]);
    expect(doc.share.has(CONTROL_ROOTS.tableMessages)).toBe(false);
    sendTableMessage(doc, { text: '  Plus que 5 minutes ', table: null }, { id: 'm1', now: 1000 });
    sendTableMessage(doc, { text: 'Pensez aux coûts', table: 't2' }, { id: 'm2', now: 2000 });
    const all = readTableMessages(doc);
    expect(all).toEqual([
      { id: 'm2', text: 'Pensez aux coûts', table: 't2', at: 2000 },
      { id: 'm1', text: 'Plus que 5 minutes', table: null, at: 1000 },
    ]);
    expect(messagesFor(all, 't1').map((m) => m.id)).toEqual(['m1']);
    expect(messagesFor(all, 't2').map((m) => m.id)).toEqual(['m2', 'm1']);
    expect(messagesFor(all, null).map((m) => m.id)).toEqual(['m1']);
  });

  it('refuses an empty or too long text and an unknown table, writing nothing', () => {
    const doc = control();
    expect(() => sendTableMessage(doc, { text: '   ', table: null })).toThrow();
    expect(() => sendTableMessage(doc, { text: 'x'.repeat(TABLE_MESSAGE_MAX + 1), table: null })).toThrow();
    expect(() => sendTableMessage(doc, { text: 'Bonjour', table: 'nope' })).toThrow();
    expect(() => sendTableMessage(doc, { text: 'Bonjour', table: '' })).toThrow();
    expect(readTableMessages(doc)).toEqual([]);
    // The longest allowed goes through.
    sendTableMessage(doc, { text: 'x'.repeat(TABLE_MESSAGE_MAX), table: 't1' });
    expect(readTableMessages(doc)).toHaveLength(1);
  });

  it('deletes one message and clears them all', () => {
    const doc = control();
    sendTableMessage(doc, { text: 'Un', table: null }, { id: 'm1' });
    sendTableMessage(doc, { text: 'Deux', table: 't1' }, { id: 'm2' });
    deleteTableMessage(doc, 'm1');
    deleteTableMessage(doc, 'unknown');
    expect(readTableMessages(doc).map((m) => m.id)).toEqual(['m2']);
    clearTableMessages(doc);
    expect(readTableMessages(doc)).toEqual([]);
  });

  it('keeps both messages two facilitators send at once, on every replica', () => {
    const a = control();
    const b = new Y.Doc();
    sync(a, b);
    sendTableMessage(a, { text: 'De A', table: 't1' }, { id: 'ma', now: 5 });
    sendTableMessage(b, { text: 'De B', table: null }, { id: 'mb', now: 5 });
    sync(a, b);
    expect(readTableMessages(a)).toEqual(readTableMessages(b));
    expect(readTableMessages(a).map((m) => m.id)).toEqual(['ma', 'mb']);
  });

  it('skips malformed entries and tells observers of each change', () => {
    const doc = control();
    tableMessagesMap(doc).set('bad', { text: '', table: null, at: 1 });
    tableMessagesMap(doc).set('worse', 'hello');
    expect(readTableMessages(doc)).toEqual([]);
    let seen = 0;
    const off = tableMessagesReader.observe(doc, () => seen++);
    sendTableMessage(doc, { text: 'Bonjour', table: null });
    clearTableMessages(doc);
    off();
    expect(seen).toBe(2);
  });
});
