import * as v from 'valibot';
import { defineEvent } from '../define-event.js';
import { ChunkPosition, Count, ObjectKey } from '../shared.js';

/** A chunk of parsed rows is stored and waits for CCT lookup. */
export const ChunkReady = defineEvent({
  producer: 'intake',
  detailType: 'Chunk Ready',
  version: 1,
  description:
    'A chunk of parsed rows was stored in the object store (rowsKey), with ' +
    'its rows\' school codes (schoolsKey), and waits for CCT lookup.',
  detail: {
    ...ChunkPosition,
    rowsKey: ObjectKey,
    schoolsKey: ObjectKey,
    rowCount: Count,
    firstRow: Count,
    lastRow: Count,
    dryRun: v.boolean(),
  },
});
