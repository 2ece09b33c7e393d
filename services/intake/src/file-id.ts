import { createHash, randomBytes } from 'node:crypto';

/**
 * A file id readable in logs: the file's base name, made safe, plus a
 * suffix. Pass `identity` (e.g. bucket, key and version) to get the same
 * id for repeated notifications of one upload.
 *
 * @example fileIdFor('uploads/Escuela Norte.csv') // 'Escuela_Norte-3f9a1c2b'
 */
export function fileIdFor(key: string, identity?: string): string {
  const base = (key.split('/').pop() ?? 'file')
    .replace(/\.csv$/i, '')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .slice(0, 80) || 'file';
  const suffix = identity
    ? createHash('sha256').update(identity).digest('hex').slice(0, 12)
    : randomBytes(6).toString('hex');
  return `${base}-${suffix}`;
}
