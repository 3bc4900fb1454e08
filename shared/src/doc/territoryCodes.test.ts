import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readTerritoryCodes, setTerritoryCodes } from './territoryCodes';

describe('the territory’s codes', () => {
  it('are absent until set, then read back; a bad code changes nothing', () => {
    const control = new Y.Doc();
    expect(readTerritoryCodes(control)).toEqual({ insee: null, siren: null });
    expect(control.share.size).toBe(0);
    setTerritoryCodes(control, { insee: '2a004', siren: '200 067 213' });
    expect(readTerritoryCodes(control)).toEqual({ insee: '2A004', siren: '200067213' });
    expect(() => setTerritoryCodes(control, { insee: '123', siren: null })).toThrow();
    expect(() => setTerritoryCodes(control, { insee: null, siren: '200067214' })).toThrow();
    expect(readTerritoryCodes(control)).toEqual({ insee: '2A004', siren: '200067213' });
    setTerritoryCodes(control, { insee: '', siren: null });
    expect(readTerritoryCodes(control)).toEqual({ insee: null, siren: null });
  });
});
