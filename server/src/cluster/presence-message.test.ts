import { describe, expect, it } from 'vitest';
import type { PresenceEntry } from '../sync/presence';
import { decodePresenceMessage, encodePresenceMessage } from './presence-message';

const user = '{"name":"Ana","role":"facilitator"}';
const pointedEntry: PresenceEntry = {
  clientId: 7,
  clock: 3,
  json: `{"cursor":{"x":12.5,"y":-4},"editing":"n1","user":${user}}`,
  light: '{"cursor":{"x":12.5,"y":-4},"editing":"n1"}',
  pointer: { x: 12.5, y: -4 },
  unpointed: '{"editing":"n1"}',
  unpointedJson: `{"editing":"n1","user":${user}}`,
  facilitator: true,
};
const offBoard: PresenceEntry = {
  clientId: 8,
  clock: 1,
  json: `{"cursor":null,"user":${user}}`,
  light: '{"cursor":null}',
  pointer: null,
  unpointed: '{}',
  unpointedJson: `{"user":${user}}`,
  facilitator: false,
};
const removal: PresenceEntry = { clientId: 9, clock: 4, json: null, light: null };

describe('presence messages', () => {
  it('carry the pointer fields through a round trip, and a removal as four fields', () => {
    const text = encodePresenceMessage({ node: 'a', kind: 'u', entries: [pointedEntry, offBoard, removal] });
    expect(JSON.parse(text).e[2]).toEqual([9, 4, null, null]);
    expect(decodePresenceMessage(text)).toEqual({
      node: 'a',
      kind: 'u',
      entries: [pointedEntry, offBoard, removal],
    });
    const answer = encodePresenceMessage({ node: 'b', kind: 's', entries: [pointedEntry] });
    expect(decodePresenceMessage(answer)).toEqual({ node: 'b', kind: 's', entries: [pointedEntry] });
  });

  it('still read the four-field entries nodes sent before (no pointer fields: shown to all)', () => {
    const old = JSON.stringify({
      n: 'a',
      t: 'u',
      e: [
        [7, 3, pointedEntry.json, pointedEntry.light],
        [9, 4, null, null],
      ],
    });
    expect(decodePresenceMessage(old)).toEqual({
      node: 'a',
      kind: 'u',
      entries: [{ clientId: 7, clock: 3, json: pointedEntry.json, light: pointedEntry.light }, removal],
    });
  });

  it('refuse malformed entries', () => {
    const message = (entry: unknown[]) => JSON.stringify({ n: 'a', t: 'u', e: [entry] });
    const base = [7, 3, pointedEntry.json, pointedEntry.light];
    for (const entry of [
      [...base, ['1', 2], '{}', '{}', false], // a coordinate that is not a number
      [...base, [1], '{}', '{}', false], // half a pointer
      [...base, [1, 2], '{}', '{}', 'yes'], // facilitator not a boolean
      [...base, [1, 2], '{}'], // neither four fields nor eight
      [9, 4, null, null, null, null, null, false], // a removal with pointer fields
      [9, 4, null, '{}'], // a removal with a light state
    ])
      expect(decodePresenceMessage(message(entry))).toBeNull();
    // JSON.parse reads 1e400 as Infinity.
    const infinite = message([...base, [1, 0], '{}', '{}', false]).replace('[1,0]', '[1e400,0]');
    expect(infinite).toContain('1e400');
    expect(decodePresenceMessage(infinite)).toBeNull();
  });
});
