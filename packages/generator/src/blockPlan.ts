import { PERSON_MALFORMATIONS, ROW_MALFORMATIONS } from './malformations.js';
import type { PersonMalformation, RowMalformation } from './malformations.js';
import type { Random } from './random.js';

/**
 * How one block of rows is laid out. Rows are generated in blocks so that
 * a person's two rows sit in the same block: memory stays bounded by the
 * block, whatever the file size.
 */
export interface BlockPlan {
  /** People introduced by this block. */
  readonly people: number;
  /** Person slot of each row, in row order. */
  readonly order: readonly number[];
  /** Malformation of each person slot, if any. */
  readonly personMalformations: readonly (PersonMalformation | undefined)[];
  /** Malformation of each row, if any. */
  readonly rowMalformations: readonly (RowMalformation | undefined)[];
}

/** Rows per block: 1,000 people of whom 200 appear twice at share 0.2. */
export const BLOCK_ROWS = 1200;

/** People needed for `rows` rows when `share` of them appear twice. */
export function peopleForRows(rows: number, share: number): number {
  return Math.ceil(rows / (1 + share) - 1e-9);
}

function range(length: number): number[] {
  return Array.from({ length }, (_, i) => i);
}

/** Gives `perKind` distinct slots to each kind, in the order given. */
function assign<K>(
  random: Random,
  slots: number,
  kinds: readonly K[],
  perKind: number,
): (K | undefined)[] {
  const marks: (K | undefined)[] = new Array<K | undefined>(slots);
  const shuffled = random.shuffle(range(slots));
  kinds.forEach((kind, k) => {
    for (const slot of shuffled.slice(k * perKind, (k + 1) * perKind)) {
      marks[slot] = kind;
    }
  });
  return marks;
}

/**
 * Plans a block of `rows` rows: exactly `rows − people` people appear
 * twice, rows are shuffled, and each malformation kind lands on
 * `round(rows × malformedRate)` people (person kinds) or rows (row kinds).
 */
export function planBlock(
  random: Random,
  rows: number,
  share: number,
  malformedRate: number,
): BlockPlan {
  const people = peopleForRows(rows, share);
  const twice = random.shuffle(range(people)).slice(0, rows - people);

  const perKind = Math.round(rows * malformedRate);
  return {
    people,
    order: random.shuffle([...range(people), ...twice]),
    personMalformations: assign(random, people, PERSON_MALFORMATIONS, perKind),
    rowMalformations: assign(random, rows, ROW_MALFORMATIONS, perKind),
  };
}
