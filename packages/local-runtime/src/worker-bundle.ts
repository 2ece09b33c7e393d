import { createHash } from 'node:crypto';
import { lstat, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { WorkerBundleError } from './errors.js';

const require = createRequire(import.meta.url);

/** Packages with native parts: loaded from where they are installed. */
const NATIVE = ['better-sqlite3'];

/**
 * Bundles a TypeScript worker entry into one ES module and returns its
 * location. A worker started from it loads no TypeScript loader and only
 * the code it uses: it starts in a fraction of the time and memory. The
 * file lives in a folder of this user's alone and is named after its
 * content; one that differs from the bundle is written again.
 *
 * @example new Worker(await bundleWorker(new URL('./w.ts', import.meta.url)))
 */
export async function bundleWorker(entry: URL): Promise<URL> {
  const result = await build({
    entryPoints: [fileURLToPath(entry)],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'silent',
    plugins: [
      {
        name: 'installed-native-packages',
        setup(b) {
          b.onResolve({ filter: new RegExp(`^(${NATIVE.join('|')})$`) }, (args) => ({
            path: pathToFileURL(require.resolve(args.path)).href,
            external: true,
          }));
        },
      },
    ],
  });
  const code = result.outputFiles[0]!.text;
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
  const folder = await privateFolder();
  const path = join(folder, `${hash}.mjs`);
  if ((await readFile(path, 'utf8').catch(() => undefined)) !== code) {
    // Written aside and renamed, so a process starting the same worker at
    // the same moment never reads half a file.
    const partial = `${path}.${process.pid}.part`;
    await writeFile(partial, code, { mode: 0o600 });
    await rename(partial, path);
  }
  return pathToFileURL(path);
}

/**
 * This user's folder for bundles in the system's temporary directory,
 * readable and writable by this user alone: code another user could
 * change must never be run.
 *
 * @throws WorkerBundleError when the folder exists but is not private.
 */
async function privateFolder(): Promise<string> {
  const user = process.getuid?.() ?? 'user';
  const folder = join(tmpdir(), `apilados-workers-${user}`);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const info = await lstat(folder);
  const ownerOk = process.getuid === undefined || info.uid === process.getuid();
  if (!info.isDirectory() || !ownerOk || (info.mode & 0o077) !== 0) {
    throw new WorkerBundleError(folder);
  }
  return folder;
}
