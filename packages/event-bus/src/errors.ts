/** Thrown when events could not be handed to the bus after retries. */
export class PublishError extends Error {
  override readonly name = 'PublishError';

  constructor(
    readonly failed: { detailType: string; reason: string }[],
  ) {
    const first = failed[0];
    super(
      `${failed.length} event(s) were not accepted by the bus` +
        (first ? `: ${first.detailType}: ${first.reason}` : ''),
    );
  }
}
