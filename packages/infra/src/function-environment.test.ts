import { describe, expect, it } from 'vitest';
import { SettingsError } from '@apilados/config';
import { functionEnvironment, persistenceConcurrency } from './function-environment.js';

describe('functionEnvironment', () => {
  it('passes the runbook settings on, with the stage as ENVIRONMENT', () => {
    const { variables, namespace } = functionEnvironment('production', {
      CHUNK_SIZE: '500',
      PROCESS_MODE: 'sequential',
      STRAPI_BASE_URL: 'https://cms.example.org',
      HOME: '/root',
    });

    expect(variables).toEqual({
      CHUNK_SIZE: '500',
      PROCESS_MODE: 'sequential',
      STRAPI_BASE_URL: 'https://cms.example.org',
      ENVIRONMENT: 'production',
      POWERTOOLS_LOG_LEVEL: 'INFO',
      HEALTH_CLOUDWATCH_NAMESPACE: 'Apilados/Pipeline/Production',
    });
    expect(namespace).toBe('Apilados/Pipeline/Production');
  });

  it('accepts the older names STRAPI_URL and OMMIT_GET', () => {
    const { variables } = functionEnvironment('dev', {
      STRAPI_URL: 'https://old.example.org',
      OMMIT_GET: 'true',
    });

    expect(variables.STRAPI_BASE_URL).toBe('https://old.example.org');
    expect(variables.OMIT_GET).toBe('true');
  });

  it('never passes STRAPI_TOKEN on', () => {
    const { variables } = functionEnvironment('dev', { STRAPI_TOKEN: 'secret-token' });

    expect(Object.values(variables)).not.toContain('secret-token');
    expect('STRAPI_TOKEN' in variables).toBe(false);
  });

  it('fails the deploy on a bad setting, naming it', () => {
    expect(() => functionEnvironment('dev', { BATCH_SIZE: 'lots' })).toThrow(SettingsError);
    expect(() => functionEnvironment('dev', { BATCH_SIZE: 'lots' })).toThrow(
      "BATCH_SIZE must be a whole number from 1 to 1000, got 'lots'",
    );
  });
});

describe('persistenceConcurrency', () => {
  const parallel = functionEnvironment('dev', {}).settings;
  const sequential = functionEnvironment('dev', { PROCESS_MODE: 'sequential' }).settings;

  it('is 1 by default, PERSISTENCE_CONCURRENCY when set, and 1 when sequential', () => {
    expect(persistenceConcurrency(parallel, {})).toBe(1);
    expect(persistenceConcurrency(parallel, { PERSISTENCE_CONCURRENCY: '10' })).toBe(10);
    expect(persistenceConcurrency(sequential, { PERSISTENCE_CONCURRENCY: '10' })).toBe(1);
  });

  it('refuses a value that is not 1 to 100', () => {
    expect(() => persistenceConcurrency(parallel, { PERSISTENCE_CONCURRENCY: '0' })).toThrow(
      "PERSISTENCE_CONCURRENCY must be a whole number from 1 to 100, got '0'",
    );
  });
});
