/** How bad a problem is: an error fails the row, a warning does not. */
export type Severity = 'error' | 'warning';

/** One problem found in one row, as the error report shows it. */
export interface RowIssue {
  /** Spreadsheet row number: the header is row 1. */
  readonly row: number;
  readonly participantId: string | null;
  /** The normalised column, or null when the whole row is at fault. */
  readonly column: string | null;
  /** The offending cell as written, when the reason needs it. */
  readonly value: string | null;
  readonly severity: Severity;
  readonly reason: string;
}

/** What became of one row. */
export type RowStatus = 'loaded' | 'failed';

/** Counts of rows by outcome. */
export interface RowCounts {
  read: number;
  loaded: number;
  failed: number;
  /** Rows loaded with at least one warning. */
  warnings: number;
}

/** Zero counts. */
export function emptyRowCounts(): RowCounts {
  return { read: 0, loaded: 0, failed: 0, warnings: 0 };
}

/** Adds `more` into `total`, in place. */
export function addRowCounts(total: RowCounts, more: RowCounts): RowCounts {
  total.read += more.read;
  total.loaded += more.loaded;
  total.failed += more.failed;
  total.warnings += more.warnings;
  return total;
}
