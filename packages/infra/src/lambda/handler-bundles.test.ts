import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../../../..');
const out = mkdtempSync(join(tmpdir(), 'apilados-bundles-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** What SST puts in every function's environment for its links. */
const COMMON = {
  SST_RESOURCE_App: JSON.stringify({ name: 'apilados', stage: 'test' }),
  SST_RESOURCE_Data: JSON.stringify({ name: 'apilados-test-data' }),
  SST_RESOURCE_Bus: JSON.stringify({ name: 'apilados-test-bus', arn: 'arn:aws:events:x' }),
  SST_RESOURCE_StrapiToken: JSON.stringify({ value: 'not-a-real-token' }),
  STRAPI_BASE_URL: 'http://127.0.0.1:9',
  AWS_REGION: 'us-east-1',
  ENVIRONMENT: 'test',
};
const progress = { SST_RESOURCE_Progress: JSON.stringify({ name: 'apilados-test-progress' }) };
const idempotency = {
  SST_RESOURCE_Idempotency: JSON.stringify({ name: 'apilados-test-idempotency' }),
};

/** The links of each function, as sst.config.ts makes them. */
const LINKED: Record<string, Record<string, string>> = {
  intake: { ...COMMON, ...progress, ...idempotency },
  'cct-lookup': { ...COMMON, ...idempotency },
  persistence: { ...COMMON, ...idempotency },
  health: COMMON,
};

/**
 * Bundles a handler as SST does for Node (one ESM file, with a `require`
 * for CommonJS dependencies) and loads it in a fresh Node process with
 * the linked resources set, as Lambda would at a cold start.
 */
async function bundleAndLoad(service: string) {
  const outfile = join(out, `${service}.mjs`);
  const result = await build({
    entryPoints: [join(root, `services/${service}/src/handler.ts`)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    metafile: true,
    logLevel: 'silent',
    banner: {
      js: "import { createRequire } from 'node:module'; " +
        'const require = createRequire(import.meta.url);',
    },
  });
  const inputs = Object.keys(result.metafile.inputs);
  const { stdout } = await run(
    process.execPath,
    ['--input-type=module', '-e',
      `const m = await import(${JSON.stringify(outfile)}); console.log(typeof m.handler);`],
    { env: { PATH: process.env.PATH, ...LINKED[service] }, timeout: 60_000 },
  );
  return { inputs, loaded: stdout.trim() };
}

describe('each handler bundled for Lambda', () => {
  for (const service of ['intake', 'cct-lookup', 'persistence', 'health']) {
    it(`${service}: loads at a cold start with linked resources and no native module`, async () => {
      const { inputs, loaded } = await bundleAndLoad(service);

      expect(loaded).toBe('function');
      expect(inputs.filter((i) => i.endsWith('.node'))).toEqual([]);
    }, 120_000);
  }
});
