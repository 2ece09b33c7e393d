import { describe, expect, it } from 'vitest';
import { busSubscriptions, pascalCase } from './subscriptions.js';

describe('busSubscriptions', () => {
  it('gives each consuming service one rule for the events SUBSCRIPTIONS lists', () => {
    expect(busSubscriptions()).toEqual([
      {
        service: 'intake',
        name: 'IntakeEvents',
        pattern: { source: ['apilados.persistence'], detailType: ['Chunk Persisted'] },
      },
      {
        service: 'cct-lookup',
        name: 'CctLookupEvents',
        pattern: { source: ['apilados.intake'], detailType: ['Chunk Ready'] },
      },
      {
        service: 'persistence',
        name: 'PersistenceEvents',
        pattern: { source: ['apilados.cct-lookup'], detailType: ['Chunk Enriched'] },
      },
    ]);
  });

  it('names resources in PascalCase', () => {
    expect(pascalCase('cct-lookup')).toBe('CctLookup');
  });
});
