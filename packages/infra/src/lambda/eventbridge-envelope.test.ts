import { describe, expect, it } from 'vitest';
import { ChunkReady, EventValidationError, createEvent } from '@apilados/events';
import { eventBridgeEnvelope } from '../../../../test/cloud/support/lambda-events.js';
import { readEnvelope } from './eventbridge-envelope.js';
import { UnexpectedEventError } from './errors.js';

const ready = createEvent(ChunkReady, {
  fileId: 'f-1', chunk: 2, rowsKey: 'work/f-1/chunks/000002.json',
  schoolsKey: 'work/f-1/schools/000002.json',
  rowCount: 3, firstRow: 5, lastRow: 7, dryRun: false,
});

describe('readEnvelope', () => {
  it('takes the domain event and its id out of the envelope', () => {
    const received = readEnvelope('cct-lookup', eventBridgeEnvelope(ready, 'ev-1'), [ChunkReady]);

    expect(received).toEqual({ id: 'ev-1', event: ready });
  });

  it('refuses something that is not an envelope', () => {
    expect(() => readEnvelope('cct-lookup', { hello: 1 }, [ChunkReady]))
      .toThrow(UnexpectedEventError);
  });

  it('refuses an event the service does not consume, naming both', () => {
    const other = eventBridgeEnvelope({ ...ready, 'detail-type': 'Chunk Enriched' });

    expect(() => readEnvelope('cct-lookup', other, [ChunkReady])).toThrow(
      'cct-lookup expected apilados.intake/Chunk Ready: got apilados.intake/Chunk Enriched',
    );
  });

  it('refuses a detail that does not match the schema, naming the field', () => {
    const bad = eventBridgeEnvelope({ ...ready, detail: { ...ready.detail, chunk: 0 } });

    expect(() => readEnvelope('cct-lookup', bad, [ChunkReady])).toThrow(EventValidationError);
    expect(() => readEnvelope('cct-lookup', bad, [ChunkReady])).toThrow(/chunk: /);
  });
});
