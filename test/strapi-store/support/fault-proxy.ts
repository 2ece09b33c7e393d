import {
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * What the proxy does to one request instead of passing it through:
 * - `fail`: answers 500 without forwarding;
 * - `throttle`: answers 429 with `Retry-After: 1` without forwarding;
 * - `outage`: answers 503 without forwarding;
 * - `drop-before`: closes the connection without forwarding;
 * - `drop-after`: forwards, lets the CMS act, then closes the connection;
 * - `slow`: forwards, then holds the answer past the client's timeout.
 */
export type Fault =
  'fail' | 'throttle' | 'outage' | 'drop-before' | 'drop-after' | 'slow';

/** Picks the fault of the n-th request (from 0), or none. */
export type FaultSchedule = (n: number, method: string) => Fault | undefined;

/** A loopback HTTP proxy in front of the CMS that injects faults. */
export interface FaultProxy {
  readonly url: string;
  /** Requests received. */
  readonly requests: number;
  /** Faults injected, by kind. */
  readonly faults: Readonly<Record<Fault, number>>;
  /** Every request received, as `METHOD /path` (no query). */
  readonly log: readonly string[];
  schedule: FaultSchedule;
  close(): Promise<void>;
}

const NONE: FaultSchedule = () => undefined;

/**
 * Starts a proxy on 127.0.0.1 forwarding to `target`, injecting the faults
 * `schedule` picks. `slowMs` is how long a `slow` answer is held.
 */
export async function startFaultProxy(
  target: string,
  options: { schedule?: FaultSchedule; slowMs?: number } = {},
): Promise<FaultProxy> {
  const upstream = new URL(target);
  const slowMs = options.slowMs ?? 2_000;
  const faults: Record<Fault, number> = {
    fail: 0, throttle: 0, outage: 0, 'drop-before': 0, 'drop-after': 0, slow: 0,
  };
  const log: string[] = [];
  const timers = new Set<NodeJS.Timeout>();

  const proxy: FaultProxy = {
    url: '',
    get requests() {
      return log.length;
    },
    faults,
    log,
    schedule: options.schedule ?? NONE,
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    },
  };

  const server = createServer(async (req, res) => {
    const n = log.length;
    log.push(`${req.method} ${req.url!.split('?')[0]}`);
    const fault = proxy.schedule(n, req.method!);
    if (fault) faults[fault]++;
    const body = await readBody(req);

    if (fault === 'fail') return answer(res, 500, 'InternalServerError');
    if (fault === 'outage') return answer(res, 503, 'ServiceUnavailableError');
    if (fault === 'throttle') {
      return answer(res, 429, 'RateLimitError', { 'Retry-After': '1' });
    }
    if (fault === 'drop-before') return void req.socket.destroy();

    const reply = await forward(upstream, req, body).catch(() => undefined);
    if (!reply) return answer(res, 502, 'BadGateway');
    if (fault === 'drop-after') return void req.socket.destroy();
    const send = () => {
      if (res.destroyed) return;
      res.writeHead(reply.status, { 'Content-Type': 'application/json' });
      res.end(reply.body);
    };
    if (fault !== 'slow') return send();
    const timer = setTimeout(() => {
      timers.delete(timer);
      send();
    }, slowMs);
    timers.add(timer);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  (proxy as { url: string }).url =
    `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return proxy;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((done, fail) => {
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => done(Buffer.concat(parts)));
    req.on('error', fail);
  });
}

function answer(
  res: ServerResponse,
  status: number,
  name: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  const error = { status, name, message: 'injected fault' };
  res.end(JSON.stringify({ data: null, error }));
}

function forward(
  upstream: URL,
  req: IncomingMessage,
  body: Buffer,
): Promise<{ status: number; body: Buffer }> {
  const headers: IncomingHttpHeaders = { ...req.headers, host: upstream.host };
  delete headers.connection;
  return new Promise((done, fail) => {
    const out = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers,
      },
      (res) => {
        readBody(res).then(
          (data) => done({ status: res.statusCode ?? 502, body: data }),
          fail,
        );
      },
    );
    out.on('error', fail);
    out.end(body);
  });
}

/**
 * A deterministic mix of every transient fault, by request number: every
 * 7th fails with 500, every 11th is throttled, every 13th is slow, every
 * 17th and 19th are dropped before and after reaching the CMS. The first
 * `calm` requests pass untouched.
 */
export function everyNth(calm = 0): FaultSchedule {
  return (n) => {
    if (n < calm) return undefined;
    if (n % 7 === 3) return 'fail';
    if (n % 11 === 5) return 'throttle';
    if (n % 13 === 7) return 'slow';
    if (n % 17 === 2) return 'drop-before';
    if (n % 19 === 4) return 'drop-after';
    return undefined;
  };
}
