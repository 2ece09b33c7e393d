import type { Context } from 'aws-lambda';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import {
  catalogueOf,
  cloudPorts,
  consumeBusEvent,
  correlate,
  createCloudHealth,
  createTelemetry,
  isHealthCheckRequest,
  isS3Notification,
  isS3TestEvent,
  kept,
  observed,
  readUploads,
  type CloudContext,
  type Consumed,
  type IgnoredObject,
  type Upload,
} from '@apilados/infra/lambda';
import type { HealthReport } from '@apilados/health';
import { fileIdFor } from './file-id.js';
import { createIntake, type IntakeResult } from './intake.js';
import { intakeRoutes } from './routes.js';

/** Where uploads land in the data bucket, as the runbook says. */
export const UPLOAD_PREFIX = 'uploads/';

/** What became of each upload a notification announced. */
export interface UploadsAnswer {
  readonly uploads: readonly {
    readonly key: string;
    readonly fileId: string;
    /** `in-progress`: the same upload is being loaded by another run. */
    readonly status: IntakeResult['status'] | 'in-progress';
    /** True when this notification repeated one already handled. */
    readonly repeated: boolean;
  }[];
  readonly ignored: readonly IgnoredObject[];
}

/** What the ingest function answers, by what it was given. */
export type IntakeAnswer =
  | UploadsAnswer
  | { readonly health: HealthReport }
  | Consumed;

/**
 * The ingest function. It takes three things:
 * - S3 notifications of new objects: each `.csv` under `uploads/` is
 *   loaded once, with a file id stable across repeated notifications;
 *   other objects are logged and ignored;
 * - `{"test": "health-check"}`: runs the health checks and answers with
 *   the report instead of loading anything;
 * - Chunk Persisted from the bus: counts the chunk, and sends File
 *   Completed once every chunk of the file is accounted for.
 */
export function createIntakeHandler(context: CloudContext) {
  const { settings } = context;
  const telemetry = createTelemetry('intake', settings.health.namespace);
  const { logger, metrics } = telemetry;
  const ports = cloudPorts(context, telemetry);
  const intake = createIntake({
    objects: ports.objects,
    bus: ports.bus,
    progress: ports.progress,
    logger,
    chunkSize: settings.chunkSize,
    maxFileBytes: settings.maxFileBytes,
  });
  const routes = kept(async () => intakeRoutes(intake));
  const health = createCloudHealth(
    context,
    ports,
    telemetry,
    catalogueOf(context, ports, telemetry),
  );

  async function receiveUploads(event: unknown): Promise<UploadsAnswer> {
    const read = readUploads(event, UPLOAD_PREFIX);
    metrics.addMetric(
      'UploadsReceived',
      MetricUnit.Count,
      read.uploads.length + read.ignored.length,
    );
    const ignored = [...read.ignored];
    const uploads: UploadsAnswer['uploads'][number][] = [];
    for (const upload of read.uploads) {
      if (upload.bucket !== context.bucket) {
        ignored.push({ key: upload.key, reason: `not in the data bucket ${context.bucket}` });
        continue;
      }
      uploads.push(await receiveUpload(upload));
    }
    for (const object of ignored) logger.info('object ignored', { ...object });
    return { uploads, ignored };
  }

  async function receiveUpload(upload: Upload): Promise<UploadsAnswer['uploads'][number]> {
    const fileId = fileIdFor(upload.key, upload.identity);
    correlate(telemetry, { fileId });
    const outcome = await ports.once.run('upload', { fileId }, () =>
      intake.receive({ key: upload.key, bucket: upload.bucket, name: upload.name, fileId }),
    );
    if (outcome.status !== 'done') {
      logger.info('upload already handled or being handled; skipped', {
        status: outcome.status,
      });
    }
    return {
      key: upload.key,
      fileId,
      status: outcome.status === 'in-progress' ? 'in-progress' : outcome.result.status,
      repeated: outcome.status !== 'done',
    };
  }

  return observed(telemetry, async (event: unknown, lambda: Context): Promise<IntakeAnswer> => {
    ports.once.attach(lambda);
    if (isHealthCheckRequest(event)) return { health: await health.check() };
    if (isS3TestEvent(event)) {
      logger.info('S3 test notification received; notifications are set up');
      return { uploads: [], ignored: [] };
    }
    if (isS3Notification(event)) return receiveUploads(event);
    return consumeBusEvent({ telemetry, once: ports.once, routes }, event);
  });
}
