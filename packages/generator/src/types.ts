/** Where the CCT codes of the generated participations come from. */
export type CctCodeSource =
  /** Codes of an existing catalogue (entry `i` has id `i + 1`). */
  | { codes: readonly string[] }
  /** A catalogue computed from the seed, with this many entries. */
  | { size: number };

/** Field separators a spreadsheet export may use. */
export type CsvSeparator = ',' | ';' | '\t';

/** Byte encodings the generator can write. */
export type CsvEncoding = 'utf-8' | 'windows-1252';

/** How the CSV text is laid out. */
export interface CsvFormatOptions {
  /** Field separator; `,` by default. */
  separator?: CsvSeparator;
  /** Start the text with a UTF-8 byte-order mark; `false` by default. */
  bom?: boolean;
  /** End lines with `\r\n` instead of `\n`; `false` by default. */
  crlf?: boolean;
  /** Byte encoding of written files; `utf-8` by default. */
  encoding?: CsvEncoding;
}

/** Options of the participation generator. */
export interface GenerateOptions extends CsvFormatOptions {
  /** Number of data rows, header excluded. */
  rows: number;
  /** Seed of every random choice; same seed, same bytes. Default 1. */
  seed?: number;
  /**
   * External id of the file's first person; the others follow. Default
   * 100001. Files for one store need ids that do not overlap.
   */
  firstId?: number;
  /** CCT catalogue to draw codes from; default `{ size: max(200, rows/2) }`. */
  catalogue?: CctCodeSource;
  /** Share of people who take part in two implementations; default 0.2. */
  twoImplementationShare?: number;
  /** Share of rows carrying each kind of malformed value; default 0.005. */
  malformedRate?: number;
  /** Share of optional cells left "not available"; default 0.07. */
  notAvailableRate?: number;
}

/** Kinds of malformed values the generator plants on purpose. */
export type MalformationKind =
  | 'ageInWords'
  | 'cctMalformed'
  | 'cctNotInCatalogue'
  | 'curpCheckDigit'
  | 'gradeMalformed'
  | 'booleanMalformed';

/** What a generated participation file holds, for tests to compare. */
export interface GenerateResult {
  /** Data rows written, header excluded. */
  rows: number;
  /** Distinct people (distinct `ID` values). */
  people: number;
  /** People who appear in two implementations. */
  peopleInTwoImplementations: number;
  /** People whose two rows carry two different email addresses. */
  peopleWithTwoEmails: number;
  /** Distinct programs. */
  programs: number;
  /** Distinct implementations (programa + nombre + ciclo + periodo). */
  implementations: number;
  /** Entries of the CCT catalogue the codes were drawn from. */
  catalogueSize: number;
  /** Rows carrying each kind of malformed value. */
  malformed: Record<MalformationKind, number>;
  /** Size of the text in the chosen encoding, header and BOM included. */
  bytes: number;
}

/** What a written CCT catalogue holds. */
export interface CatalogueResult {
  /** Entries written, header excluded. */
  entries: number;
  /** File size in bytes. */
  bytes: number;
}
