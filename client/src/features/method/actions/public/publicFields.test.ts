import { NO_PUBLIC_FIELDS } from '@atelier/shared';
import { describe, expect, it } from 'vitest';
import { checkSiret, datesProblem, filledPublicFields, formatSiret, isWholeDate } from './publicFields';

describe('a sheet’s public-sector fields', () => {
  it('takes a SIRET typed with spaces, as printed on official papers', () => {
    expect(checkSiret('217 500 016 00019')).toEqual({ ok: true, value: '21750001600019' });
    expect(checkSiret('21750001600019')).toEqual({ ok: true, value: '21750001600019' });
  });

  it('clears the SIRET when the field is emptied', () => {
    expect(checkSiret('   ')).toEqual({ ok: true, value: '' });
  });

  it('says why a SIRET is refused: letters, a wrong length, a wrong check key', () => {
    expect(checkSiret('2175OOO1600019')).toEqual({ ok: false, problem: 'characters' });
    expect(checkSiret('217500016')).toEqual({ ok: false, problem: 'length' });
    expect(checkSiret('21750001600018')).toEqual({ ok: false, problem: 'key' });
  });

  it('shows a SIRET in groups, and anything else as it is', () => {
    expect(formatSiret('21750001600019')).toBe('217 500 016 00019');
    expect(formatSiret('')).toBe('');
  });

  it('saves a date only once its year is whole', () => {
    expect(isWholeDate('2027-03-01')).toBe(true);
    for (const partial of ['0002-03-01', '0020-03-01', '0202-03-01', '', '2027-03'])
      expect(isWholeDate(partial)).toBe(false);
  });

  it('refuses an end before the start, and nothing else', () => {
    expect(datesProblem('2027-03-01', '2027-02-28')).toBe('endBeforeStart');
    expect(datesProblem('2027-03-01', '2027-03-01')).toBeNull();
    expect(datesProblem(null, '2020-01-01')).toBeNull();
    expect(datesProblem('2027-03-01', null)).toBeNull();
  });

  it('counts the filled fields, the two dates as one', () => {
    expect(filledPublicFields(NO_PUBLIC_FIELDS)).toBe(0);
    expect(
      filledPublicFields({
        ...NO_PUBLIC_FIELDS,
        competences: ['90-22'],
        programme: 'CRTE',
        startDate: '2027-01-01',
        endDate: '2028-01-01',
        progress: 'planned',
      }),
    ).toBe(4);
  });
});
