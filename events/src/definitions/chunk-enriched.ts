import * as v from 'valibot';
import { defineEvent } from '../define-event.js';
import { ChunkPosition, Count, ObjectKey } from '../shared.js';

/** A chunk's CCT codes are resolved; it waits for persistence. */
export const ChunkEnriched = defineEvent({
  producer: 'cct-lookup',
  detailType: 'Chunk Enriched',
  version: 1,
  description:
    "A chunk's CCT codes were resolved to catalogue ids (lookupKey); the " +
    'chunk waits for persistence.',
  detail: {
    ...ChunkPosition,
    rowsKey: ObjectKey,
    lookupKey: ObjectKey,
    rowCount: Count,
    dryRun: v.boolean(),
    cct: v.object({
      mode: v.picklist(['preloaded', 'on-demand', 'none']),
      resolved: Count,
      unknown: Count,
      malformed: Count,
    }),
  },
});
