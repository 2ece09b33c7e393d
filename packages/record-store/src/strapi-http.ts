import {
  BrokenCircuitError,
  ConsecutiveBreaker,
  ExponentialBackoff,
  IsolatedCircuitError,
  bulkhead,
  circuitBreaker,
  handleWhen,
  retry,
  type BulkheadPolicy,
  type CircuitBreakerPolicy,
  type IBackoff,
  type IBackoffFactory,
  type IRetryBackoffContext,
  type RetryPolicy,
} from 'cockatiel';
import {
  CmsAuthError,
  CmsRequestError,
  CmsUnavailableError,
} from './errors.js';
import { retryAfterMs } from './strapi-retry-after.js';

/** How the client talks to the CMS; every number has a default. */
export interface StrapiHttpOptions {
  /** E.g. `https://cms.example.org`, without `/api`. */
  readonly baseUrl: string;
  /** API token, sent as a bearer token and never shown. */
  readonly token: string;
  /** Retries after a failed attempt (429, 5xx, timeout, dropped); 5. */
  readonly retryAttempts?: number;
  /** First backoff delay in ms, doubled with jitter per retry; 500. */
  readonly retryDelayMs?: number;
  /** Longest wait before a retry, Retry-After included, in ms; 30 000. */
  readonly maxRetryDelayMs?: number;
  /** Time allowed for one attempt, answer body included, in ms; 30 000. */
  readonly timeoutMs?: number;
  /** Requests in flight at once, shared by every caller; 8. */
  readonly maxInFlight?: number;
  /**
   * Failed attempts in a row that open the circuit breaker; by default
   * enough for every request in flight to spend all its retries, so a
   * short outage is ridden out and only a lasting one pauses the load.
   */
  readonly breakerThreshold?: number;
  /** Time the open breaker fails fast before a trial request, ms; 10 000. */
  readonly breakerCooldownMs?: number;
}

/** An answer the caller must interpret (2xx or a non-transient 4xx). */
export interface HttpAnswer {
  readonly status: number;
  readonly body: unknown;
}

/** What a write's `recover` found in place of sending it again. */
export interface Recovered<T> {
  readonly recovered: T;
}

/**
 * One attempt that failed in a way worth retrying. `unsent` is true when
 * the CMS surely did not act on it (429, connection refused), so a write
 * may be sent again without first looking for its effect.
 */
class TransientFailure extends Error {
  constructor(
    readonly detail: string,
    readonly status: number | null,
    readonly unsent: boolean,
    readonly waitMs: number | undefined,
  ) {
    super(detail);
  }
}

const isTransient = (e: unknown): e is TransientFailure =>
  e instanceof TransientFailure;

/**
 * HTTP client of the Strapi REST API with the pipeline's resilience
 * policy: per-attempt timeout; retries with exponential backoff and
 * jitter on 429, 5xx, timeouts and dropped connections, honouring
 * `Retry-After`; one bound on requests in flight; a circuit breaker that
 * fails fast once the CMS keeps failing. 401 and 403 are never retried,
 * and after one of them nothing more is sent.
 *
 * @example
 * const http = new StrapiHttp({ baseUrl, token });
 * const body = await http.get('/api/encuestas', 'pagination[pageSize]=10');
 */
export class StrapiHttp {
  /** Names the CMS in messages: its origin, never the token. */
  readonly description: string;
  private readonly baseUrl: string;
  private readonly token: string;
  private readonly timeoutMs: number;
  private readonly maxWaitMs: number;
  private readonly retryPolicy: RetryPolicy;
  private readonly breaker: CircuitBreakerPolicy;
  private readonly inFlight: BulkheadPolicy;
  private sent = 0;
  private lastFailure = 'no failure yet';
  private refused: CmsAuthError | undefined;

