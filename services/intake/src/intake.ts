import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import type { Logger } from '@aws-lambda-powertools/logger';
import {
  addRowCounts,
  emptyCounts,
  emptyRowCounts,
  isNotAvailable,
  layoutColumns,
} from '@apilados/domain';
import type { CollectionName, RowCounts } from '@apilados/domain';
import { FileCheckError, openCsv, type CsvFile } from '@apilados/csv';
import {
  ChunkReady,
  FileAccepted,
  FileCompleted,
  FileRejected,
  createEvent,
  keys,
  type ChunkPayload,
  type ChunkRecord,
  type DetailOf,
  type ChunkPersisted,
  type OutcomePayload,
  type SchoolCode,
  type SchoolsPayload,
} from '@apilados/events';
import type { EventBus } from '@apilados/event-bus';
import type { ObjectStore } from '@apilados/object-store';
import type { FileRecord, ProgressStore } from '@apilados/progress-store';
import { isComplete } from '@apilados/progress-store';
import { fileIdFor } from './file-id.js';
import { REPORT_HEADER, reportLine } from './report.js';

/** Column names an event lists at most, to stay far below 256 KB. */
const LISTED_COLUMNS = 200;

/** A file to load: where it is and how. */
export interface IncomingFile {
  readonly key: string;
  readonly bucket?: string | undefined;
  /** Defaults to the key's last segment. */
  readonly name?: string;
  /** Defaults to a new id; give one to make repeats of an upload idempotent. */
  readonly fileId?: string;
  readonly dryRun?: boolean;
}

/** What the intake service needs. */
export interface IntakeDeps {
  readonly objects: ObjectStore;
  readonly bus: EventBus;
  readonly progress: ProgressStore;
  readonly logger: Logger;
  readonly chunkSize: number;
  readonly maxFileBytes: number;
  readonly now?: () => Date;
}

/** What became of a received file. */
export type IntakeResult =
  | { readonly status: 'accepted'; readonly fileId: string; readonly chunks: number; readonly rows: number }
  | { readonly status: 'rejected'; readonly fileId: string; readonly reason: string };

/**
 * The intake service: checks an uploaded file, cuts it into chunks of
 * `chunkSize` rows stored in the object store, announces each chunk, and
 * sends File Completed once every chunk is accounted for.
 */
