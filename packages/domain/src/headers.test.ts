import { describe, expect, it } from 'vitest';
import { normaliseHeader } from './headers.js';

describe('normaliseHeader', () => {
  it('turns parentheses and spaces into single underscores', () => {
    expect(normaliseHeader('Participa director(a)')).toBe(
      'participa_director_a');
  });

  it('lower-cases and removes accents', () => {
    expect(normaliseHeader('Período de implementación')).toBe(
      'periodo_de_implementacion');
    expect(normaliseHeader('AÑO')).toBe('ano');
  });

  it('removes accents written as combining marks (NFD)', () => {
    expect(normaliseHeader('Peri\u0301odo')).toBe('periodo');
  });

  it('trims spaces and underscores at both ends', () => {
    expect(normaliseHeader('  _Edad_  ')).toBe('edad');
    expect(normaliseHeader('(Sexo)')).toBe('sexo');
  });

  it('collapses every run of other characters into one underscore', () => {
    expect(normaliseHeader('Centro  de -- trabajo / verificado')).toBe(
      'centro_de_trabajo_verificado');
    expect(normaliseHeader('asist 1.2')).toBe('asist_1_2');
  });

  it('keeps digits', () => {
    expect(normaliseHeader('MOD1')).toBe('mod1');
  });

  it('reads a header of only punctuation as the empty name', () => {
    expect(normaliseHeader('  ')).toBe('');
    expect(normaliseHeader('(?)')).toBe('');
  });

  it('drops a stray byte-order mark', () => {
    expect(normaliseHeader('\uFEFFid')).toBe('id');
  });
});
