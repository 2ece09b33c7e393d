/** Thrown when an object does not exist. */
export class ObjectNotFoundError extends Error {
  override readonly name = 'ObjectNotFoundError';

  constructor(
    readonly key: string,
    readonly store: string,
  ) {
    super(`no object '${key}' in ${store}`);
  }
}

/** Thrown for a key that would escape the store, e.g. with `..`. */
export class InvalidKeyError extends Error {
  override readonly name = 'InvalidKeyError';

  constructor(readonly key: string) {
    super(`invalid object key '${key}': use '/'-separated names without '..'`);
  }
}
