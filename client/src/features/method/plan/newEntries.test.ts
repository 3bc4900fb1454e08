import { describe, expect, it } from 'vitest';
import { checkNewIndicator, checkNewPartner, type IndicatorDraft } from './newEntries';

const indicator = (draft: Partial<IndicatorDraft>): IndicatorDraft => ({
  name: 'Trajets partagés',
  unit: 'trajets',
  baseline: '',
  target: '',
  source: '',
  ...draft,
});

describe('the forms that add a partner or an indicator', () => {
  it('add a partner with a name, trimmed, and mark the name otherwise', () => {
    expect(checkNewPartner('a1', { name: '  Mairie ', role: 'porteur', contact: '' }, 'public-body')).toEqual(
      {
        input: { action: 'a1', name: 'Mairie', kind: 'public-body', role: 'porteur', contact: '' },
        errors: { name: false },
      },
    );
    expect(checkNewPartner('a1', { name: '   ', role: 'porteur', contact: '' }, 'public-body')).toEqual({
      input: null,
      errors: { name: true },
    });
  });

  it('add an indicator with numbers typed the locale’s way, empty ones as none yet', () => {
    const { input, errors } = checkNewIndicator(
      'fr',
      'a1',
      indicator({ baseline: '1 250,5', target: '' }),
      'monthly',
    );
    expect(errors).toEqual({ name: false, baseline: false, target: false });
    expect(input).toMatchObject({ action: 'a1', baseline: 1250.5, target: null, frequency: 'monthly' });
  });

  it('mark the name and each value that is not a number, and add nothing', () => {
    expect(
      checkNewIndicator('fr', 'a1', indicator({ name: ' ', baseline: 'douze', target: '3' }), 'yearly'),
    ).toEqual({
      input: null,
      errors: { name: true, baseline: true, target: false },
    });
    expect(checkNewIndicator('en', 'a1', indicator({ target: 'x' }), 'yearly')).toEqual({
      input: null,
      errors: { name: false, baseline: false, target: true },
    });
  });

  it('keep the CRTE indicator an indicator was picked from, and none otherwise', () => {
    const picked = checkNewIndicator('fr', 'a1', indicator({}), 'yearly', 'cae_1.a');
    expect(picked.input).toMatchObject({ reference: 'cae_1.a' });
    expect(checkNewIndicator('fr', 'a1', indicator({}), 'yearly').input).toMatchObject({ reference: null });
  });
});
