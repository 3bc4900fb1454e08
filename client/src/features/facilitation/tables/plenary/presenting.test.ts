import { describe, expect, it } from 'vitest';
import { nextPresenter, presentingRule } from './presenting';

const table = (id: string, order: number) => ({ id, name: id, color: '#000000', order });

describe('presentations of the tables', () => {
  it('goes to the next table in order, and to none after the last', () => {
    const tables = [table('a', 0), table('b', 1)];
    expect(nextPresenter(tables, 'a')?.id).toBe('b');
    expect(nextPresenter(tables, 'b')).toBeNull();
    expect(nextPresenter(tables, 'gone')).toBeNull();
  });

  it('dims whatever is not from the presenting table, a quote in its id escaped', () => {
    expect(presentingRule('t1')).toContain(':not([data-item-tables~="t1"])');
    expect(presentingRule('a"b')).toContain('~="a\\"b"');
  });
});
