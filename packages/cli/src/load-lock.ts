import { createHash } from 'node:crypto';
import { chmod, mkdir } from 'node:fs/promises';
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
  // Shared by every user's loads, like the temporary directory itself.
  await chmod(folder, 0o1777).catch(() => undefined);
  const name = createHash('sha256').update(lockName(baseUrl)).digest('hex').slice(0, 16);
  const path = join(folder, `cms-${name}`);
  const options = {
    realpath: false,
    stale: STALE_MS,
    // Another load may be writing already: going on could duplicate
    // entries, while stopping loses nothing (a re-run loads the rest).
    onCompromised: (error: Error) => {
      process.stderr.write(
        `apilados: the CMS load lock was lost (${error.message}); the load ` +
          'stopped, run it again to load the rest\n');
      process.exit(1);
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

/**
 * The CMS a URL names, spelled one way: scheme and host lower-cased,
 * default port and trailing slashes dropped (`HTTP://CMS.example.org:80/`
 * is `http://cms.example.org`). Two names of one host (an IP address and
 * a host name) are still two CMSs to the lock.
 */
export function lockName(baseUrl: string): string {
  const url = new URL(baseUrl);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
