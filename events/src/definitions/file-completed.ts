import * as v from 'valibot';
import { defineEvent } from '../define-event.js';
import {
  Count,
  CreatedCounts,
  FileId,
  FileLocation,
  RowCountsSchema,
} from '../shared.js';

/** Every chunk of a file is accounted for; totals and report are final. */
export const FileCompleted = defineEvent({
  producer: 'intake',
  detailType: 'File Completed',
  version: 1,
  description:
    'Every chunk of a file is accounted for. Carries the totals and, when ' +
    'any row had a problem, the error report location. Sent once per file.',
  detail: {
    fileId: FileId,
    file: FileLocation,
    chunks: Count,
    rows: RowCountsSchema,
    created: CreatedCounts,
    /** Object-store key of the error report, or null when clean. */
    reportKey: v.nullable(v.string()),
    problems: Count,
    dryRun: v.boolean(),
    startedAt: v.pipe(v.string(), v.isoTimestamp()),
    completedAt: v.pipe(v.string(), v.isoTimestamp()),
  },
});
