import * as v from 'valibot';
import { defineEvent } from '../define-event.js';
import { FileId, FileLocation } from '../shared.js';

/** A file passed its checks and is being cut into chunks. */
export const FileAccepted = defineEvent({
  producer: 'intake',
  detailType: 'File Accepted',
  version: 1,
  description:
    'A file passed its checks (size, text, columns) and is being cut ' +
    'into chunks.',
  detail: {
    fileId: FileId,
    file: FileLocation,
    encoding: v.picklist(['utf-8', 'windows-1252', 'utf-16le']),
    separator: v.picklist([',', ';', '\t']),
    /** How many named columns the file has. */
    columnCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
    /** The normalised column names; the first 200 when there are more. */
    columns: v.pipe(v.array(v.string()), v.maxLength(200)),
    /** Columns the pipeline does not load; the first 200 when more. */
    ignoredColumns: v.pipe(v.array(v.string()), v.maxLength(200)),
    chunkSize: v.pipe(v.number(), v.integer(), v.minValue(1)),
    dryRun: v.boolean(),
    acceptedAt: v.pipe(v.string(), v.isoTimestamp()),
  },
});
