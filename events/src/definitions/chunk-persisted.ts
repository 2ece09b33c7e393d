import * as v from 'valibot';
import { defineEvent } from '../define-event.js';
import {
  ChunkPosition,
  Count,
  CreatedCounts,
  ObjectKey,
  RowCountsSchema,
} from '../shared.js';

/** A chunk's rows were written; each row's outcome is stored. */
export const ChunkPersisted = defineEvent({
  producer: 'persistence',
  detailType: 'Chunk Persisted',
  version: 1,
  description:
    "A chunk's rows were written to the record store; each row's outcome " +
    'and problems are stored at outcomesKey.',
  detail: {
    ...ChunkPosition,
    outcomesKey: ObjectKey,
    rows: RowCountsSchema,
    created: CreatedCounts,
    storeRequests: Count,
    durationMs: Count,
  },
});
