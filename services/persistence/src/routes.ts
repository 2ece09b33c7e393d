import { ChunkEnriched, on, type Route } from '@apilados/events';
import type { Persistence } from './persistence.js';

/** The events the persistence service consumes. */
export function persistenceRoutes(persistence: Persistence): Route[] {
  return [on(ChunkEnriched, persistence.onChunkEnriched)];
}
