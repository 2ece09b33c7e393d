import { describe, expect, it } from 'vitest';
import { addRowCounts, emptyRowCounts } from './issues.js';

describe('row counts', () => {
  it('start at zero', () => {
    expect(emptyRowCounts()).toEqual({ read: 0, loaded: 0, failed: 0, warnings: 0 });
  });

  it('add up in place and return the total', () => {
    const total = emptyRowCounts();
    const result = addRowCounts(total, { read: 5, loaded: 4, failed: 1, warnings: 2 });
    addRowCounts(total, { read: 3, loaded: 3, failed: 0, warnings: 0 });
    expect(result).toBe(total);
    expect(total).toEqual({ read: 8, loaded: 7, failed: 1, warnings: 2 });
  });
});
