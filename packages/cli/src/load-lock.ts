import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';

/** A lock not refreshed for this long belongs to a process that died. */
const STALE_MS = 30_000;

/**
 * Takes this machine's lock on loads into the CMS at `baseUrl`, waiting
 * (after calling `onWait` once) while another load holds it; resolves to
 * the function that releases it. Strapi cannot make a two-field natural
 * key unique, so two loads creating the same new entry at the same
 * instant would both succeed: loads into one CMS take turns instead.
 *
 * Limitation: the lock is a folder in this machine's temporary directory,
 * so loads started on two machines do not see each other; a unique
 * natural-key field in each CMS collection would cover them too.
 *
 * @example const release = await lockCmsLoads(url, () => say('waiting'));
 */
export async function lockCmsLoads(
  baseUrl: string,
  onWait: () => void,
): Promise<() => Promise<void>> {
  const folder = join(tmpdir(), 'apilados-locks');
  await mkdir(folder, { recursive: true });
  const name = createHash('sha256').update(baseUrl).digest('hex').slice(0, 16);
  const path = join(folder, `cms-${name}`);
  const options = {
    realpath: false,
    stale: STALE_MS,
    onCompromised: (error: Error) => {
      process.stderr.write(`apilados: warning: the CMS load lock was lost: ${error.message}\n`);
    },
  };
  try {
    return await lockfile.lock(path, options);
  } catch (error) {
    if ((error as { code?: string }).code !== 'ELOCKED') throw error;
  }
  onWait();
  return lockfile.lock(path, {
    ...options,
    retries: { forever: true, minTimeout: 200, maxTimeout: 1_000 },
  });
}
