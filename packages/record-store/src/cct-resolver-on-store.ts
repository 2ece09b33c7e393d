import { OnDemandCctResolver } from '@apilados/cct-catalogue';
import type { RecordStore } from './record-store.js';

/**
 * Resolves CCT codes on demand against a record store's `ccts`
 * collection (the CMS's catalogue, or the embedded store's copy of it).
 */
export function cctResolverOnStore(
  store: Pick<RecordStore, 'findBy'> | (() => Promise<Pick<RecordStore, 'findBy'>>),
): OnDemandCctResolver {
  return new OnDemandCctResolver({
    fetchIds: async (claves) => {
      const target = typeof store === 'function' ? await store() : store;
      const found = await target.findBy('ccts', 'clave', claves);
      return new Map(found.map((e) => [String(e.fields.clave), e.id]));
    },
  });
}
