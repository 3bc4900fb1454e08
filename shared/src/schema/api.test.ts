import { describe, expect, it } from 'vitest';
import { CreateWorkshopBody, JOIN_CODE_ALPHABET, JoinBody } from './api';

describe('API schemas', () => {
  it('accepts a complete workshop and rejects an unknown territory kind', () => {
    const body = { title: 'Stratégie', territory: { name: 'Val de Loue', kind: 'epci' }, locale: 'fr' };
    expect(CreateWorkshopBody.parse(body)).toEqual({ ...body, template: 'full' });
    expect(CreateWorkshopBody.safeParse({ ...body, template: 'sprint' }).success).toBe(true);
    expect(CreateWorkshopBody.safeParse({ ...body, template: 'poker' }).success).toBe(false);
    expect(CreateWorkshopBody.safeParse({ ...body, territory: { name: 'X', kind: 'county' } }).success).toBe(
      false,
    );
    expect(CreateWorkshopBody.safeParse({ ...body, title: '   ' }).success).toBe(false);
  });

  it('normalises a join code typed in lower case with spaces and dashes', () => {
    const parsed = JoinBody.parse({ code: ' abc-def ', name: 'Léa', group: 'resident', noticeVersion: 'v1' });
    expect(parsed).toEqual({
      code: 'ABCDEF',
      name: 'Léa',
      group: 'resident',
      role: 'participant',
      noticeVersion: 'v1',
    });
  });

  it('refuses a join that does not acknowledge the privacy notice', () => {
    const person = { code: 'ABCDEF', name: 'Léa', group: 'resident' };
    expect(JoinBody.safeParse(person).error?.issues[0]?.message).toBe(
      'Acknowledge the privacy notice (noticeVersion) before joining',
    );
    expect(JoinBody.safeParse({ ...person, noticeVersion: '' }).success).toBe(false);
  });

  it('refuses codes with characters that are ambiguous when read aloud', () => {
    for (const bad of ['ABC0EF', 'ABCOEF', 'ABC1EF', 'ABCIEF', 'ABCLEF']) {
      expect(JoinBody.safeParse({ code: bad, name: 'A', group: 'other', noticeVersion: 'v1' }).success).toBe(
        false,
      );
    }
    expect(JOIN_CODE_ALPHABET).not.toMatch(/[01OIL]/);
  });

  it('never lets a joiner ask for the facilitator role', () => {
    expect(
      JoinBody.safeParse({
        code: 'ABCDEF',
        name: 'A',
        group: 'other',
        role: 'facilitator',
        noticeVersion: 'v1',
      }).success,
    ).toBe(false);
  });
});
