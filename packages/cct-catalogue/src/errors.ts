/**
 * Thrown when a CCT catalogue cannot be read at all: its header is not
 * `id,clave` or its bytes are not UTF-8 text. Individual bad lines are
 * counted and skipped instead (see `CatalogueStats`).
 */
export class CatalogueFormatError extends Error {
  override readonly name = 'CatalogueFormatError';
  /** Name of the catalogue (file path or object key), when known. */
  readonly file: string | undefined;
  /** 1-based line the problem was found on. */
  readonly line: number;
  /** What the catalogue should contain there. */
  readonly expected: string;
  /** What it contains instead (shortened to a readable length). */
  readonly found: string;

  constructor(details: {
    file?: string | undefined;
    line: number;
    expected: string;
    found: string;
  }) {
    const where = details.file === undefined
      ? `CCT catalogue line ${details.line}`
      : `CCT catalogue ${details.file} line ${details.line}`;
    super(`${where}: expected ${details.expected}, found ${details.found}`);
    this.file = details.file;
    this.line = details.line;
    this.expected = details.expected;
    this.found = details.found;
  }
}
