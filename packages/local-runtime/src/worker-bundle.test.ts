import { once } from 'node:events';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/temp-dir.js';
import { WorkerBundleError } from './errors.js';
import { bundleWorker } from './worker-bundle.js';

let dir: ReturnType<typeof tempDir> | undefined;
afterEach(() => dir?.remove());

/** A TypeScript worker that opens an embedded database and reports back. */
function writeEntry(folder: string): URL {
  writeFileSync(join(folder, 'answer.ts'), 'export const answer: number = 42;\n');
  const entry = join(folder, 'entry.ts');
  writeFileSync(entry, [
    "import { parentPort } from 'node:worker_threads';",
    "import Database from 'better-sqlite3';",
    "import { answer } from './answer.js';",
    "const db = new Database(':memory:');",
    "const row = db.prepare('SELECT ? AS n').get(answer) as { n: number };",
    'parentPort!.postMessage(row.n);',
  ].join('\n'));
  return pathToFileURL(entry);
}

describe('bundleWorker', () => {
  it('gives a module that runs TypeScript and native packages on a plain worker', async () => {
    dir = tempDir();
    const url = await bundleWorker(writeEntry(dir.path));

    const worker = new Worker(url);
    const [message] = await once(worker, 'message');
    await worker.terminate();

    expect(message).toBe(42);
  });

  it('names the bundle after its content, so an unchanged entry maps to one file', async () => {
    dir = tempDir();
    const entry = writeEntry(dir.path);

    const first = await bundleWorker(entry);
    const second = await bundleWorker(entry);

    expect(second.href).toBe(first.href);
    expect(first.pathname).toMatch(/\/apilados-workers-\w+\/[0-9a-f]{16}\.mjs$/);
  });

  it('rewrites a file under the bundle name that holds other code', async () => {
    dir = tempDir();
    const entry = writeEntry(dir.path);
    const url = await bundleWorker(entry);
    writeFileSync(url, 'throw new Error("planted");');

    const again = await bundleWorker(entry);
    const worker = new Worker(again);
    const [message] = await once(worker, 'message');
    await worker.terminate();

    expect(message).toBe(42);
  });

  it('refuses a bundle folder that others may write to', async () => {
    dir = tempDir();
    const shared = join(dir.path, `apilados-workers-${process.getuid!()}`);
    mkdirSync(shared, { mode: 0o777 });
    chmodSync(shared, 0o777);
    const previous = process.env.TMPDIR;
    process.env.TMPDIR = dir.path;
    try {
      await expect(bundleWorker(writeEntry(dir.path))).rejects.toThrow(WorkerBundleError);
    } finally {
      if (previous === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = previous;
    }
  });
});
