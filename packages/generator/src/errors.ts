/**
 * An option of the generator is out of range. Carries the option name, what
 * was expected and what was received.
 */
export class GeneratorOptionError extends Error {
  override readonly name = 'GeneratorOptionError';

  constructor(
    readonly option: string,
    readonly expected: string,
    readonly received: string,
  ) {
    super(`Option "${option}": expected ${expected}, received ${received}`);
  }
}

/**
 * A value cannot be encoded in the requested byte encoding. Carries the
 * encoding and the code point, never the surrounding (personal) text.
 */
export class GeneratorEncodingError extends Error {
  override readonly name = 'GeneratorEncodingError';

  constructor(
    readonly encoding: string,
    readonly codePoint: number,
  ) {
    const hex = codePoint.toString(16).toUpperCase().padStart(4, '0');
    super(`Character U+${hex} cannot be written as ${encoding}`);
  }
}

/**
 * A CURP or RFC check was asked of text of the wrong shape. Carries what
 * was expected and what was found, never the value itself (personal data).
 */
export class IdentifierFormatError extends Error {
  override readonly name = 'IdentifierFormatError';

  constructor(
    readonly identifier: 'CURP' | 'RFC',
    readonly expected: string,
    readonly received: string,
  ) {
    super(`${identifier}: expected ${expected}, received ${received}`);
  }
}

/**
 * The faker locale lacks a list the generator builds its pools from.
 * Carries the missing definition path.
 */
export class FakerDefinitionError extends Error {
  override readonly name = 'FakerDefinitionError';

  constructor(readonly definition: string) {
    super(`Faker locale es_MX has no "${definition}" list`);
  }
}
