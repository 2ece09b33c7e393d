/**
 * What bytes 0x80 to 0x9F mean in Windows-1252; every other byte is the
 * Unicode code point of the same number. Bytes the code page leaves
 * unassigned (0x81, 0x8D, 0x8F, 0x90, 0x9D) keep their own code point,
 * as the WHATWG Encoding Standard says.
 */
const HIGH = [
  '\u20ac', '\u0081', '\u201a', '\u0192', '\u201e', '\u2026', '\u2020',
  '\u2021', '\u02c6', '\u2030', '\u0160', '\u2039', '\u0152', '\u008d',
  '\u017d', '\u008f', '\u0090', '\u2018', '\u2019', '\u201c', '\u201d',
  '\u2022', '\u2013', '\u2014', '\u02dc', '\u2122', '\u0161', '\u203a',
  '\u0153', '\u009d', '\u017e', '\u0178',
];

/**
 * Decodes Windows-1252 bytes, the code page Excel uses for "CSV" in Spanish.
 * Written out because Node 20's `TextDecoder('windows-1252')` reads bytes
 * 0x80 to 0x9F (€, curly quotes, dashes) as control characters whenever
 * it is not streaming.
 *
 * @example decodeWindows1252(Buffer.from([0x80, 0x35])) // '€5'
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1');
  return latin1.replace(/[\u0080-\u009f]/g, (c) => HIGH[c.charCodeAt(0) - 0x80]!);
}
