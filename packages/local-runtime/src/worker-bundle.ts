import { createHash } from 'node:crypto';
import { access, mkdir, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);

/** Packages with native parts: loaded from where they are installed. */
const NATIVE = ['better-sqlite3'];

/**
 * Bundles a TypeScript worker entry into one ES module and returns its
 * location. A worker started from it loads no TypeScript loader and only
 * the code it uses: it starts in a fraction of the time and memory. The
 * file is named after its content, so an unchanged entry is written once.
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
  const folder = join(tmpdir(), 'apilados-workers');
  const path = join(folder, `${hash}.mjs`);
  if (!(await exists(path))) {
    // Written aside and renamed, so a process starting the same worker at
    // the same moment never reads half a file.
    await mkdir(folder, { recursive: true });
    const partial = `${path}.${process.pid}.part`;
    await writeFile(partial, code);
    await rename(partial, path);
  }
  return pathToFileURL(path);
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(() => true, () => false);
}