  constructor(options: StrapiHttpOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.token = options.token;
    this.description = `strapi:${originOf(this.baseUrl)}`;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.maxWaitMs = options.maxRetryDelayMs ?? 30_000;

    const backoff = new ExponentialBackoff({
      initialDelay: options.retryDelayMs ?? 500,
      maxDelay: this.maxWaitMs,
    });
    this.retryPolicy = retry(
      handleWhen((e) => isTransient(e) && (e.waitMs ?? 0) <= this.maxWaitMs),
      {
        maxAttempts: options.retryAttempts ?? 5,
        backoff: new HintedBackoffFactory(backoff, this.maxWaitMs),
      },
    );
    this.breaker = circuitBreaker(
      handleWhen((e) => isTransient(e) && e.status !== 429),
      {
        halfOpenAfter: options.breakerCooldownMs ?? 10_000,
        breaker: new ConsecutiveBreaker(
          options.breakerThreshold ??
            (options.maxInFlight ?? 8) * ((options.retryAttempts ?? 5) + 1),
        ),
      },
    );
    this.inFlight = bulkhead(options.maxInFlight ?? 8, Infinity);
  }

  /** HTTP requests sent so far, each retry counted. */
  get requests(): number {
    return this.sent;
  }

  /**
   * GETs `path?query` and returns the parsed body of a 2xx answer.
   *
   * @throws CmsRequestError for any other answer, or when retries ran out.
   * @throws CmsAuthError, CmsUnavailableError as described on the class.
   */
  async get(path: string, query = ''): Promise<unknown> {
    const answer = await this.send<never>('GET', path, query, undefined);
    if ('recovered' in answer) return answer.recovered;
    if (answer.status >= 200 && answer.status < 300) return answer.body;
    throw new CmsRequestError('GET', path, answer.status,
      describeAnswer(answer), 1);
  }

  /**
   * POSTs `body` as JSON and returns the answer, 4xx included. When an
   * attempt failed without a clear answer (timeout, dropped connection,
   * 5xx) the write may have taken effect: before sending it again,
   * `recover` looks for its effect, and what it finds is returned instead.
   */
  async post<T>(
    path: string,
    body: unknown,
    recover: () => Promise<T | undefined>,
  ): Promise<HttpAnswer | Recovered<T>> {
    return this.send('POST', path, '', body, recover);
  }

  private async send<T>(
    method: string,
    path: string,
    query: string,
    body: unknown,
    recover?: () => Promise<T | undefined>,
  ): Promise<HttpAnswer | Recovered<T>> {
    let attempts = 0;
    let uncertain = false;
    try {
      return await this.retryPolicy.execute(async () => {
        if (uncertain && recover) {
          const recovered = await recover();
          if (recovered !== undefined) return { recovered };
        }
        attempts++;
        try {
          return await this.inFlight.execute(() =>
            this.breaker.execute(() => this.attempt(method, path, query, body)),
          );
        } catch (error) {
          if (isTransient(error) && !error.unsent) uncertain = true;
          throw error;
        }
      });
    } catch (error) {
      throw this.translate(error, method, path, attempts);
    }
  }

  private async attempt(
    method: string,
    path: string,
    query: string,
    body: unknown,
  ): Promise<HttpAnswer> {
    if (this.refused) throw this.refused;
    this.sent++;
    const url = `${this.baseUrl}${path}${query ? `?${query}` : ''}`;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    try {
      const response = await fetch(url, {
        method,
        headers: this.headers(body !== undefined),
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: controller.signal,
      });
      const text = await response.text();
      const { status } = response;
      if (status === 401 || status === 403) {
        this.refused = new CmsAuthError(this.description, status);
        throw this.refused;
      }
      if (status === 429 || status >= 500) {
        const waitMs = retryAfterMs(response.headers.get('retry-after'));
        throw this.failure(`HTTP ${status}`, method, path, status, waitMs);
      }
      return { status, body: parseJson(text) };
    } catch (error) {
      if (isTransient(error) || error instanceof CmsAuthError) throw error;
      if (controller.signal.aborted) {
        throw this.failure(`no answer within ${this.timeoutMs} ms`,
          method, path, null, undefined);
      }
      throw this.failure(`connection failed (${networkCause(error)})`,
        method, path, null, undefined, isRefusedConnection(error));
    } finally {
      clearTimeout(timer);
    }
  }

