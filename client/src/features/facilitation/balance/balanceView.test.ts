import type { GroupBalance } from '@atelier/shared';
import { describe, expect, it } from 'vitest';
import { balanceCalm, balanceRows, barWidth, MIN_BAR_PERCENT, silentAlerts } from './balanceView';

const line = (over: Partial<GroupBalance> & Pick<GroupBalance, 'group'>): GroupBalance => ({
  members: 3,
  here: 0,
  contributed: 0,
  voted: null,
  silent: false,
  ...over,
});

describe('barWidth', () => {
  it('gives the share of the whole in whole percent', () => {
    expect(barWidth(1, 3)).toBe(33);
    expect(barWidth(2, 3)).toBe(67);
    expect(barWidth(3, 3)).toBe(100);
  });

  it('draws nothing for nobody, and nothing for a group without members', () => {
    expect(barWidth(0, 5)).toBe(0);
    expect(barWidth(0, 0)).toBe(0);
    expect(barWidth(2, 0)).toBe(0);
  });

  it('keeps one person of a large group visible, and never overflows the cell', () => {
    expect(barWidth(1, 80)).toBe(MIN_BAR_PERCENT);
    expect(barWidth(4, 3)).toBe(100);
  });
});

describe('balanceRows', () => {
  it('keeps the groups’ usual order whatever the order given, with each bar in percent of the members', () => {
    const rows = balanceRows([
      line({ group: 'resident', members: 4, here: 2, contributed: 1, voted: 4 }),
      line({ group: 'elected', members: 2, here: 2, contributed: 0, voted: 0 }),
    ]);
    expect(rows.map((r) => r.group)).toEqual(['elected', 'resident']);
    expect(rows[0]?.bars).toEqual({ here: 100, contributed: 0, voted: 0 });
    expect(rows[1]?.bars).toEqual({ here: 50, contributed: 25, voted: 100 });
  });

  it('has no vote bar without a round', () => {
    expect(balanceRows([line({ group: 'staff', voted: null })])[0]?.bars.voted).toBeNull();
  });
});

describe('silentAlerts', () => {
  it('alerts for each silent group only, the most people here first, then in the usual order', () => {
    const alerts = silentAlerts([
      line({ group: 'elected', here: 1, silent: true }),
      line({ group: 'staff', here: 2, contributed: 1 }),
      line({ group: 'resident', here: 3, silent: true }),
      line({ group: 'partner', here: 1, silent: true }),
    ]);
    expect(alerts).toEqual([
      { group: 'resident', stem: 'balance.silent.resident', here: 3 },
      { group: 'elected', stem: 'balance.silent.elected', here: 1 },
      { group: 'partner', stem: 'balance.silent.partner', here: 1 },
    ]);
  });
});

describe('balanceCalm', () => {
  it('says nobody joined yet, nobody is here, or that every group here contributed', () => {
    expect(balanceCalm([])).toBe('empty');
    expect(balanceCalm([line({ group: 'elected' })])).toBe('nobodyHere');
    expect(balanceCalm([line({ group: 'elected', here: 1, contributed: 1 }), line({ group: 'staff' })])).toBe(
      'balanced',
    );
  });

  it('gives way to the alerts when a group is silent', () => {
    expect(balanceCalm([line({ group: 'elected', here: 1, silent: true })])).toBeNull();
  });
});
