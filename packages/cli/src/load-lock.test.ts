import { describe, expect, it } from 'vitest';
import { lockCmsLoads, lockName } from './load-lock.js';

const url = () => `http://127.0.0.1:1/lock-test-${process.pid}-${Math.random()}`;

describe('lockCmsLoads', () => {
  it('makes a second load into the same CMS wait until the first releases', async () => {
    const cms = url();
    const events: string[] = [];
    const releaseFirst = await lockCmsLoads(cms, () => events.push('first waited'));

    const second = lockCmsLoads(cms, () => events.push('second waits')).then((release) => {
      events.push('second holds');
      return release;
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    events.push('first releases');
    await releaseFirst();
    await (await second)();

    expect(events).toEqual(['second waits', 'first releases', 'second holds']);
  });

  it('lets loads into two different CMSs run at once', async () => {
    const waited: string[] = [];

    const a = await lockCmsLoads(url(), () => waited.push('a'));
    const b = await lockCmsLoads(url(), () => waited.push('b'));
    await a();
    await b();

    expect(waited).toEqual([]);
  });
});

describe('lockName', () => {
  it('spells one CMS one way whatever the case, default port or trailing slash', () => {
    expect(lockName('HTTP://CMS.Example.org:80/')).toBe('http://cms.example.org');
    expect(lockName('https://cms.example.org:443/api/')).toBe('https://cms.example.org/api');
    expect(lockName('http://127.0.0.1:1337')).toBe('http://127.0.0.1:1337');
  });
});
