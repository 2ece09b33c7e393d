import type { ServiceName } from '@apilados/events';
import { pascalCase } from './subscriptions.js';

/** A CloudWatch metric query of a metric-math alarm. */
export interface AlarmQuery<TName> {
  readonly id: string;
  readonly expression?: string;
  readonly label?: string;
  readonly returnData?: boolean;
  readonly metric?: {
    readonly namespace: string;
    readonly metricName: string;
    readonly dimensions: Record<string, TName | string>;
    readonly stat: string;
    readonly period: number;
  };
}

/**
 * One alarm, in the shape of `aws.cloudwatch.MetricAlarm`'s arguments.
 * `TName` is how resource names are given (strings, or deploy-time
 * outputs).
 */
export interface AlarmSpec<TName> {
  /** Resource name, e.g. `IntakeDuration`. */
  readonly name: string;
  readonly alarmDescription: string;
  readonly comparisonOperator:
    | 'GreaterThanThreshold'
    | 'GreaterThanOrEqualToThreshold'
    | 'LessThanThreshold';
  readonly threshold: number;
  readonly evaluationPeriods: number;
  readonly treatMissingData: 'breaching' | 'notBreaching';
  readonly namespace?: string;
  readonly metricName?: string;
  readonly dimensions?: Record<string, TName | string>;
  readonly statistic?: 'Maximum' | 'Sum' | 'SampleCount';
  readonly period?: number;
  readonly metricQueries?: AlarmQuery<TName>[];
}

/** The deployed names the alarms watch. */
export interface AlarmTargets<TName> {
  /** The custom metrics namespace, e.g. `Apilados/Pipeline/Production`. */
  readonly namespace: string;
  readonly functions: Record<ServiceName, TName>;
  readonly deadLetterQueues: Record<ServiceName, TName>;
  readonly bucket: TName;
  /** Id of the bucket's request-metrics filter on `uploads/`. */
  readonly uploadsFilterId: string;
  /** Minutes between scheduled health checks. */
  readonly healthEveryMinutes: number;
}

/** Ten minutes, in the milliseconds Lambda reports durations in. */
export const LONG_RUN_MS = 10 * 60 * 1000;

/**
 * The alarms the operations runbook expects: run time over ten minutes,
 * memory over 70 % and 85 %, errors (failed invocations and dead
 * letters), uploads that no invocation received, and health metrics that
 * stop arriving (missing data breaches), plus a critical health status.
 */
export function pipelineAlarms<TName>(targets: AlarmTargets<TName>): AlarmSpec<TName>[] {
  const services = Object.keys(targets.functions) as ServiceName[];
  return [
    ...services.flatMap((service) => functionAlarms(targets, service)),
    uploadsNotReceived(targets),
    ...healthAlarms(targets),
  ];
}

function functionAlarms<TName>(
  t: AlarmTargets<TName>,
  service: ServiceName,
): AlarmSpec<TName>[] {
  const prefix = pascalCase(service);
  const fn = { FunctionName: t.functions[service] };
  const custom = { service: `apilados-${service}` };
  const memory = (percent: number, level: string): AlarmSpec<TName> => ({
    name: `${prefix}Memory${level}`,
    alarmDescription: `${service}: memory use reached ${percent} % of the function's memory; ` +
      'lower CHUNK_SIZE or CCTS_MAX_MEMORY_MB, or raise the memory size',
    namespace: t.namespace, metricName: 'MemoryUsagePercentage', dimensions: custom,
    statistic: 'Maximum', period: 300, evaluationPeriods: 1,
    comparisonOperator: 'GreaterThanOrEqualToThreshold', threshold: percent,
    treatMissingData: 'notBreaching',
  });
  return [
    {
      name: `${prefix}Duration`,
      alarmDescription: `${service}: an invocation ran over ten minutes; ` +
        'large files may be reaching the fifteen-minute limit',
      namespace: 'AWS/Lambda', metricName: 'Duration', dimensions: fn,
      statistic: 'Maximum', period: 300, evaluationPeriods: 1,
      comparisonOperator: 'GreaterThanThreshold', threshold: LONG_RUN_MS,
      treatMissingData: 'notBreaching',
    },
    memory(70, 'Warning'),
    memory(85, 'Critical'),
    {
      name: `${prefix}Errors`,
      alarmDescription: `${service}: invocations failed; see the function's logs`,
      namespace: 'AWS/Lambda', metricName: 'Errors', dimensions: fn,
      statistic: 'Sum', period: 300, evaluationPeriods: 1,
      comparisonOperator: 'GreaterThanThreshold', threshold: 0,
      treatMissingData: 'notBreaching',
    },
    {
      name: `${prefix}DeadLetters`,
      alarmDescription: `${service}: events failed every retry and wait in the ` +
        'dead-letter queue; inspect and redrive them',
      namespace: 'AWS/SQS', metricName: 'ApproximateNumberOfMessagesVisible',
      dimensions: { QueueName: t.deadLetterQueues[service] },
      statistic: 'Maximum', period: 300, evaluationPeriods: 1,
      comparisonOperator: 'GreaterThanThreshold', threshold: 0,
      treatMissingData: 'notBreaching',
    },
  ];
}

/** Objects were put under `uploads/` but the ingest function heard of none. */
function uploadsNotReceived<TName>(t: AlarmTargets<TName>): AlarmSpec<TName> {
  const period = 900;
  return {
    name: 'UploadsNotReceived',
    alarmDescription: 'files were uploaded under uploads/ but the ingest function ' +
      'received no notification; check the bucket notification and the function',
    comparisonOperator: 'GreaterThanOrEqualToThreshold', threshold: 1,
    evaluationPeriods: 1, treatMissingData: 'notBreaching',
    metricQueries: [
      {
        id: 'puts', returnData: false,
        metric: {
          namespace: 'AWS/S3', metricName: 'PutRequests',
          dimensions: { BucketName: t.bucket, FilterId: t.uploadsFilterId },
          stat: 'Sum', period,
        },
      },
      {
        id: 'received', returnData: false,
        metric: {
          namespace: t.namespace, metricName: 'UploadsReceived',
          dimensions: { service: 'apilados-intake' }, stat: 'Sum', period,
        },
      },
      {
        id: 'missed', returnData: true, label: 'uploads with no invocation',
        expression: 'IF(FILL(puts, 0) > 0 AND FILL(received, 0) == 0, 1, 0)',
      },
    ],
  };
}

function healthAlarms<TName>(t: AlarmTargets<TName>): AlarmSpec<TName>[] {
  const metric = {
    namespace: t.namespace, metricName: 'OverallHealthStatus',
    dimensions: { service: 'apilados-health' }, period: t.healthEveryMinutes * 60,
  };
  return [
    {
      name: 'HealthMetricsMissing',
      alarmDescription: 'no health metric arrived for three scheduled checks; ' +
        'the health function or the schedule has stopped',
      ...metric, statistic: 'SampleCount', evaluationPeriods: 3,
      comparisonOperator: 'LessThanThreshold', threshold: 1,
      treatMissingData: 'breaching',
    },
    {
      name: 'HealthCritical',
      alarmDescription: 'the scheduled health check is critical; run ' +
        '`npm run health:check -- --environment <stage> --verbose` or invoke the ' +
        'ingest function with {"test": "health-check"} to see which check',
      ...metric, statistic: 'Maximum', evaluationPeriods: 1,
      comparisonOperator: 'GreaterThanOrEqualToThreshold', threshold: 2,
      treatMissingData: 'notBreaching',
    },
  ];
}
