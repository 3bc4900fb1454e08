import { setTerritoryCodes } from '@atelier/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkTerritoryCodes, formatSiren, territoryCodesReader } from './territoryCodes';

describe('the territory’s codes as a facilitator types them', () => {
  it('takes a commune’s INSEE code (Corsica’s too) and a SIREN typed with spaces', () => {
    expect(checkTerritoryCodes({ insee: '25 056', siren: '217 500 016' })).toEqual({
      codes: { insee: '25056', siren: '217500016' },
      errors: {},
    });
    expect(checkTerritoryCodes({ insee: '2a004', siren: '' }).codes).toEqual({ insee: '2A004', siren: null });
  });

  it('clears a code whose field is emptied', () => {
    expect(checkTerritoryCodes({ insee: ' ', siren: '' })).toEqual({
      codes: { insee: null, siren: null },
      errors: {},
    });
  });

  it('says which code is wrong and why, and writes neither', () => {
    expect(checkTerritoryCodes({ insee: '2505', siren: '217500016' })).toEqual({
      codes: null,
      errors: { insee: 'format' },
    });
    expect(checkTerritoryCodes({ insee: '', siren: '21750001' }).errors).toEqual({ siren: 'length' });
    expect(checkTerritoryCodes({ insee: '', siren: '217500017' }).errors).toEqual({ siren: 'key' });
    expect(checkTerritoryCodes({ insee: '', siren: '2175OOO16' }).errors).toEqual({ siren: 'characters' });
  });

  it('shows a SIREN in groups of three', () => {
    expect(formatSiren('217500016')).toBe('217 500 016');
    expect(formatSiren(null)).toBe('');
  });

  it('reads the codes from the control document, the same object until they change', () => {
    const control = new Y.Doc();
    const first = territoryCodesReader.read(control);
    expect(first).toEqual({ insee: null, siren: null });
    let changes = 0;
    const stop = territoryCodesReader.observe(control, () => changes++);
    setTerritoryCodes(control, { insee: '25056', siren: null });
    const second = territoryCodesReader.read(control);
    expect(second).toEqual({ insee: '25056', siren: null });
    expect(territoryCodesReader.read(control)).toBe(second);
    expect(changes).toBe(1);
    stop();
  });
});
