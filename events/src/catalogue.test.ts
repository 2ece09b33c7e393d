import { describe, expect, it } from 'vitest';
import { consumersOf, EVENTS, eventPattern, SUBSCRIPTIONS } from './catalogue.js';
import { ChunkEnriched } from './definitions/chunk-enriched.js';
import { ChunkPersisted } from './definitions/chunk-persisted.js';
import { ChunkReady } from './definitions/chunk-ready.js';
import { FileAccepted } from './definitions/file-accepted.js';
import { HealthReported } from './definitions/health-reported.js';

describe('EVENTS', () => {
  it('lists seven events with distinct detail-types', () => {
    const types = EVENTS.map((d) => d.detailType);
    expect(types).toEqual([
      'File Accepted', 'File Rejected', 'Chunk Ready', 'Chunk Enriched',
      'Chunk Persisted', 'File Completed', 'Health Reported',
    ]);
  });

  it('gives every event the source of its producer', () => {
    for (const d of EVENTS) expect(d.source).toBe(`apilados.${d.producer}`);
  });
});

describe('consumersOf', () => {
  it('follows the chunk from service to service', () => {
    expect(consumersOf(ChunkReady)).toEqual(['cct-lookup']);
    expect(consumersOf(ChunkEnriched)).toEqual(['persistence']);
    expect(consumersOf(ChunkPersisted)).toEqual(['intake']);
  });

  it('is empty for events nobody consumes yet', () => {
    expect(consumersOf(FileAccepted)).toEqual([]);
    expect(consumersOf(HealthReported)).toEqual([]);
  });

  it('only subscribes services to events of the catalogue', () => {
    for (const list of Object.values(SUBSCRIPTIONS)) {
      for (const d of list) expect(EVENTS).toContain(d);
    }
  });
});

describe('eventPattern', () => {
  it('builds an EventBridge rule pattern without repeated sources', () => {
    expect(eventPattern([ChunkReady, FileAccepted, ChunkEnriched])).toEqual({
      source: ['apilados.intake', 'apilados.cct-lookup'],
      'detail-type': ['Chunk Ready', 'File Accepted', 'Chunk Enriched'],
    });
  });
});
