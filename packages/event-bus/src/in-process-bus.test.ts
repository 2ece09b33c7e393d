import * as v from 'valibot';
import { createEvent, defineEvent, type DomainEvent } from '@apilados/events';
import { describe, expect, it } from 'vitest';
import { InProcessBus, type DeadLetter } from './in-process-bus.js';

const Pinged = defineEvent({
  producer: 'health', detailType: 'Pinged', version: 1,
  description: 'A test event.', detail: { n: v.number() },
});
const Ponged = defineEvent({
  producer: 'health', detailType: 'Ponged', version: 1,
  description: 'Another test event.', detail: { n: v.number() },
});
const FromElsewhere = defineEvent({
  producer: 'intake', detailType: 'Pinged', version: 1,
  description: 'Same detail-type, other source.', detail: { n: v.number() },
});

const ping = (n: number) => createEvent(Pinged, { n });
const pong = (n: number) => createEvent(Ponged, { n });
const numberOf = (e: DomainEvent) => (e.detail as { n: number }).n;

/** A promise with its resolve function, to hold handlers open. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('InProcessBus: delivery', () => {
  it('delivers each event to the matching subscribers only', async () => {
    const bus = new InProcessBus();
    const seen: string[] = [];
    bus.subscribe('pings', [Pinged], async (e) => {
      seen.push(`pings:${numberOf(e)}`);
    });
    bus.subscribe('pongs', [Ponged], async (e) => {
      seen.push(`pongs:${numberOf(e)}`);
    });
    bus.subscribe('both', [Pinged, Ponged], async (e) => {
      seen.push(`both:${numberOf(e)}`);
    });
    await bus.publish(ping(1), pong(2), createEvent(FromElsewhere, { n: 3 }));
    await bus.drain();
    expect(seen.sort()).toEqual(['both:1', 'both:2', 'pings:1', 'pongs:2']);
  });

  it('shows every event to listeners, in order, as published', async () => {
    const bus = new InProcessBus();
    const heard: number[] = [];
    bus.listen((e) => heard.push(numberOf(e)));
    await bus.publish(ping(1), pong(2));
    await bus.publish(createEvent(FromElsewhere, { n: 3 }));
    expect(heard).toEqual([1, 2, 3]);
  });

  it('hands over a copy: later changes by the publisher do not show', async () => {
    const bus = new InProcessBus();
    const got: number[] = [];
    bus.subscribe('s', [Pinged], async (e) => { got.push(numberOf(e)); });
    const event = ping(1);
    await bus.publish(event);
    (event.detail as { n: number }).n = 99;
    await bus.drain();
    expect(got).toEqual([1]);
  });

  it('gives each subscriber its own copy', async () => {
    const bus = new InProcessBus();
    const got: number[] = [];
    bus.subscribe('meddler', [Pinged], async (e) => {
      (e.detail as { n: number }).n = -1;
    });
    bus.subscribe('reader', [Pinged], async (e) => { got.push(numberOf(e)); });
    await bus.publish(ping(7));
    await bus.drain();
    expect(got).toEqual([7]);
  });

  it('delivers nothing when nobody subscribes', async () => {
    const bus = new InProcessBus();
    await bus.publish(ping(1));
    await bus.drain();
    expect(bus.deadLetters).toEqual([]);
  });
});

describe('InProcessBus: concurrency', () => {
  it('runs at most `concurrency` deliveries of a subscriber at once', async () => {
    const bus = new InProcessBus();
    const hold = gate();
    let running = 0;
    let most = 0;
    let done = 0;
    bus.subscribe('s', [Pinged], async () => {
      running++;
      most = Math.max(most, running);
      await hold.opened;
      running--;
      done++;
    }, 2);
    await bus.publish(...[1, 2, 3, 4, 5, 6].map(ping));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(running).toBe(2);
    hold.open();
    await bus.drain();
    expect(most).toBe(2);
    expect(done).toBe(6);
  });

  it('delivers one at a time, in order, by default', async () => {
    const bus = new InProcessBus();
    const order: string[] = [];
    bus.subscribe('s', [Pinged], async (e) => {
      order.push(`start ${numberOf(e)}`);
      await new Promise((resolve) => setTimeout(resolve, 2));
      order.push(`end ${numberOf(e)}`);
    });
    await bus.publish(ping(1), ping(2), ping(3));
    await bus.drain();
    expect(order).toEqual([
      'start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3',
    ]);
  });

  it('bounds each subscriber separately', async () => {
    const bus = new InProcessBus();
    const hold = gate();
    const running = { a: 0, b: 0 };
    for (const name of ['a', 'b'] as const) {
      bus.subscribe(name, [Pinged], async () => {
        running[name]++;
        await hold.opened;
      }, 1);
    }
    await bus.publish(ping(1), ping(2));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(running).toEqual({ a: 1, b: 1 });
    hold.open();
    await bus.drain();
    expect(running).toEqual({ a: 2, b: 2 });
  });
});

describe('InProcessBus: failures', () => {
  it('retries a failed delivery and succeeds without a dead letter', async () => {
    const bus = new InProcessBus();
    let calls = 0;
    bus.subscribe('flaky', [Pinged], async () => {
      calls++;
      if (calls < 3) throw new Error(`failure ${calls}`);
    });
    await bus.publish(ping(1));
    await bus.drain();
    expect(calls).toBe(3);
    expect(bus.deadLetters).toEqual([]);
  });

  it('turns a delivery that fails every attempt into one dead letter', async () => {
    const letters: DeadLetter[] = [];
    const bus = new InProcessBus({ onDeadLetter: (l) => letters.push(l) });
    let calls = 0;
    bus.subscribe('broken', [Pinged], async () => {
      calls++;
      throw new Error(`failure ${calls}`);
    });
    await bus.publish(ping(5));
    await bus.drain();
    expect(calls).toBe(3);
    expect(bus.deadLetters).toEqual([{
      subscriber: 'broken', event: ping(5), error: new Error('failure 3'),
      attempts: 3,
    }]);
    expect(letters).toEqual(bus.deadLetters);
  });

  it('gives every attempt a fresh copy of the event', async () => {
    const bus = new InProcessBus();
    const seen: number[] = [];
    bus.subscribe('meddler', [Pinged], async (e) => {
      seen.push(numberOf(e));
      (e.detail as { n: number }).n += 100;
      throw new Error('no');
    });
    await bus.publish(ping(1));
    await bus.drain();
    expect(seen).toEqual([1, 1, 1]);
    expect(bus.deadLetters[0]!.event).toEqual(ping(1));
  });

  it('honours the number of attempts', async () => {
    const bus = new InProcessBus({ attempts: 1 });
    let calls = 0;
    bus.subscribe('broken', [Pinged], async () => {
      calls++;
      throw new Error('no');
    });
    await bus.publish(ping(1));
    await bus.drain();
    expect(calls).toBe(1);
    expect(bus.deadLetters.map((l) => l.attempts)).toEqual([1]);
  });

  it('keeps delivering other events and subscribers after a failure', async () => {
    const bus = new InProcessBus({ attempts: 2 });
    const got: number[] = [];
    bus.subscribe('picky', [Pinged], async (e) => {
      if (numberOf(e) === 1) throw new Error('not one');
      got.push(numberOf(e));
    });
    bus.subscribe('other', [Pinged], async (e) => { got.push(10 + numberOf(e)); });
    await bus.publish(ping(1), ping(2));
    await bus.drain();
    expect(got.sort((a, b) => a - b)).toEqual([2, 11, 12]);
    expect(bus.deadLetters.map((l) => numberOf(l.event))).toEqual([1]);
  });

  it('survives a dead-letter callback that throws', async () => {
    const bus = new InProcessBus({
      attempts: 1,
      onDeadLetter: () => { throw new Error('logger down'); },
    });
    bus.subscribe('broken', [Pinged], async () => { throw new Error('no'); });
    await bus.publish(ping(1));
    await bus.drain();
    // Give an unhandled rejection, if any, the chance to surface.
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(bus.deadLetters).toHaveLength(1);
  });
});

describe('InProcessBus: drain', () => {
  it('resolves at once when nothing is pending', async () => {
    await new InProcessBus().drain();
  });

  it('waits for deliveries cascaded from handlers', async () => {
    const bus = new InProcessBus();
    const got: string[] = [];
    bus.subscribe('first', [Pinged], async (e) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      got.push(`ping ${numberOf(e)}`);
      await bus.publish(pong(numberOf(e) + 1));
    });
    bus.subscribe('second', [Ponged], async (e) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      got.push(`pong ${numberOf(e)}`);
      if (numberOf(e) < 4) await bus.publish(ping(numberOf(e) + 1));
    });
    await bus.publish(ping(1));
    await bus.drain();
    expect(got).toEqual(['ping 1', 'pong 2', 'ping 3', 'pong 4']);
  });

  it('waits for retries to finish', async () => {
    const bus = new InProcessBus({ attempts: 3 });
    let calls = 0;
    bus.subscribe('slow', [Pinged], async () => {
      calls++;
      await new Promise((resolve) => setTimeout(resolve, 5));
      throw new Error('no');
    });
    await bus.publish(ping(1));
    await bus.drain();
    expect(calls).toBe(3);
    expect(bus.deadLetters).toHaveLength(1);
  });
});
