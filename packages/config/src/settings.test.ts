import { describe, expect, it } from 'vitest';
import { SettingsError } from './errors.js';
import { loadSettings } from './settings.js';

/** The problems `loadSettings` reports for `env`. */
function problems(env: Record<string, string>): string[] {
  try {
    loadSettings(env);
  } catch (error) {
    expect(error).toBeInstanceOf(SettingsError);
    return (error as SettingsError).problems;
  }
  throw new Error('the settings were accepted');
}

describe('loadSettings: defaults', () => {
  it('has a default for every setting', () => {
    expect(loadSettings({})).toEqual({
      chunkSize: 1000,
      batchSize: 100,
      processMode: 'parallel',
      omitGet: false,
      strapi: {
        baseUrl: undefined,
        token: undefined,
        retryAttempts: 5,
        retryDelayMs: 500,
        timeoutMs: 30_000,
        maxInFlight: 8,
      },
      ccts: {
        bucket: undefined,
        key: 'ccts_export.csv',
        usePreloading: undefined,
        maxMemoryMb: 256,
      },
      health: { enabled: true, namespace: 'Apilados/Pipeline/Local' },
      maxFileBytes: 2048 * 1024 * 1024,
      environment: 'local',
    });
  });

  it('takes a blank variable as not set', () => {
    const settings = loadSettings({
      BATCH_SIZE: '', OMIT_GET: ' ', CCTS_S3_KEY: '', ENVIRONMENT: '',
      PROCESS_MODE: '', HEALTH_CHECKS_ENABLED: '',
    });
    expect(settings.batchSize).toBe(100);
    expect(settings.omitGet).toBe(false);
    expect(settings.ccts.key).toBe('ccts_export.csv');
    expect(settings.environment).toBe('local');
    expect(settings.processMode).toBe('parallel');
    expect(settings.health.enabled).toBe(true);
  });
});

describe('loadSettings: values', () => {
  it('reads every variable of the runbook', () => {
    const settings = loadSettings({
      STRAPI_BASE_URL: 'https://cms.example.org/',
      STRAPI_TOKEN: ' t0ken ',
      BATCH_SIZE: ' 50 ',
      CHUNK_SIZE: '2000',
      PROCESS_MODE: 'Sequential',
      OMIT_GET: 'TRUE',
      API_RETRY_ATTEMPTS: '0',
      API_RETRY_DELAY: '1500',
      CCTS_S3_BUCKET: 'catalogues',
      CCTS_S3_KEY: 'exports/ccts.csv',
      CCTS_USE_PRELOADING: 'false',
      CCTS_MAX_MEMORY_MB: '512',
      HEALTH_CHECKS_ENABLED: 'no',
      HEALTH_CLOUDWATCH_NAMESPACE: 'Custom/Space',
      MAX_FILE_SIZE_MB: '10',
      ENVIRONMENT: 'staging',
    });
    expect(settings).toEqual({
      chunkSize: 2000,
      batchSize: 50,
      processMode: 'sequential',
      omitGet: true,
      strapi: {
        baseUrl: 'https://cms.example.org',
        token: 't0ken',
        retryAttempts: 0,
        retryDelayMs: 1500,
        timeoutMs: 30_000,
        maxInFlight: 8,
      },
      ccts: {
        bucket: 'catalogues',
        key: 'exports/ccts.csv',
        usePreloading: false,
        maxMemoryMb: 512,
      },
      health: { enabled: false, namespace: 'Custom/Space' },
      maxFileBytes: 10 * 1024 * 1024,
      environment: 'staging',
    });
  });

  it('names the CloudWatch namespace after the environment', () => {
    expect(loadSettings({ ENVIRONMENT: 'production' }).health.namespace)
      .toBe('Apilados/Pipeline/Production');
  });

  it('reads CCTS_USE_PRELOADING as forced on, forced off or auto', () => {
    expect(loadSettings({ CCTS_USE_PRELOADING: 'true' }).ccts.usePreloading)
      .toBe(true);
    expect(loadSettings({ CCTS_USE_PRELOADING: '0' }).ccts.usePreloading)
      .toBe(false);
    expect(loadSettings({ CCTS_USE_PRELOADING: 'auto' }).ccts.usePreloading)
      .toBeUndefined();
  });
});

