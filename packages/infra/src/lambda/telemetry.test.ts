import { describe, expect, it, vi } from 'vitest';
import { correlate, createTelemetry } from './telemetry.js';

describe('correlate', () => {
  it('adds fileId and chunk to log lines and trace annotations', () => {
    const telemetry = createTelemetry('persistence', 'Apilados/Pipeline/Test');
    const appendKeys = vi.spyOn(telemetry.logger, 'appendKeys');
    const putAnnotation = vi.spyOn(telemetry.tracer, 'putAnnotation');

    correlate(telemetry, { fileId: 'f-1', chunk: 3 });

    expect(appendKeys).toHaveBeenCalledWith({ fileId: 'f-1', chunk: 3 });
    expect(putAnnotation.mock.calls).toEqual([['fileId', 'f-1'], ['chunk', 3]]);
  });

  it('leaves out a key it does not have', () => {
    const telemetry = createTelemetry('intake', 'Apilados/Pipeline/Test');
    const putAnnotation = vi.spyOn(telemetry.tracer, 'putAnnotation');

    correlate(telemetry, { fileId: 'f-2', chunk: undefined });

    expect(putAnnotation.mock.calls).toEqual([['fileId', 'f-2']]);
  });
});
