import { ChunkReady, on, type Route } from '@apilados/events';
import type { CctLookup } from './cct-lookup.js';

/** The events the CCT lookup service consumes. */
export function cctLookupRoutes(lookup: CctLookup): Route[] {
  return [on(ChunkReady, lookup.onChunkReady)];
}
