import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CmsAuthError,
  CmsRequestError,
  CmsUnavailableError,
} from './errors.js';
import { StrapiHttp, type StrapiHttpOptions } from './strapi-http.js';

const TOKEN = 'secret-token-value';

type Reply = (req: IncomingMessage, res: ServerResponse) => void;

let server: Server | undefined;
let seen: { method: string; url: string; auth: string }[] = [];

/** A loopback server answering the n-th request (from 0) with replies[n]. */
async function serve(...replies: Reply[]): Promise<string> {
  seen = [];
  server = createServer((req, res) => {
    const n = seen.length;
    seen.push({ method: req.method!, url: req.url!, auth: req.headers.authorization ?? '' });
    req.resume();
    req.on('end', () => (replies[n] ?? replies.at(-1)!)(req, res));
  });
  await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((done) => server?.close(done));
  server = undefined;
});

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Reply =>
  (_req, res) => {
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
const ok = json(200, { data: [] });
const drop: Reply = (req) => req.socket.destroy();
const late = (ms: number): Reply => (req, res) => {
  setTimeout(() => {
    if (!res.destroyed) json(200, { data: 'late' })(req, res);
  }, ms);
};

function client(baseUrl: string, options: Partial<StrapiHttpOptions> = {}) {
  return new StrapiHttp({
    baseUrl, token: TOKEN, retryAttempts: 3, retryDelayMs: 1, ...options,
  });
}

describe('StrapiHttp retries', () => {
  it('sends the bearer token and returns the body of a 2xx answer', async () => {
    const http = client(await serve(json(200, { data: [1] })));

    const body = await http.get('/api/encuestas', 'fields[0]=id');

    expect(body).toEqual({ data: [1] });
    expect(seen).toEqual([
      { method: 'GET', url: '/api/encuestas?fields[0]=id', auth: `Bearer ${TOKEN}` },
    ]);
  });

  it('retries a 500, a dropped connection and a timeout, counting each request', async () => {
    const http = client(
      await serve(json(500, {}), drop, late(400), ok),
      { timeoutMs: 150 },
    );

    const body = await http.get('/api/programas');

    expect(body).toEqual({ data: [] });
    expect(http.requests).toBe(4);
  });

  it('waits as long as Retry-After asks after a 429', async () => {
    const http = client(await serve(json(429, {}, { 'Retry-After': '1' }), ok));
    const started = Date.now();

    await http.get('/api/programas');

    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(http.requests).toBe(2);
  });

  it('gives up when Retry-After asks for longer than allowed', async () => {
    const http = client(
      await serve(json(503, {}, { 'Retry-After': '120' }), ok),
      { maxRetryDelayMs: 1000 },
    );

    const error = await http.get('/api/programas').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(CmsRequestError);
    expect((error as Error).message).toBe(
      'GET /api/programas failed: HTTP 503, and the CMS asked to wait 120 s, ' +
        'longer than the 1 s allowed',
    );
    expect(http.requests).toBe(1);
  });

  it('pauses with "the CMS keeps failing" once retries run out', async () => {
    const http = client(await serve(json(502, {})), { retryAttempts: 2 });

    const error = await http.get('/api/programas', 'filters[x]=private').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(CmsUnavailableError);
    expect((error as Error).message).toBe(
      `record store ${http.description} is unavailable: the CMS keeps failing ` +
        '(last: HTTP 502 on GET /api/programas), so the load is paused; ' +
        'run it again once the CMS answers to load the rest',
    );
    expect(http.requests).toBe(3);
  });

  it('does not retry a 400 answer to a GET', async () => {
    const http = client(await serve(json(400, { error: { name: 'ValidationError', message: 'Invalid key x' } })));

    const error = await http.get('/api/programas').catch((e: unknown) => e);

    expect((error as Error).message).toBe(
      'GET /api/programas failed: HTTP 400 ValidationError Invalid key x',
    );
    expect(http.requests).toBe(1);
  });
});

describe('StrapiHttp writes', () => {
  it('looks for the effect of a write whose answer was lost instead of sending it again', async () => {
    const http = client(await serve(drop, json(201, { data: { id: 9 } })));
    let asked = 0;

    const answer = await http.post('/api/trabajos', { data: {} }, async () => {
      asked++;
      return 7;
    });

    expect(answer).toEqual({ recovered: 7 });
    expect(asked).toBe(1);
    expect(seen.map((s) => s.method)).toEqual(['POST']);
  });

  it('sends a write again when the lookup finds no effect', async () => {
    const http = client(await serve(json(500, {}), json(201, { data: { id: 9 } })));

    const answer = await http.post('/api/trabajos', { data: {} }, async () => undefined);

    expect(answer).toEqual({ status: 201, body: { data: { id: 9 } } });
    expect(http.requests).toBe(2);
  });

  it('sends a write refused with 429 again without looking for its effect', async () => {
    const http = client(await serve(json(429, {}), json(201, { data: { id: 9 } })));
    let asked = 0;

    await http.post('/api/trabajos', { data: {} }, async () => {
      asked++;
      return undefined;
    });

    expect(asked).toBe(0);
    expect(http.requests).toBe(2);
  });

  it('returns a 400 answer to a write for the caller to judge', async () => {
    const body = { data: null, error: { status: 400, name: 'ValidationError', message: 'bad' } };
    const http = client(await serve(json(400, body)));

    const answer = await http.post('/api/trabajos', { data: {} }, async () => undefined);

    expect(answer).toEqual({ status: 400, body });
  });
});

describe('StrapiHttp refusals and outages', () => {
  it('throws CmsAuthError on 401 without retrying, then sends nothing more', async () => {
    const http = client(await serve(json(401, { error: { name: 'UnauthorizedError' } })));

    const first = await http.get('/api/programas').catch((e: unknown) => e);
    const second = await http.get('/api/modulos').catch((e: unknown) => e);

    expect(first).toBeInstanceOf(CmsAuthError);
    expect((first as Error).message).toContain('token rejected or expired (HTTP 401)');
    expect((first as Error).message).not.toContain(TOKEN);
    expect(second).toBe(first);
    expect(http.requests).toBe(1);
  });

  it('treats 403 as a refused token too', async () => {
    const http = client(await serve(json(403, {})));

    const error = await http.get('/api/programas').catch((e: unknown) => e);

    expect((error as CmsAuthError).status).toBe(403);
    expect((error as Error).message).toContain('token rejected or expired (HTTP 403)');
  });

  it('opens the breaker after failures in a row and then fails fast', async () => {
    const http = client(await serve(json(503, {})), {
      retryAttempts: 10, breakerThreshold: 3, breakerCooldownMs: 60_000,
    });

    const first = await http.get('/api/programas').catch((e: unknown) => e);
    const second = await http.get('/api/programas').catch((e: unknown) => e);

    expect(first).toBeInstanceOf(CmsUnavailableError);
    expect((first as Error).message).toBe(
      'record store strapi:' + new URL(seenBase()).origin + ' is unavailable: ' +
        'the CMS keeps failing (last: HTTP 503 on GET /api/programas), so the ' +
        'load is paused; run it again once the CMS answers to load the rest',
    );
    expect(second).toBeInstanceOf(CmsUnavailableError);
    expect(http.requests).toBe(3);
  });

  it('keeps at most maxInFlight requests in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const slow: Reply = (req, res) => {
      inFlight++;
      most = Math.max(most, inFlight);
      setTimeout(() => {
        inFlight--;
        ok(req, res);
      }, 20);
    };
    const http = client(await serve(slow), { maxInFlight: 3 });

    await Promise.all(Array.from({ length: 12 }, () => http.get('/api/programas')));

    expect(most).toBe(3);
    expect(http.requests).toBe(12);
  });
});

function seenBase(): string {
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}
