/** Thrown when the record store cannot be reached or opened. */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';

  constructor(
    readonly store: string,
    readonly reason: string,
  ) {
    super(`record store ${store} is unavailable: ${reason}`);
  }
}

/** Thrown when a lookup names a field the collection does not have. */
export class UnknownFieldError extends Error {
  override readonly name = 'UnknownFieldError';

  constructor(
    readonly collection: string,
    readonly field: string,
  ) {
    super(`collection '${collection}' has no field '${field}'`);
  }
}


/**
 * Thrown when the CMS refuses the API token (HTTP 401 or 403). Never
 * retried: the token is wrong, expired or lacks permissions, and every
 * further request would be refused alike. The token itself is never part
 * of the message.
 */
export class CmsAuthError extends StoreUnavailableError {
  constructor(
    store: string,
    readonly status: number,
  ) {
    super(store, `token rejected or expired (HTTP ${status})`);
    (this as { name: string }).name = 'CmsAuthError';
  }
}

/**
 * Thrown without sending anything once the CMS failed many times in a
 * row (the circuit breaker is open). Whatever was written stays written;
 * running the same load again once the CMS answers loads the rest.
 */
export class CmsUnavailableError extends StoreUnavailableError {
  constructor(
    store: string,
    /** The last failure seen, e.g. `HTTP 503 on POST /api/participantes`. */
    readonly lastFailure: string,
  ) {
    super(
      store,
      `the CMS keeps failing (last: ${lastFailure}), so the load is paused;` +
        ' run it again once the CMS answers to load the rest',
    );
    (this as { name: string }).name = 'CmsUnavailableError';
  }
}

/**
 * Thrown when a whole CMS request failed: an answer the pipeline cannot
 * use (e.g. 404 for a missing collection), or a transient failure that
 * outlasted every retry. Carries the method and path, never the query
 * (which may hold personal data) nor the token.
 */
export class CmsRequestError extends Error {
  override readonly name = 'CmsRequestError';

  constructor(
    readonly method: string,
    readonly path: string,
    /** HTTP status, or null when no answer came (timeout, dropped). */
    readonly status: number | null,
    readonly detail: string,
    readonly attempts: number,
  ) {
    super(
      `${method} ${path} failed` +
        (attempts > 1 ? ` after ${attempts} attempts` : '') +
        `: ${detail}`,
    );
  }
}
