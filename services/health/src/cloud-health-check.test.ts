import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  GetTopicAttributesCommand,
  PublishCommand,
  SNSClient,
} from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { S3ObjectStore } from '@apilados/object-store/s3';
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

describe('health alerts', () => {
  const TOPIC = 'arn:aws:sns:us-east-1:123456789012:apilados-alerts';

  it('checks the alerts topic and alerts once while critical, then once on recovery', async () => {
    const sns = new SNSClient({ region: 'us-east-1' });
    const topic = mockClient(sns);
    topic.on(GetTopicAttributesCommand).resolves({ Attributes: {} });
    topic.on(PublishCommand).resolves({ MessageId: 'm-1' });
    let cmsUp = false;
    const context = {
      ...harness.context,
      alertsTopicArn: TOPIC,
      clients: { ...harness.context.clients, sns },
      openStore: () => {
        if (!cmsUp) throw new Error('connect ECONNREFUSED 127.0.0.1:1');
        return harness.context.openStore(harness.context.settings, 'x');
      },
    };
    output = captureStdout();

    const statuses: string[] = [];
    for (const up of [false, false, false]) {
      cmsUp = up;
      const handler = createHealthHandler(context);
      statuses.push((await handler(scheduledEvent(), fakeLambdaContext())).health!.status);
    }
    cmsUp = true;
    const recovered = await createHealthHandler(context)(scheduledEvent(), fakeLambdaContext());

    expect(statuses).toEqual(['critical', 'critical', 'critical']);
    expect(recovered.health!.checks.map((c) => c.name)).toContain('alerts-topic');
    const subjects = topic.commandCalls(PublishCommand).map((c) => c.args[0].input.Subject);
    expect(subjects).toEqual([
      'Apilados pipeline test: CRITICAL',
      `Apilados pipeline test: recovered`,
    ]);
    const body = topic.commandCalls(PublishCommand)[0]!.args[0].input.Message!;
    expect(body).toContain('- cms: check failed: connect ECONNREFUSED 127.0.0.1:1');
    expect(body).not.toContain('never-logged');
  });

  it('is critical when the alerts topic cannot be reached', async () => {
    const sns = new SNSClient({ region: 'us-east-1' });
    mockClient(sns).on(GetTopicAttributesCommand).rejects(new Error('AuthorizationError'));
    const handler = createHealthHandler({
      ...harness.context,
      alertsTopicArn: TOPIC,
      clients: { ...harness.context.clients, sns },
    });
    output = captureStdout();

    const answer = await handler(scheduledEvent(), fakeLambdaContext());

    expect(answer.health!.checks.find((c) => c.name === 'alerts-topic')).toMatchObject({
      status: 'critical',
      message: 'the alerts topic cannot be reached: AuthorizationError; ' +
        'alarms and health alerts will not reach anyone',
    });
  });
});

