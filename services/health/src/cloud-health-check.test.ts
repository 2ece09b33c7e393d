import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { S3ObjectStore } from '@apilados/object-store';
import { CATALOGUE } from '../../../test/support/csv-text.js';
import {
  BUCKET,
  startCloudHarness,
  type CloudHarness,
} from '../../../test/cloud/support/cloud-harness.js';
import {
  captureStdout,
  type CapturedOutput,
} from '../../../test/cloud/support/captured-output.js';
import {
  fakeLambdaContext,
  scheduledEvent,
} from '../../../test/cloud/support/lambda-events.js';
import { createHealthHandler } from './cloud-health-check.js';

let harness: CloudHarness;
let output: CapturedOutput;

beforeAll(async () => {
  harness = await startCloudHarness();
  await new S3ObjectStore({ client: harness.s3.client, bucket: BUCKET })
    .put('ccts_export.csv', CATALOGUE);
});
afterAll(async () => {
  await harness.stop();
});
afterEach(() => output?.restore());

describe('the scheduled health function', () => {
  it('checks everything on a scheduled event and announces Health Reported', async () => {
    const handler = createHealthHandler(harness.context);
    output = captureStdout();

    const answer = await handler(scheduledEvent(), fakeLambdaContext());

    const report = answer.health!;
    expect(report.checks.map((c) => c.name)).toEqual([
      'cms', 'object-store', 'memory', 'cct-catalogue', 'event-bus',
    ]);
    expect(report.checks.find((c) => c.name === 'cct-catalogue')?.message).toBe(
      'CCT catalogue preloaded with 2 entries (The CCT catalogue needs about ' +
        '48 bytes, which fits the 256 MB budget, so it is preloaded.)',
    );
    const reported = harness.published.filter((e) => e['detail-type'] === 'Health Reported');
    expect(reported).toHaveLength(1);
    expect(output.metric('OverallHealthStatus')).toEqual([
      { healthy: 0, warning: 1, critical: 2 }[report.status],
    ]);
    const logs = output.records().filter((r) => 'level' in r);
    expect(logs.every((l) => l.trigger === 'Scheduled Event')).toBe(true);
  });

  it('reports the CMS as critical when the store cannot be opened', async () => {
    const handler = createHealthHandler({
      ...harness.context,
      openStore: () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:1');
      },
    });
    output = captureStdout();

    const answer = await handler({}, fakeLambdaContext());

    expect(answer.health!.status).toBe('critical');
    expect(answer.health!.checks[0]).toMatchObject({
      name: 'cms',
      status: 'critical',
      message: 'check failed: connect ECONNREFUSED 127.0.0.1:1',
    });
  });

  it('does nothing when HEALTH_CHECKS_ENABLED is false', async () => {
    const { context } = harness;
    const handler = createHealthHandler({
      ...context,
      settings: { ...context.settings, health: { ...context.settings.health, enabled: false } },
    });
    output = captureStdout();

    const answer = await handler(scheduledEvent(), fakeLambdaContext());

    expect(answer).toEqual({ health: null });
  });
});