export function createIntake(deps: IntakeDeps) {
  const { objects, bus, progress, logger } = deps;
  const now = deps.now ?? (() => new Date());

  async function receive(incoming: IncomingFile): Promise<IntakeResult> {
    const name = incoming.name ?? incoming.key.split('/').pop() ?? incoming.key;
    const fileId = incoming.fileId ?? fileIdFor(incoming.key);
    const log = logger.createChild({ persistentKeys: { fileId } });
    const info = await objects.head(incoming.key);
    const file = { bucket: incoming.bucket, key: incoming.key, name, size: info?.size ?? 0 };

    const problem = checkSize(info?.size, name);
    if (problem) return reject(fileId, file, problem, log);

    let csv: CsvFile;
    try {
      csv = await openCsv(await objects.read(incoming.key), { fileName: name });
    } catch (error) {
      if (error instanceof FileCheckError) return reject(fileId, file, error, log);
      throw error;
    }

    const dryRun = incoming.dryRun ?? false;
    const startedAt = now().toISOString();
    await progress.begin({ fileId, file, dryRun, startedAt });
    const layout = layoutColumns(csv.columns.filter((c) => c !== ''));
    await bus.publish(
      createEvent(FileAccepted, {
        fileId,
        file,
        encoding: csv.encoding,
        separator: csv.separator,
        columnCount: layout.columns.length,
        columns: layout.columns.slice(0, LISTED_COLUMNS),
        ignoredColumns: layout.ignored.slice(0, LISTED_COLUMNS),
        chunkSize: deps.chunkSize,
        dryRun,
        acceptedAt: startedAt,
      }),
    );
    log.info('file accepted', {
      encoding: csv.encoding,
      separator: csv.separator,
      columns: layout.columns.length,
      ignoredColumns: layout.ignored,
    });

    const { chunks, rows } = await cutIntoChunks(fileId, name, csv, dryRun, log);
    log.info('file cut into chunks', { chunks, rows });
    const state = await progress.setExpected(fileId, chunks);
    if (isComplete(state)) await completeOnce(fileId);
    return { status: 'accepted', fileId, chunks, rows };
  }

  function checkSize(size: number | undefined, name: string) {
    if (size === undefined) {
      return { code: 'not-found' as const, reason: `${name}: the file does not exist` };
    }
    if (size === 0) return { code: 'empty' as const, reason: `${name}: is empty: it has no header row` };
    if (size > deps.maxFileBytes) {
      const mb = (n: number) => `${Math.ceil(n / 1024 / 1024)} MB`;
      return {
        code: 'too-large' as const,
        reason: `${name}: is ${mb(size)}, over the ${mb(deps.maxFileBytes)} limit ` +
          '(MAX_FILE_SIZE_MB); split it into smaller files',
      };
    }
    return undefined;
  }

  async function reject(
    fileId: string,
    file: FileRecord['file'],
    problem: { code: DetailOf<typeof FileRejected>['code']; reason?: string; message?: string },
    log: Logger,
  ): Promise<IntakeResult> {
    const reason = problem instanceof FileCheckError ? problem.message : problem.reason!;
    log.warn('file rejected', { code: problem.code, reason });
    await bus.publish(
      createEvent(FileRejected, {
        fileId,
        file,
        code: problem.code,
        reason,
        rejectedAt: now().toISOString(),
      }),
    );
    return { status: 'rejected', fileId, reason };
  }

  async function cutIntoChunks(
    fileId: string,
    fileName: string,
    csv: CsvFile,
    dryRun: boolean,
    log: Logger,
  ): Promise<{ chunks: number; rows: number }> {
    let chunk = 0;
    let rows = 0;
    let records: ChunkRecord[] = [];

    const flush = async () => {
      chunk++;
      const payload: ChunkPayload = {
        fileId, chunk, fileName, columns: csv.columns, records,
      };
      const rowsKey = keys.chunk(fileId, chunk);
      const schoolsKey = keys.schools(fileId, chunk);
      await Promise.all([
        objects.putJson(rowsKey, payload),
        objects.putJson(schoolsKey, schoolsOf(fileId, chunk, csv.columns, records)),
      ]);
      await bus.publish(
        createEvent(ChunkReady, {
          fileId,
          chunk,
          rowsKey,
          schoolsKey,
          rowCount: records.length,
          firstRow: records[0]!.row,
          lastRow: records[records.length - 1]!.row,
          dryRun,
        }),
      );
      log.debug('chunk stored', { chunk, rowCount: records.length });
      records = [];
    };

    for await (const record of csv.records) {
      records.push(record);
      rows++;
      if (records.length >= deps.chunkSize) await flush();
    }
    if (records.length > 0) await flush();
    return { chunks: chunk, rows };
  }

  async function onChunkPersisted(detail: DetailOf<typeof ChunkPersisted>): Promise<void> {
    const state = await progress.markDone(detail.fileId, detail.chunk);
    if (isComplete(state)) await completeOnce(detail.fileId);
  }

  async function completeOnce(fileId: string): Promise<void> {
    const won = await progress.claimCompletion(fileId);
    if (!won) return;
    const record = await progress.get(fileId);
    if (!record) return;
    await complete(record, won.expectedChunks ?? 0);
  }

  async function complete(record: FileRecord, chunks: number): Promise<void> {
    const { fileId } = record;
    const rows: RowCounts = emptyRowCounts();
    const created = emptyCounts();
    const report = new PassThrough();
    let problems = 0;
    let reportWrite: Promise<void> | undefined;
    const write = async (line: string) => {
      if (!report.write(line + '\n')) await once(report, 'drain');
    };

    for (let chunk = 1; chunk <= chunks; chunk++) {
      const outcome = await objects.getJson<OutcomePayload>(
        keys.outcomes(fileId, chunk),
      );
      addRowCounts(rows, outcome.rows);
      for (const [name, n] of Object.entries(outcome.created)) {
        created[name as CollectionName] += n;
      }
      for (const issue of outcome.issues) {
        if (!reportWrite) {
          reportWrite = objects.put(keys.report(fileId), report, 'text/csv');
          await write(REPORT_HEADER);
        }
        problems++;
        await write(reportLine(issue));
      }
    }
    report.end();
    await reportWrite;

    const completedAt = now().toISOString();
    await bus.publish(
      createEvent(FileCompleted, {
        fileId,
        file: record.file,
        chunks,
        rows,
        created,
        reportKey: reportWrite ? keys.report(fileId) : null,
        problems,
        dryRun: record.dryRun,
        startedAt: record.startedAt,
        completedAt,
      }),
    );
    logger.info('file completed', { fileId, chunks, rows, problems });
  }

  return { receive, onChunkPersisted };
}

/** The intake service's operations. */
export type Intake = ReturnType<typeof createIntake>;

/** The school codes of a chunk's rows, for the CCT lookup. */
function schoolsOf(
  fileId: string,
  chunk: number,
  columns: readonly string[],
  records: readonly ChunkRecord[],
): SchoolsPayload {
  const cctColumn = columns.indexOf('cct');
  const idColumn = columns.indexOf('id');
  const rows: SchoolCode[] = [];
  if (cctColumn < 0) return { fileId, chunk, rows };
  for (const record of records) {
    const cct = record.cells[cctColumn];
    if (record.fieldCount || isNotAvailable(cct)) continue;
    const participantId = record.cells[idColumn]?.trim() || null;
    rows.push({ row: record.row, participantId, cct: cct! });
  }
  return { fileId, chunk, rows };
}
