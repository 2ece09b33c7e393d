import type { CollectionName, RowCounts, RowIssue } from '@apilados/domain';

/**
 * Object-store keys of the data events refer to. Everything of one file's
 * load lives under `work/<fileId>/`; reports under `reports/`.
 */
export const keys = {
  chunk: (fileId: string, chunk: number) =>
    `work/${fileId}/chunks/${pad(chunk)}.json`,
  schools: (fileId: string, chunk: number) =>
    `work/${fileId}/schools/${pad(chunk)}.json`,
  lookup: (fileId: string, chunk: number) =>
    `work/${fileId}/lookups/${pad(chunk)}.json`,
  outcomes: (fileId: string, chunk: number) =>
    `work/${fileId}/outcomes/${pad(chunk)}.json`,
  work: (fileId: string) => `work/${fileId}/`,
  report: (fileId: string) => `reports/${fileId}.csv`,
};

function pad(chunk: number): string {
  return String(chunk).padStart(6, '0');
}

/** One parsed record in a chunk. */
export interface ChunkRecord {
  /** Spreadsheet row number: the header is row 1. */
  readonly row: number;
  readonly cells: readonly string[];
  /** Present when the record had the wrong number of fields. */
  readonly fieldCount?: { readonly expected: number; readonly found: number };
}

/** The rows of one chunk, stored at `keys.chunk`. */
export interface ChunkPayload {
  readonly fileId: string;
  readonly chunk: number;
  readonly fileName: string;
  /** Normalised column names, '' for unnamed columns. */
  readonly columns: readonly string[];
  readonly records: readonly ChunkRecord[];
}

/** A row's school code as written, for the CCT lookup. */
export interface SchoolCode {
  readonly row: number;
  readonly participantId: string | null;
  readonly cct: string;
}

/**
 * The school codes of one chunk, stored at `keys.schools` beside the
 * chunk, so that the CCT lookup reads a few bytes a row instead of every
 * cell. Rows whose `cct` cell is not available, or that have the wrong
 * number of fields, are left out.
 */
export interface SchoolsPayload {
  readonly fileId: string;
  readonly chunk: number;
  readonly rows: readonly SchoolCode[];
}

/** The CCT lookup of one chunk, stored at `keys.lookup`. */
export interface LookupPayload {
  readonly fileId: string;
  readonly chunk: number;
  /** Catalogue id of each row's CCT, by spreadsheet row number. */
  readonly cctIds: Readonly<Record<number, number>>;
  /** Warnings about codes that could not be linked. */
  readonly issues: readonly RowIssue[];
}

/** The outcome of one chunk, stored at `keys.outcomes`. */
export interface OutcomePayload {
  readonly fileId: string;
  readonly chunk: number;
  readonly rows: RowCounts;
  readonly created: Readonly<Record<CollectionName, number>>;
  /** Every problem, errors and warnings, in row order. */
  readonly issues: readonly RowIssue[];
}
