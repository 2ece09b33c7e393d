import { describe, expect, it } from 'vitest';
import { retryAfterMs } from './strapi-retry-after.js';

describe('retryAfterMs', () => {
  it('reads delay seconds as milliseconds', () => {
    expect(retryAfterMs('2')).toBe(2000);
    expect(retryAfterMs(' 1.5 ')).toBe(1500);
    expect(retryAfterMs('0')).toBe(0);
  });

  it('reads an HTTP date as the time left until it', () => {
    const now = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');

    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:03 GMT', now)).toBe(3000);
  });

  it('waits nothing for a date already past', () => {
    const now = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');

    expect(retryAfterMs('Wed, 21 Oct 2015 07:27:00 GMT', now)).toBe(0);
  });

  it('ignores an absent or unreadable header', () => {
    expect(retryAfterMs(null)).toBeUndefined();
    expect(retryAfterMs('')).toBeUndefined();
    expect(retryAfterMs('soon')).toBeUndefined();
    expect(retryAfterMs('-3')).toBeUndefined();
  });
});
