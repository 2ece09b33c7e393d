import { describe, expect, it } from 'vitest';
import { createEvent, EventValidationError } from './define-event.js';
import { ChunkReady } from './definitions/chunk-ready.js';
import { FileAccepted } from './definitions/file-accepted.js';
import { dispatch, NoRouteError, on } from './route.js';

const READY = {
  fileId: 'f-1', chunk: 2, rowsKey: 'work/f-1/chunks/000002.json',
  schoolsKey: 'work/f-1/schools/000002.json',
  rowCount: 10, firstRow: 12, lastRow: 21, dryRun: true,
};

describe('on and dispatch', () => {
  it('hands the validated detail to the matching route', async () => {
    const seen: unknown[] = [];
    const routes = [
      on(FileAccepted, async () => { seen.push('accepted'); }),
      on(ChunkReady, async (detail) => { seen.push(detail.chunk); }),
    ];
    await dispatch(routes, createEvent(ChunkReady, READY));
    expect(seen).toEqual([2]);
  });

  it('refuses an event no route handles', async () => {
    const routes = [on(FileAccepted, async () => undefined)];
    await expect(dispatch(routes, createEvent(ChunkReady, READY))).rejects.toThrow(
      new NoRouteError('apilados.intake', 'Chunk Ready'));
  });

  it('refuses a malformed detail before the handler runs', async () => {
    let called = false;
    const routes = [on(ChunkReady, async () => { called = true; })];
    const event = { ...createEvent(ChunkReady, READY), detail: { version: 1 } };
    await expect(dispatch(routes, event)).rejects.toBeInstanceOf(
      EventValidationError);
    expect(called).toBe(false);
  });
});
