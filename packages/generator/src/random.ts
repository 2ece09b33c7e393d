import {
  Faker,
  base,
  es,
  es_MX,
  generateMersenne32Randomizer,
} from '@faker-js/faker';
import type { Randomizer } from '@faker-js/faker';

/** A list of values with relative weights, for {@link Random.weighted}. */
export interface WeightedTable<T> {
  readonly values: readonly T[];
  /** Running totals of the weights, last one equal to the total. */
  readonly cumulative: readonly number[];
}

/** Builds a {@link WeightedTable} from `[value, weight]` pairs. */
export function weightedTable<T>(
  pairs: readonly (readonly [T, number])[],
): WeightedTable<T> {
  let total = 0;
  const cumulative = pairs.map(([, weight]) => (total += weight));
  return { values: pairs.map(([value]) => value), cumulative };
}

/**
 * Seeded random choices for the generator, backed by one faker instance with
 * the Mexican Spanish locale. Same seed, same sequence of choices. Draws go
 * straight to faker's 32-bit Mersenne Twister, which is several times
 * faster per draw than `faker.number.*` and precise enough for picks.
 */
export class Random {
  /** The seeded faker instance, for its locale definitions. */
  readonly faker: Faker;
  readonly #randomizer: Randomizer;

  constructor(seed: number) {
    this.#randomizer = generateMersenne32Randomizer(seed);
    this.faker = new Faker({
      locale: [es_MX, es, base],
      randomizer: this.#randomizer,
    });
  }

  /** A float in [0, 1). */
  next(): number {
    return this.#randomizer.next();
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.min(max - min, Math.floor(this.next() * (max - min + 1)));
  }

  /** `true` with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)] as T;
  }

  /** One value of a weighted table. */
  weighted<T>(table: WeightedTable<T>): T {
    const total = table.cumulative[table.cumulative.length - 1] ?? 0;
    const target = this.next() * total;
    let index = 0;
    while ((table.cumulative[index] ?? total) <= target) index += 1;
    return table.values[Math.min(index, table.values.length - 1)] as T;
  }

  /** Shuffles a list in place (Fisher-Yates) and returns it. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i -= 1) {
      const j = this.int(0, i);
      const held = items[i] as T;
      items[i] = items[j] as T;
      items[j] = held;
    }
    return items;
  }
}
