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

