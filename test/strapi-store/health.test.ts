import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { freePort } from '../support/free-port.js';
import { startStrapi, type LocalStrapi } from '../support/strapi.js';
import { tempDir } from '../support/temp-dir.js';

let strapi: LocalStrapi;
let dir: ReturnType<typeof tempDir>;

beforeAll(async () => {
  dir = tempDir();
  strapi = await startStrapi();
}, 900_000);
afterAll(async () => {
  await strapi?.stop();
  dir?.remove();
});

const check = (env: NodeJS.ProcessEnv) =>
  runCli(['health', 'check', '--environment', 'staging', '--db', join(dir.path, 'db.sqlite'), '--json'], env);
const cmsOf = (stdout: string) =>
  JSON.parse(stdout).health.checks.find((c: { name: string }) => c.name === 'cms');

describe('the CMS health check', () => {
  it('is healthy when the CMS answers and accepts the token', async () => {
    const run = await check({ STRAPI_BASE_URL: strapi.baseUrl, STRAPI_TOKEN: strapi.token });

    expect(cmsOf(run.stdout).status).toBe('healthy');
    // The time is in `durationMs`, not repeated in the message.
    expect(cmsOf(run.stdout).message).toMatch(/^CMS \S+ answers and accepts the token$/);
    expect(run.stdout).not.toContain(strapi.token);
  });

  it('is critical, naming the token, when the token is rejected', async () => {
    const run = await check({ STRAPI_BASE_URL: strapi.baseUrl, STRAPI_TOKEN: 'not-a-valid-token' });

    expect(run.code).toBe(2);
    expect(cmsOf(run.stdout)).toMatchObject({ status: 'critical', details: { reason: 'auth' } });
    expect(cmsOf(run.stdout).message).toContain('token rejected or expired');
    expect(run.stdout).not.toContain('not-a-valid-token');
  });

  it('is critical when the CMS does not answer', async () => {
    const port = await freePort();
    const run = await check({ STRAPI_BASE_URL: `http://127.0.0.1:${port}`, STRAPI_TOKEN: 'x' });

    expect(run.code).toBe(2);
    expect(cmsOf(run.stdout)).toMatchObject({ status: 'critical', details: { reason: 'unreachable' } });
  });

  it('is critical outside the local environment when no CMS is configured', async () => {
    const run = await check({ STRAPI_BASE_URL: '', STRAPI_URL: '', STRAPI_TOKEN: '' });

    expect(cmsOf(run.stdout)).toMatchObject({
      status: 'critical',
      message: 'the CMS is not configured: STRAPI_BASE_URL (or STRAPI_URL) is not set',
    });
  });

  it('is skipped with --no-api', async () => {
    const run = await runCli(
      ['health', 'check', '--no-api', '--environment', 'staging', '--db', join(dir.path, 'db.sqlite'), '--json'],
      { STRAPI_BASE_URL: strapi.baseUrl, STRAPI_TOKEN: strapi.token },
    );

    expect(cmsOf(run.stdout)).toBeUndefined();
  });
});
