import type { ParticipantSummary, PresenceUser } from '@atelier/shared';
import { describe, expect, it } from 'vitest';
import { notesByAuthor, participantRows } from './participantRows';

const person = (id: string, name: string, extra: Partial<ParticipantSummary> = {}): ParticipantSummary => ({
  id,
  name,
  group: 'resident',
  role: 'participant',
  color: '#455a64',
  coFacilitator: false,
  removed: false,
  ...extra,
});
const presence = (p: ParticipantSummary): PresenceUser => ({
  participantId: p.id,
  name: p.name,
  color: p.color,
  role: p.role,
  group: p.group,
});

const camille = person('f', 'Camille', { role: 'facilitator', group: 'other' });
const zoe = person('z', 'Zoé', { role: 'facilitator', coFacilitator: true });
const elodie = person('e', 'Élodie');
const hugo = person('h', 'Hugo');
const olga = person('o', 'Olga', { role: 'observer', group: 'partner' });
const gone = person('g', 'Anne', { removed: true });

describe('rows of the participants panel', () => {
  it('lists facilitators, co-facilitators, participants and observers in that order, present people first, by name', () => {
    const rows = participantRows(
      [olga, hugo, gone, elodie, zoe, camille],
      [presence(hugo), presence(camille)],
      {},
      'fr',
    );
    expect(rows.map((r) => [r.name, r.label, r.here])).toEqual([
      ['Camille', 'facilitator', true],
      ['Zoé', 'coFacilitator', false],
      ['Hugo', 'participant', true],
      ['Élodie', 'participant', false],
      ['Olga', 'observer', false],
      ['Anne', 'participant', false],
    ]);
  });

  it('counts each person’s notes and adds people in the room who are not listed yet', () => {
    const newcomer = person('n', 'Nadia', { group: 'business' });
    const notes = {
      a: { author: 'h' },
      b: { author: 'h' },
      c: { author: 'n' },
      d: { author: 'someone-else' },
    };
    const rows = participantRows([camille, hugo], [presence(newcomer)], notesByAuthor(notes), 'fr');
    expect(rows.map((r) => [r.name, r.group, r.notes, r.here])).toEqual([
      ['Camille', 'other', 0, false],
      ['Nadia', 'business', 1, true],
      ['Hugo', 'resident', 2, false],
    ]);
  });

  it('recounts notes only when the notes change', () => {
    const notes = { a: { author: 'h' } };
    expect(notesByAuthor(notes)).toBe(notesByAuthor(notes));
    expect(notesByAuthor({ ...notes, b: { author: 'h' } })).toEqual({ h: 2 });
  });
});