  private failure(
    detail: string,
    method: string,
    path: string,
    status: number | null,
    waitMs: number | undefined,
    unsent = status === 429,
  ): TransientFailure {
    this.lastFailure = `${detail} on ${method} ${path}`;
    return new TransientFailure(detail, status, unsent, waitMs);
  }

  private headers(withBody: boolean): Record<string, string> {
    const headers: Record<string, string> = {
      Accept: 'application/json',
      Authorization: `Bearer ${this.token}`,
    };
    if (withBody) headers['Content-Type'] = 'application/json';
    return headers;
  }

  private translate(
    error: unknown,
    method: string,
    path: string,
    attempts: number,
  ): unknown {
    if (error instanceof BrokenCircuitError ||
      error instanceof IsolatedCircuitError) {
      return new CmsUnavailableError(this.description, this.lastFailure);
    }
    if (!isTransient(error)) return error;
    // Every retry spent on 5xx, timeouts or dropped connections: the CMS
    // keeps failing, so the load pauses with the runbook's message.
    if ((error.waitMs ?? 0) <= this.maxWaitMs && error.status !== 429) {
      return new CmsUnavailableError(
        this.description,
        `${error.detail} on ${method} ${path}`,
      );
    }
    const detail = (error.waitMs ?? 0) > this.maxWaitMs
      ? `${error.detail}, and the CMS asked to wait ` +
        `${Math.round(error.waitMs! / 1000)} s, longer than the ` +
        `${Math.round(this.maxWaitMs / 1000)} s allowed`
      : error.detail;
    return new CmsRequestError(method, path, error.status, detail, attempts);
  }
}

type Context = IRetryBackoffContext<unknown>;

/**
 * Exponential backoff with jitter that waits at least what the last
 * failure's `Retry-After` asked for, never longer than `maxMs`.
 */
class HintedBackoffFactory implements IBackoffFactory<Context> {
  constructor(
    private readonly base: IBackoffFactory<unknown>,
    private readonly maxMs: number,
  ) {}

  next(context: Context): IBackoff<Context> {
    return new HintedBackoff(this.base.next(context), context, this.maxMs);
  }
}

class HintedBackoff implements IBackoff<Context> {
  readonly duration: number;

  constructor(
    private readonly base: IBackoff<unknown>,
    context: Context,
    private readonly maxMs: number,
  ) {
    const failure = 'error' in context.result ? context.result.error : undefined;
    const hint = isTransient(failure) ? failure.waitMs ?? 0 : 0;
    this.duration = Math.min(Math.max(base.duration, hint), maxMs);
  }

  next(context: Context): IBackoff<Context> {
    return new HintedBackoff(this.base.next(context), context, this.maxMs);
  }
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Strapi's error name and message from an error answer, if any. */
export function describeAnswer(answer: HttpAnswer): string {
  const error = (answer.body as { error?: { name?: unknown; message?: unknown } })
    ?.error;
  const message = typeof error?.message === 'string' ? error.message : '';
  const name = typeof error?.name === 'string' ? error.name : '';
  return [`HTTP ${answer.status}`, name, message].filter(Boolean).join(' ');
}

function networkCause(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } })
    ?.cause;
  if (typeof cause?.code === 'string') return cause.code;
  if (typeof cause?.message === 'string') return cause.message;
  return error instanceof Error ? error.message : String(error);
}

function isRefusedConnection(error: unknown): boolean {
  const cause = (error as { cause?: { code?: unknown } })?.cause;
  return cause?.code === 'ECONNREFUSED';
}

function originOf(baseUrl: string): string {
  try {
    const url = new URL(baseUrl);
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return '(invalid URL)';
  }
}
