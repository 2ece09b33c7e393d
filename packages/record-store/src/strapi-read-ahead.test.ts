import { describe, expect, it } from 'vitest';
import { ReadAhead } from './strapi-read-ahead.js';

const run = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => from + i);

describe('ReadAhead.plan', () => {
  it('asks by value before any lookup of the collection went well', () => {
    const ahead = new ReadAhead(1000, 5000);

    expect(ahead.plan('participaciones', [12, 10, 11, 10])).toEqual({ ids: [10, 11, 12] });
  });

  it('asks by value after a lookup that found under 90 % of its drafts', () => {
    const ahead = new ReadAhead(1000, 5000);
    ahead.learn('participaciones', { drafts: 100, found: 89, entries: 89, linked: 89 });

    expect(ahead.plan('participaciones', run(101, 10))).toEqual({ ids: run(101, 10) });
  });

  it('reads ahead about a page of entries once nearly all drafts were found', () => {
    const ahead = new ReadAhead(1000, 5000);
    ahead.learn('modulo-progreso-registros', { drafts: 200, found: 200, entries: 400, linked: 100 });

    expect(ahead.plan('modulo-progreso-registros', run(101, 100))).toEqual({
      range: [101, 300],
      ids: [],
    });
  });

  it('keeps the range at least as wide as the ids wanted', () => {
    const ahead = new ReadAhead(100, 5000);
    ahead.learn('participaciones', { drafts: 10, found: 10, entries: 50, linked: 10 });

    expect(ahead.plan('participaciones', run(40, 30))).toEqual({ range: [40, 69], ids: [] });
  });

  it('asks ids far below the run by value', () => {
    const ahead = new ReadAhead(1000, 5000);
    ahead.learn('uso-app-participantes', { drafts: 100, found: 100, entries: 100, linked: 100 });

    expect(ahead.plan('uso-app-participantes', [3, 7, ...run(500, 20), 530])).toEqual({
      range: [500, 1299],
      ids: [3, 7],
    });
  });

  it('asks by value when too few ids are close together', () => {
    const ahead = new ReadAhead(1000, 5000);
    ahead.learn('participaciones', { drafts: 100, found: 100, entries: 100, linked: 100 });

    expect(ahead.plan('participaciones', [1, 200, 400, 401, 402])).toEqual({
      ids: [1, 200, 400, 401, 402],
    });
  });
});

describe('ReadAhead ranges listed', () => {
  it('covers the ids of a range until it is older than the time allowed', () => {
    let now = 1_000;
    const ahead = new ReadAhead(1000, 5000, () => now);
    ahead.listed('participaciones', 10, 20);

    expect([9, 10, 20, 21].map((id) => ahead.has('participaciones', id)))
      .toEqual([false, true, true, false]);
    expect(ahead.has('uso-app-participantes', 15)).toBe(false);
    now = 5_999;
    expect(ahead.has('participaciones', 15)).toBe(true);
    now = 6_000;
    expect(ahead.has('participaciones', 15)).toBe(false);
  });

  it('answers ids inside listings kept with their entries, created ones added', () => {
    const ahead = new ReadAhead(1000, 5000);
    const entry = (id: number) => ({ id, fields: { participante: id % 100 } });
    ahead.listed('correo-participantes', 10, 20,
      [{ link: 12, entry: entry(512) }, { link: 15, entry: entry(415) }]);
    ahead.listed('correo-participantes', 3, 3, []);
    ahead.listed('correo-participantes', 30, 40);

    ahead.add('correo-participantes', { link: 3, entry: entry(303) });

    expect(ahead.held('correo-participantes', [3, 12])).toEqual([entry(303), entry(512)]);
    expect(ahead.held('correo-participantes', [15, 3, 11])).toEqual([entry(303), entry(415)]);
    expect(ahead.held('correo-participantes', [12, 21])).toBeUndefined();
    expect(ahead.held('correo-participantes', [35])).toBeUndefined();
    expect(ahead.has('correo-participantes', 35)).toBe(true);
  });

  it('keeps with a listing the entries created while it was being asked', () => {
    const ahead = new ReadAhead(1000, 5000);
    const entry = (id: number) => ({ id, fields: { participante: id % 100 } });
    ahead.add('correo-participantes', { link: 11, entry: entry(111) });
    const mark = ahead.mark();
    ahead.add('correo-participantes', { link: 12, entry: entry(212) });
    ahead.add('correo-participantes', { link: 30, entry: entry(330) });
    ahead.add('uso-app-participantes', { link: 13, entry: entry(313) });

    ahead.listed('correo-participantes', 10, 20, [{ link: 15, entry: entry(415) }], mark);

    expect(ahead.held('correo-participantes', [11, 12, 13, 15]))
      .toEqual([entry(212), entry(415)]);
  });

  it('drops the entries kept for a collection it is told to forget', () => {
    const ahead = new ReadAhead(1000, 5000);
    ahead.listed('correo-participantes', 10, 20, []);
    ahead.listed('uso-app-participantes', 10, 20, []);

    ahead.forget('correo-participantes');

    expect(ahead.held('correo-participantes', [10])).toBeUndefined();
    expect(ahead.held('uso-app-participantes', [10])).toEqual([]);
  });

  it('forgets ranges and lookups when cleared', () => {
    const ahead = new ReadAhead(1000, 5000);
    ahead.learn('participaciones', { drafts: 10, found: 10, entries: 10, linked: 10 });
    ahead.listed('participaciones', 1, 9);

    ahead.clear();

    expect(ahead.has('participaciones', 5)).toBe(false);
    expect(ahead.plan('participaciones', run(1, 10))).toEqual({ ids: run(1, 10) });
  });
});
