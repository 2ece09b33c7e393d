import * as v from 'valibot';
import { SettingsError } from './errors.js';

const wholeNumber = (name: string, min: number, max: number, fallback: number) =>
  v.pipe(
    v.optional(v.string(), String(fallback)),
    v.trim(),
    v.check(
      (t) => /^\d+$/.test(t) && Number(t) >= min && Number(t) <= max,
      (i) => `${name} must be a whole number from ${min} to ${max}, got '${i.input}'`,
    ),
    v.transform(Number),
  );

const flag = (name: string, fallback: boolean) =>
  v.pipe(
    v.optional(v.string(), String(fallback)),
    v.trim(),
    v.toLowerCase(),
    v.check(
      (t) => ['true', 'false', '1', '0', 'yes', 'no'].includes(t),
      (i) => `${name} must be true or false, got '${i.input}'`,
    ),
    v.transform((t) => ['true', '1', 'yes'].includes(t)),
  );

const optionalFlag = (name: string) =>
  v.optional(
    v.pipe(
      v.string(),
      v.trim(),
      v.toLowerCase(),
      v.check(
        (t) => ['true', 'false', '1', '0', 'yes', 'no', 'auto', ''].includes(t),
        (i) => `${name} must be true, false or auto, got '${i.input}'`,
      ),
      v.transform((t) =>
        t === '' || t === 'auto' ? undefined : ['true', '1', 'yes'].includes(t),
      ),
    ),
  );

const url = (name: string) =>
  v.optional(
    v.pipe(
      v.string(),
      v.trim(),
      v.check(
        (t) => t === '' || /^https?:\/\/[^\s/]+/.test(t),
        (i) => `${name} must be an http(s) URL, got '${i.input}'`,
      ),
      v.transform((t) => (t === '' ? undefined : t.replace(/\/+$/, ''))),
    ),
  );

/** Older names the runbook still uses, by the current name. */
const OLDER_NAMES = {
  STRAPI_BASE_URL: 'STRAPI_URL',
  OMIT_GET: 'OMMIT_GET',
} as const;

/**
 * The environment variables the pipeline reads, with the runbook's names;
 * `label` names a variable in messages as the person set it.
 */
const settingsSchema = (label: (name: string) => string) => v.object({
  CHUNK_SIZE: wholeNumber(label('CHUNK_SIZE'), 1, 100_000, 1000),
  BATCH_SIZE: wholeNumber(label('BATCH_SIZE'), 1, 1000, 100),
  PROCESS_MODE: v.pipe(
    v.optional(v.string(), 'parallel'),
    v.trim(),
    v.toLowerCase(),
    v.picklist(['parallel', 'sequential'], (i) =>
      `${label('PROCESS_MODE')} must be 'parallel' or 'sequential', ` +
        `got '${i.input}'`),
  ),
  OMIT_GET: flag(label('OMIT_GET'), false),
  STRAPI_BASE_URL: url(label('STRAPI_BASE_URL')),
  STRAPI_TOKEN: v.optional(
    v.pipe(
      v.string(),
      v.trim(),
      // The token itself is never echoed, not even in this message.
      v.check(
        (t) => !/[\s\u0000-\u001f\u007f]/.test(t),
        'STRAPI_TOKEN holds a space, line break or other control character; ' +
          'copy the token again as one line',
      ),
    ),
  ),
  API_RETRY_ATTEMPTS: wholeNumber(label('API_RETRY_ATTEMPTS'), 0, 20, 5),
  API_RETRY_DELAY: wholeNumber(label('API_RETRY_DELAY'), 0, 60_000, 500),
  API_TIMEOUT_MS: wholeNumber(label('API_TIMEOUT_MS'), 100, 300_000, 30_000),
  API_MAX_IN_FLIGHT: wholeNumber(label('API_MAX_IN_FLIGHT'), 1, 64, 8),
  CCTS_S3_BUCKET: v.optional(v.string()),
  CCTS_S3_KEY: v.optional(v.string(), 'ccts_export.csv'),
  CCTS_USE_PRELOADING: optionalFlag(label('CCTS_USE_PRELOADING')),
  CCTS_MAX_MEMORY_MB: wholeNumber(label('CCTS_MAX_MEMORY_MB'), 1, 10_240, 256),
  HEALTH_CHECKS_ENABLED: flag(label('HEALTH_CHECKS_ENABLED'), true),
  HEALTH_CLOUDWATCH_NAMESPACE: v.optional(v.string()),
  MAX_FILE_SIZE_MB: wholeNumber(label('MAX_FILE_SIZE_MB'), 1, 1_000_000, 2048),
  ENVIRONMENT: v.optional(v.string(), 'local'),
});

