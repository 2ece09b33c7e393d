import { SettingsError, loadSettings, type Settings } from '@apilados/config';

/** Settings a deployment passes on to the functions, by runbook name. */
export const FORWARDED_SETTINGS = [
  'CHUNK_SIZE',
  'BATCH_SIZE',
  'PROCESS_MODE',
  'OMIT_GET',
  'STRAPI_BASE_URL',
  'API_RETRY_ATTEMPTS',
  'API_RETRY_DELAY',
  'API_TIMEOUT_MS',
  'API_MAX_IN_FLIGHT',
  'CCTS_S3_BUCKET',
  'CCTS_S3_KEY',
  'CCTS_USE_PRELOADING',
  'CCTS_MAX_MEMORY_MB',
  'HEALTH_CHECKS_ENABLED',
  'HEALTH_CLOUDWATCH_NAMESPACE',
  'MAX_FILE_SIZE_MB',
] as const;

/** Older runbook names, still accepted at deploy time. */
const OLDER_NAMES: Record<string, string> = {
  STRAPI_URL: 'STRAPI_BASE_URL',
  OMMIT_GET: 'OMIT_GET',
};

/** What the functions of one stage run with. */
export interface FunctionEnvironment {
  /** Environment variables of every function. */
  readonly variables: Record<string, string>;
  /** The settings the functions will read, validated now. */
  readonly settings: Settings;
  /** The metrics namespace, e.g. `Apilados/Pipeline/Production`. */
  readonly namespace: string;
}

/**
 * The functions' environment for `stage`, from the deploying shell's
 * variables. Settings are validated here, so a bad value fails the deploy
 * instead of every invocation. STRAPI_TOKEN is never passed on: the
 * functions read the token from the `StrapiToken` secret.
 *
 * @throws SettingsError naming each bad variable.
 */
export function functionEnvironment(
  stage: string,
  env: NodeJS.ProcessEnv = process.env,
): FunctionEnvironment {
  const variables: Record<string, string> = {};
  for (const [older, current] of Object.entries(OLDER_NAMES)) {
    const value = env[older]?.trim();
    if (value && !env[current]?.trim()) variables[current] = value;
  }
  for (const name of FORWARDED_SETTINGS) {
    const value = env[name]?.trim();
    if (value) variables[name] = value;
  }
  variables.ENVIRONMENT = stage;
  variables.POWERTOOLS_LOG_LEVEL = env.POWERTOOLS_LOG_LEVEL?.trim() || 'INFO';

  const settings = loadSettings(variables);
  variables.HEALTH_CLOUDWATCH_NAMESPACE = settings.health.namespace;
  return { variables, settings, namespace: settings.health.namespace };
}

/**
 * How many chunks the persistence function writes at once, the cap
 * towards the CMS: 1 with PROCESS_MODE=sequential, otherwise
 * PERSISTENCE_CONCURRENCY (default 1). Each writer keeps at most
 * API_MAX_IN_FLIGHT requests open, so the CMS sees at most the product.
 *
 * Limitation: the CMS cannot keep compound natural keys unique (e.g.
 * participante + implementacion), so two writers creating the same new
 * entry at once may both create it; hence one writer by default. A lock
 * per natural key shared by the writers (a DynamoDB conditional write)
 * would make a higher value safe.
 *
 * @throws SettingsError when PERSISTENCE_CONCURRENCY is not 1 to 100.
 */
export function persistenceConcurrency(
  settings: Settings,
  env: NodeJS.ProcessEnv = process.env,
): number {
  if (settings.processMode === 'sequential') return 1;
  const raw = env.PERSISTENCE_CONCURRENCY?.trim() || '1';
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < 1 || value > 100) {
    throw new SettingsError([
      `PERSISTENCE_CONCURRENCY must be a whole number from 1 to 100, got '${raw}'`,
    ]);
  }
  return value;
}
