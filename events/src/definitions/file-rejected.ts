import * as v from 'valibot';
import { defineEvent } from '../define-event.js';
import { FileId, FileLocation } from '../shared.js';

/** Why a whole file was refused. */
export const REJECTION_CODES = [
  'not-found',
  'empty',
  'too-large',
  'binary',
  'spreadsheet',
  'missing-columns',
  'duplicate-columns',
  'unreadable',
] as const;

/** A file was refused as a whole; nothing of it was loaded. */
export const FileRejected = defineEvent({
  producer: 'intake',
  detailType: 'File Rejected',
  version: 1,
  description:
    'A file was refused as a whole (empty, binary, a spreadsheet, missing ' +
    'or duplicate columns, too large); nothing of it was loaded.',
  detail: {
    fileId: FileId,
    file: FileLocation,
    code: v.picklist(REJECTION_CODES),
    /** One line a person can act on; no personal data. */
    reason: v.string(),
    rejectedAt: v.pipe(v.string(), v.isoTimestamp()),
  },
});
