import type { CollectionSpec } from '@apilados/domain';

/** One query parameter: a bracketed name and its raw value. */
export type QueryParam = readonly [name: string, value: string | number];

/** Most values one `$in` filter may hold: Strapi drops larger filters. */
export const MAX_IN_VALUES = 100;

/** Longest encoded `$in` list per request, keeping URLs far from 16 KB. */
export const MAX_IN_CHARS = 6_000;

/** Most entries a page may hold in this CMS. */
export const MAX_PAGE_SIZE = 1_000;

/**
 * Joins parameters into a query string. Names keep their brackets and `$`
 * (Strapi's parser reads them either way); values are percent-encoded.
 *
 * @example queryString([['filters[clave][$eq]', 'a b']])
 * // 'filters[clave][$eq]=a%20b'
 */
export function queryString(params: readonly QueryParam[]): string {
  return params
    .map(([name, value]) => `${name}=${encodeURIComponent(String(value))}`)
    .join('&');
}

/** `field` filtered to `values`; a relation is matched on its id. */
export function inFilter(
  field: string,
  relation: boolean,
  values: readonly (string | number)[],
): QueryParam[] {
  const name = relation ? `filters[${field}][id][$in]` : `filters[${field}][$in]`;
  return values.map((value, i) => [`${name}[${i}]`, value]);
}

/**
 * `field` from `lo` to `hi`, both included; a relation is matched on its
 * id. One range stands in for any number of close ids.
 *
 * @example queryString(rangeFilter('participacion', true, 4, 9))
 * // 'filters[participacion][id][$gte]=4&filters[participacion][id][$lte]=9'
 */
export function rangeFilter(
  field: string,
  relation: boolean,
  lo: number,
  hi: number,
): QueryParam[] {
  const name = relation ? `filters[${field}][id]` : `filters[${field}]`;
  return [[`${name}[$gte]`, lo], [`${name}[$lte]`, hi]];
}

/** `field` equal to `value`, or empty when `value` is null. */
export function eqFilter(
  field: string,
  relation: boolean,
  value: string | number | null,
): QueryParam[] {
  if (value === null) return [[`filters[${field}][$null]`, 'true']];
  const name = relation ? `filters[${field}][id][$eq]` : `filters[${field}][$eq]`;
  return [[name, value]];
}

/**
 * Asks for the plain fields `names` only, and for each relation among
 * `relations` its linked ids only.
 */
export function selectFields(
  spec: CollectionSpec,
  names: readonly string[],
): QueryParam[] {
  const params: QueryParam[] = [];
  let plain = 0;
  for (const name of names) {
    const field = spec.fields[name];
    if (!field) continue;
    if (field.kind === 'relation') {
      params.push([`populate[${name}][fields][0]`, 'id']);
    } else {
      params.push([`fields[${plain++}]`, name]);
    }
  }
  if (plain === 0) params.push(['fields[0]', 'id']);
  return params;
}

/** Page `page` (from 1) of `size` entries, in id order, without counts. */
export function pageOf(page: number, size: number): QueryParam[] {
  return [
    ['sort[0]', 'id:asc'],
    ['pagination[page]', page],
    ['pagination[pageSize]', size],
    ['pagination[withCount]', 'false'],
  ];
}

/**
 * Splits values into lists for `$in` filters: at most `MAX_IN_VALUES`
 * values and about `MAX_IN_CHARS` encoded characters each.
 */
export function inBatches<T extends string | number>(
  values: readonly T[],
  maxValues = MAX_IN_VALUES,
  maxChars = MAX_IN_CHARS,
): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let chars = 0;
  for (const value of values) {
    const cost = encodeURIComponent(String(value)).length + 40;
    if (current.length > 0 &&
      (current.length >= maxValues || chars + cost > maxChars)) {
      batches.push(current);
      current = [];
      chars = 0;
    }
    current.push(value);
    chars += cost;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
