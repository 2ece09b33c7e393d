export { generateParticipations } from './generateParticipations.js';
export type { ParticipationCsv } from './generateParticipations.js';
export { writeParticipationsCsv } from './writeParticipationsCsv.js';
export {
  CATALOGUE_HEADER,
  writeCctCatalogueCsv,
} from './writeCctCatalogueCsv.js';
export { PARTICIPATION_HEADERS } from './headers.js';
export { curpCheckDigit, isValidCurp } from './curp.js';
export { isValidRfc, rfcCheckDigit } from './rfc.js';
export { defaultCatalogueSize } from './cctCatalogue.js';
export {
  FakerDefinitionError,
  GeneratorEncodingError,
  GeneratorOptionError,
  IdentifierFormatError,
} from './errors.js';
export type {
  CatalogueResult,
  CctCodeSource,
  CsvEncoding,
  CsvFormatOptions,
  CsvSeparator,
  GenerateOptions,
  GenerateResult,
  MalformationKind,
} from './types.js';
