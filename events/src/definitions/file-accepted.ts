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
    columns: v.array(v.string()),
    /** Columns present in the file that the pipeline does not load. */
    ignoredColumns: v.array(v.string()),
    chunkSize: v.pipe(v.number(), v.integer(), v.minValue(1)),
    dryRun: v.boolean(),
    acceptedAt: v.pipe(v.string(), v.isoTimestamp()),
  },
});
