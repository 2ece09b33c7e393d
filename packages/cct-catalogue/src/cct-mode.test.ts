import { describe, expect, it } from 'vitest';
import { chooseCctMode, forcedCctMode } from './cct-mode.js';

const MB = 1024 * 1024;

describe('chooseCctMode', () => {
  it('preloads a catalogue that fits the budget', () => {
    expect(chooseCctMode({ catalogueBytes: 9.5 * MB, budgetMb: 64 }))
      .toEqual({
        mode: 'preloaded',
        reason: 'The CCT catalogue needs about 9.5 MB, which fits the 64 MB ' +
          'budget, so it is preloaded.',
      });
  });

  it('preloads a catalogue exactly the size of the budget', () => {
    expect(chooseCctMode({ catalogueBytes: 10 * MB, budgetMb: 10 }).mode)
      .toBe('preloaded');
  });

  it('resolves on demand one byte over the budget', () => {
    expect(chooseCctMode({ catalogueBytes: 10 * MB + 1, budgetMb: 10 }))
      .toEqual({
        mode: 'on-demand',
        reason: 'The CCT catalogue needs about 10.0 MB, more than the 10 MB ' +
          'budget, so codes are resolved on demand against the CMS.',
      });
  });

  it('resolves on demand when no catalogue is available', () => {
    expect(chooseCctMode({ budgetMb: 64 })).toEqual({
      mode: 'on-demand',
      reason: 'No CCT catalogue is available, so codes are resolved on ' +
        'demand against the CMS.',
    });
  });

  it('obeys a forced mode whatever the sizes', () => {
    expect(chooseCctMode({
      forced: 'on-demand', catalogueBytes: 1, budgetMb: 64,
    })).toEqual({
      mode: 'on-demand', reason: 'CCT mode on-demand is forced by setting.',
    });
    expect(chooseCctMode({
      forced: 'preloaded', catalogueBytes: 100 * MB, budgetMb: 1,
    })).toEqual({
      mode: 'preloaded', reason: 'CCT mode preloaded is forced by setting.',
    });
    expect(chooseCctMode({ forced: 'preloaded', budgetMb: 0 }).mode)
      .toBe('preloaded');
  });

  it('refuses a negative or missing budget', () => {
    expect(() => chooseCctMode({ catalogueBytes: 1, budgetMb: -1 }))
      .toThrow('CCT memory budget must be a number of MB >= 0, got -1');
    expect(() => chooseCctMode({ catalogueBytes: 1, budgetMb: Number.NaN }))
      .toThrow('CCT memory budget must be a number of MB >= 0, got NaN');
  });
});

describe('forcedCctMode', () => {
  it('forces preloading for true, on demand for false, nothing when unset', () => {
    expect([true, false, undefined].map(forcedCctMode)).toEqual(['preloaded', 'on-demand', undefined]);
  });
});
