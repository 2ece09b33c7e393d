import { describe, expect, it } from 'vitest';
import { decodeWindows1252 } from './windows-1252.js';

describe('decodeWindows1252', () => {
  it('decodes the accented letters of Spanish', () => {
    const bytes = Buffer.from([0xe1, 0xe9, 0xed, 0xf3, 0xfa, 0xf1, 0xd1, 0xfc]);
    expect(decodeWindows1252(bytes)).toBe('áéíóúñÑü');
  });

  it('decodes the euro sign, curly quotes, dashes and ellipsis', () => {
    const bytes = Buffer.from([0x80, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0x85]);
    expect(decodeWindows1252(bytes)).toBe('€‘’“”–—…');
  });

  it('leaves ASCII as it is', () => {
    expect(decodeWindows1252(Buffer.from('id,nombre\r\n', 'ascii')))
      .toBe('id,nombre\r\n');
  });

  it('agrees with the WHATWG table for all 256 bytes', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    // The streaming decoder goes through ICU, which has the full table.
    const reference = new TextDecoder('windows-1252').decode(all, { stream: true });
    expect(decodeWindows1252(all)).toBe(reference);
  });

  it('decodes a view into a larger buffer by its own bytes only', () => {
    const whole = Buffer.from([0x41, 0x80, 0x42, 0x43]);
    expect(decodeWindows1252(whole.subarray(1, 3))).toBe('€B');
  });
});