describe('loadSettings: older names', () => {
  it('reads STRAPI_URL for STRAPI_BASE_URL', () => {
    expect(loadSettings({ STRAPI_URL: 'http://localhost:1337' }).strapi.baseUrl)
      .toBe('http://localhost:1337');
  });

  it('reads OMMIT_GET for OMIT_GET', () => {
    expect(loadSettings({ OMMIT_GET: 'true' }).omitGet).toBe(true);
  });

  it('prefers the current name when both are set', () => {
    const settings = loadSettings({
      STRAPI_BASE_URL: 'http://new:1337', STRAPI_URL: 'http://old:1337',
      OMIT_GET: 'false', OMMIT_GET: 'true',
    });
    expect(settings.strapi.baseUrl).toBe('http://new:1337');
    expect(settings.omitGet).toBe(false);
  });

  it('falls back to the older name when the current one is blank', () => {
    expect(loadSettings({ OMIT_GET: '', OMMIT_GET: '1' }).omitGet).toBe(true);
  });

  it('names the older variable when its value is bad', () => {
    expect(problems({ STRAPI_URL: 'cms.example.org', OMMIT_GET: 'maybe' }))
      .toEqual([
        "OMMIT_GET must be true or false, got 'maybe'",
        "STRAPI_URL must be an http(s) URL, got 'cms.example.org'",
      ]);
  });
});

describe('loadSettings: bad values', () => {
  it('names each bad variable and its value', () => {
    expect(problems({
      CHUNK_SIZE: '0',
      BATCH_SIZE: 'cien',
      PROCESS_MODE: 'fast',
      OMIT_GET: 'si',
      STRAPI_BASE_URL: 'ftp://cms',
      API_RETRY_ATTEMPTS: '-1',
      API_RETRY_DELAY: '1.5',
      API_TIMEOUT_MS: '50',
      API_MAX_IN_FLIGHT: '65',
      CCTS_USE_PRELOADING: 'sometimes',
      CCTS_MAX_MEMORY_MB: '10241',
      HEALTH_CHECKS_ENABLED: 'on',
      MAX_FILE_SIZE_MB: '1e3',
    })).toEqual([
      "CHUNK_SIZE must be a whole number from 1 to 100000, got '0'",
      "BATCH_SIZE must be a whole number from 1 to 1000, got 'cien'",
      "PROCESS_MODE must be 'parallel' or 'sequential', got 'fast'",
      "OMIT_GET must be true or false, got 'si'",
      "STRAPI_BASE_URL must be an http(s) URL, got 'ftp://cms'",
      "API_RETRY_ATTEMPTS must be a whole number from 0 to 20, got '-1'",
      "API_RETRY_DELAY must be a whole number from 0 to 60000, got '1.5'",
      "API_TIMEOUT_MS must be a whole number from 100 to 300000, got '50'",
      "API_MAX_IN_FLIGHT must be a whole number from 1 to 64, got '65'",
      "CCTS_USE_PRELOADING must be true, false or auto, got 'sometimes'",
      "CCTS_MAX_MEMORY_MB must be a whole number from 1 to 10240, got '10241'",
      "HEALTH_CHECKS_ENABLED must be true or false, got 'on'",
      "MAX_FILE_SIZE_MB must be a whole number from 1 to 1000000, got '1e3'",
    ]);
  });

  it('puts every problem in the error message', () => {
    expect(() => loadSettings({ BATCH_SIZE: '0', PROCESS_MODE: 'x' })).toThrow(
      "invalid settings: BATCH_SIZE must be a whole number from 1 to 1000, " +
        "got '0'; PROCESS_MODE must be 'parallel' or 'sequential', got 'x'");
  });

  it('never shows the token', () => {
    const error = (() => {
      try {
        loadSettings({ STRAPI_TOKEN: 'secret-value', BATCH_SIZE: 'x' });
      } catch (e) {
        return e as Error;
      }
      return undefined;
    })();
    expect(error?.message).not.toContain('secret-value');
  });
});
