import {
  EventBridgeClient,
  PutEventsCommand,
  type PutEventsRequestEntry,
} from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '@apilados/events';
import { PublishError } from './errors.js';
import {
  EventBridgeBus,
  EventTooLargeError,
  MAX_REQUEST_BYTES,
  entrySize,
} from './eventbridge-bus.js';

const event = (n: number, detail: Record<string, unknown> = {}): DomainEvent => ({
  source: 'apilados.intake',
  'detail-type': 'Chunk Ready',
  detail: { n, ...detail },
});

/** A bus on a mocked client, and the entries of every request it sent. */
function busOnMock(
  answer: (entries: PutEventsRequestEntry[]) => {
    FailedEntryCount: number;
    Entries: { EventId?: string; ErrorCode?: string; ErrorMessage?: string }[];
  } = (entries) => ({ FailedEntryCount: 0, Entries: entries.map(() => ({ EventId: 'e' })) }),
) {
  const client = new EventBridgeClient({ region: 'us-east-1' });
  const mock = mockClient(client);
  mock.on(PutEventsCommand).callsFake((input) => answer(input.Entries));
  const waits: number[] = [];
  const bus = new EventBridgeBus({
    client,
    busName: 'apilados-dev',
    sleep: async (ms) => {
      waits.push(ms);
    },
  });
  const requests = () =>
    mock.commandCalls(PutEventsCommand).map((c) => c.args[0].input.Entries ?? []);
  return { bus, requests, waits };
}

const numbers = (entries: PutEventsRequestEntry[]) =>
  entries.map((e) => (JSON.parse(e.Detail!) as { n: number }).n);

describe('EventBridgeBus', () => {
  it('sends an event as an entry on the named bus', async () => {
    const { bus, requests } = busOnMock();

    await bus.publish(event(1));

    expect(requests()).toEqual([[{
      EventBusName: 'apilados-dev',
      Source: 'apilados.intake',
      DetailType: 'Chunk Ready',
      Detail: '{"n":1}',
    }]]);
  });

  it('sends 25 events in requests of 10, 10 and 5, in order', async () => {
    const { bus, requests } = busOnMock();

    await bus.publish(...Array.from({ length: 25 }, (_, i) => event(i + 1)));

    expect(requests().map((r) => r.length)).toEqual([10, 10, 5]);
    expect(requests().flatMap(numbers)).toEqual(
      Array.from({ length: 25 }, (_, i) => i + 1),
    );
  });

  it('starts a new request before the entries would pass 256 KB', async () => {
    const { bus, requests } = busOnMock();
    const padding = 'x'.repeat(100 * 1024);

    await bus.publish(event(1, { padding }), event(2, { padding }), event(3, { padding }));

    expect(requests().map(numbers)).toEqual([[1, 2], [3]]);
    const sizes = requests().map((r) => r.reduce((s, e) => s + entrySize(e), 0));
    expect(sizes.every((s) => s <= MAX_REQUEST_BYTES)).toBe(true);
  });

  it('counts bytes as EventBridge does: source, detail-type, detail, resources, time', () => {
    const size = entrySize({
      Source: 'apilados.intake',
      DetailType: 'Chunk Ready',
      Detail: '{"a":"ñ"}',
      Resources: ['arn:x'],
      Time: new Date(0),
    });

    expect(size).toBe(15 + 11 + 10 + 5 + 14);
  });

  it('refuses an event over 256 KB by name, sending nothing', async () => {
    const { bus, requests } = busOnMock();
    const huge = event(1, { padding: 'x'.repeat(MAX_REQUEST_BYTES) });

    const publishing = bus.publish(event(0), huge);

    await expect(publishing).rejects.toThrow(EventTooLargeError);
    await expect(publishing).rejects.toThrow(
      "'Chunk Ready' event is 262190 bytes, over EventBridge's 262144; " +
        'store the data in the object store and send its key instead',
    );
    expect(requests()).toEqual([]);
  });

  it('retries only the entries EventBridge did not accept, with backoff', async () => {
    let call = 0;
    const { bus, requests, waits } = busOnMock((entries) => {
      call++;
      return call === 1
        ? {
            FailedEntryCount: 2,
            Entries: entries.map((_, i) => (i === 1 || i === 3
              ? { ErrorCode: 'ThrottlingException', ErrorMessage: 'Rate exceeded' }
              : { EventId: `e${i}` })),
          }
        : { FailedEntryCount: 0, Entries: entries.map(() => ({ EventId: 'ok' })) };
    });

    await bus.publish(event(1), event(2), event(3), event(4), event(5));

    expect(requests().map(numbers)).toEqual([[1, 2, 3, 4, 5], [2, 4]]);
    expect(waits).toEqual([100]);
  });

  it('gives up after three tries with a PublishError naming what failed', async () => {
    const { bus, requests, waits } = busOnMock((entries) => ({
      FailedEntryCount: 1,
      Entries: entries.map((e) => ((JSON.parse(e.Detail!) as { n: number }).n === 2
        ? { ErrorCode: 'InternalFailure', ErrorMessage: 'try later' }
        : { EventId: 'ok' })),
    }));

    const publishing = bus.publish(event(1), event(2));

    await expect(publishing).rejects.toThrow(PublishError);
    await expect(publishing).rejects.toThrow(
      '1 event(s) were not accepted by the bus: Chunk Ready: InternalFailure: try later',
    );
    expect(requests().map(numbers)).toEqual([[1, 2], [2], [2]]);
    expect(waits).toEqual([100, 200]);
  });
});
