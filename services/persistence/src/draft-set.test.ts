import { describe, expect, it } from 'vitest';
import { emptyCounts } from '@apilados/domain';
import type { RecordStore } from '@apilados/record-store';
import { DraftSet, type WriteFailure } from './draft-set.js';

/** A store that refuses every entry with `reason`. */
function refusing(reason: string): RecordStore {
  return {
    ensure: async (_collection, drafts) => drafts.map(() => ({ ok: false, reason })),
  } as Partial<RecordStore> as RecordStore;
}

describe('DraftSet', () => {
  it('names the collection once when the store already names it', async () => {
    const set = new DraftSet('participantes');
    set.add({ id_externo: 'P-1' }, 2, 'id');
    set.add({ id_externo: 'P-1' }, 3, 'id');
    const failures = new Map<number, WriteFailure>();

    await set.ensure(refusing('participantes: HTTP 400: refused'), failures, emptyCounts());

    expect([...failures]).toEqual([
      [2, { column: 'id', reason: 'could not write participantes: HTTP 400: refused' }],
      [3, { column: 'id', reason: 'could not write participantes: HTTP 400: refused' }],
    ]);
  });

  it('keeps a reason that does not name the collection whole', async () => {
    const set = new DraftSet('programas');
    set.add({ nombre: 'Aula' }, 5, 'programa');
    const failures = new Map<number, WriteFailure>();

    await set.ensure(refusing('the store is closed'), failures, emptyCounts());

    expect(failures.get(5)?.reason).toBe('could not write programas: the store is closed');
  });
});
