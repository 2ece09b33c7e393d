import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  createEvent,
  defineEvent,
  EventValidationError,
  isEvent,
  readEvent,
} from './define-event.js';
import { ChunkReady } from './definitions/chunk-ready.js';
import { FileAccepted } from './definitions/file-accepted.js';

const READY = {
  fileId: 'f-1', chunk: 1, rowsKey: 'work/f-1/chunks/000001.json',
  schoolsKey: 'work/f-1/schools/000001.json',
  rowCount: 1000, firstRow: 2, lastRow: 1001, dryRun: false,
};

/** The problems of the validation error `run` throws. */
function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(EventValidationError);
    return (error as EventValidationError).problems;
  }
  throw new Error('no error was thrown');
}

describe('defineEvent', () => {
  it('derives the source from the producer and adds the version', () => {
    const Pinged = defineEvent({
      producer: 'health', detailType: 'Pinged', version: 2,
      description: 'A ping.', detail: { at: v.string() },
    });
    expect(Pinged.source).toBe('apilados.health');
    expect(v.parse(Pinged.detail, { version: 2, at: 'now' })).toEqual({
      version: 2, at: 'now',
    });
    expect(v.safeParse(Pinged.detail, { version: 1, at: 'now' }).success)
      .toBe(false);
  });
});

describe('createEvent', () => {
  it('builds an EventBridge entry with the version in the detail', () => {
    expect(createEvent(ChunkReady, READY)).toEqual({
      source: 'apilados.intake',
      'detail-type': 'Chunk Ready',
      detail: { version: 1, ...READY },
    });
  });

  it('rejects a bad detail, listing each path and problem', () => {
    const bad = {
      ...READY, fileId: 'bad id!', chunk: 0, rowsKey: '', rowCount: 1.5,
    };
    expect(problemsOf(() => createEvent(ChunkReady, bad))).toEqual([
      'fileId: letters, digits, . _ - only',
      'chunk: Invalid value: Expected >=1 but received 0',
      'rowsKey: Invalid length: Expected >=1 but received 0',
      'rowCount: Invalid integer: Received 1.5',
    ]);
  });

  it('names nested paths and missing fields', () => {
    const bad = {
      fileId: 'f-1', file: { key: 'uploads/a.csv', name: 'a.csv', size: -1 },
      encoding: 'latin-9', separator: ',', columnCount: 1, columns: ['id'],
      ignoredColumns: [], chunkSize: 1000, dryRun: false,
    } as unknown as Parameters<typeof createEvent<typeof FileAccepted>>[1];
    expect(problemsOf(() => createEvent(FileAccepted, bad))).toEqual([
      'file.size: Invalid value: Expected >=0 but received -1',
      'encoding: Invalid type: Expected ("utf-8" | "windows-1252" | ' +
        '"utf-16le") but received "latin-9"',
      'acceptedAt: Invalid key: Expected "acceptedAt" but received undefined',
    ]);
  });

  it('says which event was invalid in the message', () => {
    expect(() => createEvent(ChunkReady, { ...READY, chunk: 0 })).toThrow(
      "'Chunk Ready' event is invalid: chunk: Invalid value: " +
        'Expected >=1 but received 0');
  });
});

describe('readEvent', () => {
  it('returns the validated detail of a matching event', () => {
    const event = createEvent(ChunkReady, READY);
    expect(readEvent(ChunkReady, event)).toEqual({ version: 1, ...READY });
  });

  it('rejects another detail-type', () => {
    const event = createEvent(ChunkReady, READY);
    expect(problemsOf(() => readEvent(FileAccepted, event))).toEqual([
      'expected apilados.intake/File Accepted, got apilados.intake/Chunk Ready',
    ]);
  });

  it('rejects the right detail-type from another source', () => {
    const event = { ...createEvent(ChunkReady, READY), source: 'apilados.health' };
    expect(() => readEvent(ChunkReady, event)).toThrow(EventValidationError);
  });

  it('rejects a detail of another version', () => {
    const event = createEvent(ChunkReady, READY);
    const later = { ...event, detail: { ...event.detail, version: 2 } };
    expect(problemsOf(() => readEvent(ChunkReady, later))).toEqual([
      'version: Invalid type: Expected 1 but received 2',
    ]);
  });
});

describe('isEvent', () => {
  it('matches on source and detail-type', () => {
    const event = createEvent(ChunkReady, READY);
    expect(isEvent(ChunkReady, event)).toBe(true);
    expect(isEvent(FileAccepted, event)).toBe(false);
    expect(isEvent(ChunkReady, { ...event, source: 'other' })).toBe(false);
  });
});
