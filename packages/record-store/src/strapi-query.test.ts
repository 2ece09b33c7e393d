import { describe, expect, it } from 'vitest';
import { COLLECTIONS } from '@apilados/domain';
import {
  eqFilter,
  inBatches,
  inFilter,
  queryString,
  rangeFilter,
  selectFields,
} from './strapi-query.js';

describe('queryString', () => {
  it('keeps bracketed names and encodes values', () => {
    expect(queryString([...inFilter('clave', false, ['a b', 'c&d'])])).toBe(
      'filters[clave][$in][0]=a%20b&filters[clave][$in][1]=c%26d',
    );
  });

  it('filters a relation on its id', () => {
    expect(queryString(inFilter('participante', true, [4]))).toBe(
      'filters[participante][id][$in][0]=4',
    );
    expect(queryString(eqFilter('implementacion', true, 3))).toBe(
      'filters[implementacion][id][$eq]=3',
    );
    expect(queryString(eqFilter('nombre', false, null))).toBe(
      'filters[nombre][$null]=true',
    );
  });

  it('filters a range of linked ids, both ends included', () => {
    expect(queryString(rangeFilter('participacion', true, 101, 463))).toBe(
      'filters[participacion][id][$gte]=101&filters[participacion][id][$lte]=463',
    );
    expect(queryString(rangeFilter('edad', false, 18, 65))).toBe(
      'filters[edad][$gte]=18&filters[edad][$lte]=65',
    );
  });
});

describe('selectFields', () => {
  it('asks for plain fields by name and for links by id', () => {
    expect(queryString(selectFields(COLLECTIONS.modulos, ['nombre', 'implementacion']))).toBe(
      'fields[0]=nombre&populate[implementacion][fields][0]=id',
    );
  });

  it('asks for the id alone when every field is a link', () => {
    expect(queryString(selectFields(COLLECTIONS.participaciones, ['participante', 'implementacion']))).toBe(
      'populate[participante][fields][0]=id&populate[implementacion][fields][0]=id&fields[0]=id',
    );
  });
});

describe('inBatches', () => {
  it('splits 250 values into lists of 100, 100 and 50', () => {
    const values = Array.from({ length: 250 }, (_, i) => i);

    expect(inBatches(values).map((b) => b.length)).toEqual([100, 100, 50]);
  });

  it('splits long values earlier to keep URLs short', () => {
    const values = Array.from({ length: 100 }, (_, i) => `${'x'.repeat(200)}${i}`);

    const batches = inBatches(values);

    expect(batches.map((b) => b.length)).toEqual([24, 24, 24, 24, 4]);
    expect(batches.flat()).toEqual(values);
  });
});
