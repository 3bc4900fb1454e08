import { describe, expect, it } from 'vitest';
import { boardPath, joinPath, matchRoute, strategyPath, tokenFromHash } from './routes';

describe('routes', () => {
  it('matches home, join and board paths', () => {
    expect(matchRoute('/')).toEqual({ name: 'home' });
    expect(matchRoute('/join/ABC234')).toEqual({ name: 'join', code: 'ABC234' });
    expect(matchRoute('/w/abc_12-x')).toEqual({ name: 'board', workshopId: 'abc_12-x' });
    expect(matchRoute('/w/abc/')).toEqual({ name: 'board', workshopId: 'abc' });
    expect(matchRoute('/s/st_1-x')).toEqual({ name: 'strategy', strategyId: 'st_1-x' });
    expect(matchRoute('/s/a b')).toEqual({ name: 'notFound' });
  });

  it('sends anything else to not found', () => {
    expect(matchRoute('/w')).toEqual({ name: 'notFound' });
    expect(matchRoute('/w/a b')).toEqual({ name: 'notFound' });
    expect(matchRoute('/nope/1/2')).toEqual({ name: 'notFound' });
  });

  it('builds paths that round-trip', () => {
    expect(matchRoute(joinPath('AB C'))).toEqual({ name: 'join', code: 'AB C' });
    expect(matchRoute(boardPath('w1'))).toEqual({ name: 'board', workshopId: 'w1' });
    expect(matchRoute(strategyPath('s1'))).toEqual({ name: 'strategy', strategyId: 's1' });
  });

  it('reads the facilitator token from the fragment', () => {
    expect(tokenFromHash('#token=abc.def')).toBe('abc.def');
    expect(tokenFromHash('#other=1')).toBeNull();
    expect(tokenFromHash('')).toBeNull();
  });
});
