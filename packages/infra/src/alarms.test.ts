import { describe, expect, it } from 'vitest';
import { LONG_RUN_MS, pipelineAlarms, type AlarmSpec } from './alarms.js';

const alarms = pipelineAlarms({
  namespace: 'Apilados/Pipeline/Production',
  functions: {
    intake: 'fn-intake', 'cct-lookup': 'fn-cct', persistence: 'fn-persist', health: 'fn-health',
  },
  deadLetterQueues: {
    intake: 'dlq-intake', 'cct-lookup': 'dlq-cct', persistence: 'dlq-persist', health: 'dlq-health',
  },
  bucket: 'data-bucket',
  uploadsFilterId: 'Uploads',
  healthEveryMinutes: 5,
});
const byName = (name: string) => alarms.find((a) => a.name === name) as AlarmSpec<string>;

describe('pipelineAlarms', () => {
  it('watches every function for long runs, memory, errors and dead letters', () => {
    const perFunction = (name: string) => [
      `${name}Duration`, `${name}MemoryWarning`, `${name}MemoryCritical`,
      `${name}Errors`, `${name}DeadLetters`,
    ];

    expect(alarms.map((a) => a.name)).toEqual([
      ...perFunction('Intake'),
      ...perFunction('CctLookup'),
      ...perFunction('Persistence'),
      ...perFunction('Health'),
      'UploadsNotReceived', 'HealthMetricsMissing', 'HealthCritical',
    ]);
  });

  it('alarms on a run over ten minutes', () => {
    expect(byName('PersistenceDuration')).toMatchObject({
      namespace: 'AWS/Lambda', metricName: 'Duration', dimensions: { FunctionName: 'fn-persist' },
      statistic: 'Maximum', comparisonOperator: 'GreaterThanThreshold', threshold: 600_000,
    });
    expect(LONG_RUN_MS).toBe(600_000);
  });

  it('alarms on memory from 70 % and from 85 % of the service\'s own metric', () => {
    expect([byName('IntakeMemoryWarning'), byName('IntakeMemoryCritical')].map((a) => [
      a.namespace, a.metricName, a.dimensions, a.threshold,
    ])).toEqual([
      ['Apilados/Pipeline/Production', 'MemoryUsagePercentage', { service: 'apilados-intake' }, 70],
      ['Apilados/Pipeline/Production', 'MemoryUsagePercentage', { service: 'apilados-intake' }, 85],
    ]);
  });

  it('treats missing health metrics as breaching, and only those', () => {
    expect(alarms.filter((a) => a.treatMissingData === 'breaching').map((a) => a.name))
      .toEqual(['HealthMetricsMissing']);
    expect(byName('HealthMetricsMissing')).toMatchObject({
      metricName: 'OverallHealthStatus', statistic: 'SampleCount', period: 300,
      evaluationPeriods: 3, comparisonOperator: 'LessThanThreshold', threshold: 1,
    });
  });

  it('compares uploads put under uploads/ with uploads the ingest function received', () => {
    const queries = byName('UploadsNotReceived').metricQueries!;
    expect(queries.map((q) => [q.id, q.metric?.metricName ?? q.expression])).toEqual([
      ['puts', 'PutRequests'],
      ['received', 'UploadsReceived'],
      ['missed', 'IF(FILL(puts, 0) > 0 AND FILL(received, 0) == 0, 1, 0)'],
    ]);
    expect(queries[0]!.metric!.dimensions).toEqual({ BucketName: 'data-bucket', FilterId: 'Uploads' });
  });
});
