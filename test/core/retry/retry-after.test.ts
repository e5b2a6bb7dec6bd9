import { describe, expect, it } from 'vitest';
import { parseRetryAfterMs } from '../../../core/src/retry/retry-after.js';

const now = Date.parse('2024-05-01T12:00:00Z');

describe('parseRetryAfterMs', () => {
  it('reads delay-seconds', () => {
    expect(parseRetryAfterMs('3', now)).toBe(3000);
    expect(parseRetryAfterMs(' 0 ', now)).toBe(0);
  });

  it('reads an HTTP-date relative to now, and a past date as no wait', () => {
    expect(parseRetryAfterMs('Wed, 01 May 2024 12:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfterMs('Wed, 01 May 2024 11:00:00 GMT', now)).toBe(0);
  });

  it.each([null, undefined, '', '-1', '1.5', 'soon', '2024-05-01T12:00:05Z'])(
    'ignores %j',
    (value) => expect(parseRetryAfterMs(value, now)).toBeUndefined(),
  );
});
