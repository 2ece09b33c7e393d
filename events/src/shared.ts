import * as v from 'valibot';
import { COLLECTION_NAMES } from '@apilados/domain';

/** Identifies one load of one uploaded file. */
export const FileId = v.pipe(
  v.string(),
  v.regex(/^[A-Za-z0-9._-]{1,200}$/, 'letters, digits, . _ - only'),
);

/** Where an uploaded file lives in the object store. */
export const FileLocation = v.object({
  /** Bucket name in AWS; omitted on the local filesystem. */
  bucket: v.optional(v.string()),
  key: v.string(),
  /** The file's name as uploaded, for people. */
  name: v.string(),
  size: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

/** An object-store key holding data an event refers to (claim check). */
export const ObjectKey = v.pipe(v.string(), v.minLength(1));

const count = v.pipe(v.number(), v.integer(), v.minValue(0));

/** Rows by outcome. */
export const RowCountsSchema = v.object({
  read: count,
  loaded: count,
  failed: count,
  warnings: count,
});

/** Entries created, by collection. */
export const CreatedCounts = v.object(
  Object.fromEntries(COLLECTION_NAMES.map((n) => [n, count])) as Record<
    (typeof COLLECTION_NAMES)[number],
    typeof count
  >,
);

/** Per-chunk position in a file. */
export const ChunkPosition = {
  fileId: FileId,
  /** 1-based chunk number. */
  chunk: v.pipe(v.number(), v.integer(), v.minValue(1)),
};

/** A positive whole number. */
export const Count = count;
