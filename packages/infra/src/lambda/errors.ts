/** Thrown when a Lambda receives something that is not the event it takes. */
export class UnexpectedEventError extends Error {
  override readonly name = 'UnexpectedEventError';

  constructor(
    readonly service: string,
    readonly expected: string,
    readonly problems: string[],
  ) {
    super(
      `${service} expected ${expected}: ${problems.slice(0, 5).join('; ')}`,
    );
  }
}

/** Thrown when a linked resource or secret is missing from the function. */
export class MissingResourceError extends Error {
  override readonly name = 'MissingResourceError';

  constructor(
    readonly resource: string,
    readonly hint: string,
  ) {
    super(`resource '${resource}' is not available to this function: ${hint}`);
  }
}