/** The pipeline's settings, validated. */
export interface Settings {
  readonly chunkSize: number;
  readonly batchSize: number;
  readonly processMode: 'parallel' | 'sequential';
  /** Skip existence checks; safe only for a first load into an empty CMS. */
  readonly omitGet: boolean;
  readonly strapi: {
    readonly baseUrl: string | undefined;
    readonly token: string | undefined;
    readonly retryAttempts: number;
    readonly retryDelayMs: number;
    readonly timeoutMs: number;
    readonly maxInFlight: number;
  };
  readonly ccts: {
    readonly bucket: string | undefined;
    readonly key: string;
    /** true or false forces a mode; undefined chooses by memory budget. */
    readonly usePreloading: boolean | undefined;
    readonly maxMemoryMb: number;
  };
  readonly health: {
    readonly enabled: boolean;
    readonly namespace: string;
  };
  readonly maxFileBytes: number;
  readonly environment: string;
}

/**
 * Reads and validates the settings. Older names still work: `STRAPI_URL`
 * for `STRAPI_BASE_URL` and `OMMIT_GET` for `OMIT_GET`; the current name
 * wins when both are set. A variable set to blank counts as not set.
 *
 * @throws SettingsError naming every bad variable, as it was set, and its
 * value.
 */
export function loadSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const input: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(env)) {
    input[name] = value?.trim() === '' ? undefined : value;
  }
  const usedOlder = new Set<string>();
  for (const [name, older] of Object.entries(OLDER_NAMES)) {
    if (input[name] === undefined && input[older] !== undefined) {
      input[name] = input[older];
      usedOlder.add(name);
    }
  }
  const label = (name: string) =>
    usedOlder.has(name) ? OLDER_NAMES[name as keyof typeof OLDER_NAMES] : name;
  const result = v.safeParse(settingsSchema(label), input);
  if (!result.success) {
    throw new SettingsError(result.issues.map((i) => i.message));
  }
  const s = result.output;
  return {
    chunkSize: s.CHUNK_SIZE,
    batchSize: s.BATCH_SIZE,
    processMode: s.PROCESS_MODE as 'parallel' | 'sequential',
    omitGet: s.OMIT_GET,
    strapi: {
      baseUrl: s.STRAPI_BASE_URL,
      token: s.STRAPI_TOKEN?.trim() || undefined,
      retryAttempts: s.API_RETRY_ATTEMPTS,
      retryDelayMs: s.API_RETRY_DELAY,
      timeoutMs: s.API_TIMEOUT_MS,
      maxInFlight: s.API_MAX_IN_FLIGHT,
    },
    ccts: {
      bucket: s.CCTS_S3_BUCKET?.trim() || undefined,
      key: s.CCTS_S3_KEY,
      usePreloading: s.CCTS_USE_PRELOADING,
      maxMemoryMb: s.CCTS_MAX_MEMORY_MB,
    },
    health: {
      enabled: s.HEALTH_CHECKS_ENABLED,
      namespace:
        s.HEALTH_CLOUDWATCH_NAMESPACE?.trim() ||
        `Apilados/Pipeline/${capitalise(s.ENVIRONMENT)}`,
    },
    maxFileBytes: s.MAX_FILE_SIZE_MB * 1024 * 1024,
    environment: s.ENVIRONMENT,
  };
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
