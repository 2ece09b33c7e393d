// Loads into the local Strapi CMS that go wrong: duplicates from two
// processes or from a create applied after its timeout, a one-second CMS
// outage that stops the load, and the API token echoed in an error.
import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StrapiRecordStore } from '@apilados/record-store';
import { runCli } from '../support/cli.js';
import { startStrapi, type LocalStrapi } from '../support/strapi.js';
import { tempDir } from '../support/temp-dir.js';
import { duplicateKeys } from '../strapi-store/support/entity-graph.js';
import { participationsCsv, range } from '../strapi-store/support/participations.js';
import { put, summaryOf } from './helpers.js';

const LOAD_MS = 600_000;

let cms: LocalStrapi;
let dir: ReturnType<typeof tempDir>;
let direct: StrapiRecordStore;

/** How many natural keys are held more than once, per collection. */
async function duplicateCounts(): Promise<Record<string, number>> {
  const found = await duplicateKeys(direct);
  return Object.fromEntries(Object.entries(found).map(([name, keys]) => [name, keys!.length]));
}

beforeAll(async () => {
  cms = await startStrapi();
  dir = tempDir('apilados-attack-cms-');
  direct = new StrapiRecordStore({ baseUrl: cms.baseUrl, token: cms.token });
}, 900_000);

afterAll(async () => {
  await cms?.stop();
  dir?.remove();
}, 60_000);

const total = (counts: Record<string, number>) =>
  Object.values(counts).reduce((sum, n) => sum + n, 0);

/** `apilados ingest <file> --strapi <url> --json`, each run with its own work folder. */
function ingestCms(file: string, url: string, work: string, env: NodeJS.ProcessEnv = {}) {
  return runCli(['ingest', file, '--strapi', url, '--db', join(dir.path, work, 'x.db'), '--json'], {
    STRAPI_TOKEN: cms.token, POWERTOOLS_LOG_LEVEL: 'SILENT', ...env,
  });
}

/** A loopback proxy to the CMS; `decide` may answer a request itself. */
async function proxy(
  decide: (req: IncomingMessage, body: Buffer) => 'pass' | 'outage' | 'hold-then-forward',
) {
  const upstream = new URL(cms.baseUrl);
  const forward = (req: IncomingMessage, body: Buffer, reply?: (s: number, b: Buffer) => void) => {
    const headers = { ...req.headers, host: upstream.host };
    delete headers.connection;
    const out = httpRequest({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (p: Buffer) => parts.push(p));
        res.on('end', () => reply?.(res.statusCode ?? 502, Buffer.concat(parts)));
      });
    out.on('error', () => reply?.(502, Buffer.from('{}')));
    out.end(body);
  };
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (p: Buffer) => parts.push(p));
    req.on('end', () => {
      const body = Buffer.concat(parts);
      const action = decide(req, body);
      if (action === 'outage') {
        res.writeHead(503, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ data: null, error: { status: 503, name: 'ServiceUnavailableError', message: 'outage' } }));
      } else if (action === 'hold-then-forward') {
        // The CMS gets the create only after the client gave up waiting.
        const timer = setTimeout(() => { timers.delete(timer); forward(req, body); }, 2_500);
        timers.add(timer);
      } else {
        forward(req, body, (status, data) => {
          res.writeHead(status, { 'Content-Type': 'application/json' });
          res.end(data);
        });
      }
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      await new Promise((done) => setTimeout(done, 3_000)); // let held creates land
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    },
  };
}

describe('loading into the CMS', () => {
  // Strapi cannot make a two-field natural key unique, so two processes
  // creating the same new entry at the same instant would both succeed:
  // loads into one CMS take turns on this machine, the second waiting.
  it('two processes loading the same file at once leave every natural key once', async () => {
    const file = put(dir.path, 'same.csv', participationsCsv(range(1, 40)));

    const [a, b] = await Promise.all([
      ingestCms(file, cms.baseUrl, 'a'),
      ingestCms(file, cms.baseUrl, 'b'),
    ]);

    expect([a.code, b.code]).toEqual([0, 0]);
    expect(await duplicateCounts()).toEqual({});
    // The second to take its turn found everything in place.
    const created = [a, b].map((run) => total(summaryOf(run)!.created));
    expect(Math.min(...created)).toBe(0);
  }, LOAD_MS);

  // A create that reaches the CMS after the client's timeout (a queued,
  // slow CMS) is applied after the client already looked for it and sent
  // it again: the participation exists twice, and the run exits 0.
  // Limitation: a create that times out but is applied by Strapi after the
  // store looked for it is created again (two-field keys only); same fix.
  it.fails('a create applied after its timeout does not leave a duplicate', async () => {
    const before = await duplicateCounts();
    let held = 0;
    const p = await proxy((req) => {
      if (req.method === 'POST' && req.url?.startsWith('/api/participaciones') && held < 3) {
        held++;
        return 'hold-then-forward';
      }
      return 'pass';
    });
    const file = put(dir.path, 'late.csv', participationsCsv(range(101, 130)));

    const run = await ingestCms(file, p.url, 'late', { API_TIMEOUT_MS: '1000' });
    await p.close();

    expect(held).toBe(3);
    expect(summaryOf(run)?.status).toBe('completed');
    // Only this load's new people (P-101..P-130) may appear; none twice.
    expect(await duplicateCounts()).toEqual(before);
  }, LOAD_MS);

  // README: API_RETRY_ATTEMPTS (5) retries of a failed CMS request (429,
  // 5xx, timeouts, dropped connections), API_RETRY_DELAY (500 ms) doubling:
  // about 15 s of retries. Today one second of 503 answers opens the
  // circuit breaker (5 failed attempts, counted across requests in flight)
  // and the whole load stops with exit 1 ("the CMS keeps failing").
  // Limitation: a one-second burst of 503s still stops the load ("the CMS
  // keeps failing"); the retries of writes that may have been applied
  // re-check first and use up their attempts quickly. A re-run completes
  // the load; a retry budget measured in time would ride such a blip out.
  // Skipped rather than expected to fail: the outage's effect depends on
  // timing on a loaded machine.
  it.skip('rides out a one-second CMS outage', async () => {
    let requests = 0;
    let outageUntil = 0;
    const p = await proxy(() => {
      requests++;
      if (requests === 60) outageUntil = Date.now() + 1_000;
      return Date.now() < outageUntil ? 'outage' : 'pass';
    });
    const file = put(dir.path, 'blip.csv', participationsCsv(range(201, 240)));

    const run = await ingestCms(file, p.url, 'blip');
    await p.close();

    expect(outageUntil).toBeGreaterThan(0);
    expect(summaryOf(run)?.status).toBe('completed');
    expect(run.code).toBe(0);
  }, LOAD_MS);
});

describe('the API token', () => {
  // A token holding a line break (pasted from a two-line secret) is
  // printed back on stderr inside fetch's "invalid header value" message.
  it('is never echoed in an error message', async () => {
    const file = put(dir.path, 'token.csv', participationsCsv(range(301, 302)));
    const token = 'FAKE-TOKEN-part-one\nFAKE-TOKEN-part-two';

    const run = await runCli(['ingest', file, '--strapi', cms.baseUrl, '--db', join(dir.path, 'tok', 'x.db'), '--json'], {
      STRAPI_TOKEN: token, POWERTOOLS_LOG_LEVEL: 'SILENT',
    });

    expect(run.code).toBe(1);
    expect((run.stdout + run.stderr).includes('FAKE-TOKEN-part')).toBe(false);
  }, LOAD_MS);
});
