import { describe, expect, it } from 'vitest';
import { formatBytes } from './format-bytes.js';

describe('formatBytes', () => {
  it('uses bytes, KB or MB of 1,024 with one decimal', () => {
    expect(formatBytes(80)).toBe('80 bytes');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(3_600_000)).toBe('3.4 MB');
    expect(formatBytes(10 * 1024 * 1024)).toBe('10.0 MB');
  });

  it('keeps the sign of a shrinking figure', () => {
    expect(formatBytes(-2048)).toBe('-2.0 KB');
  });
});
