import { describe, expect, it } from 'vitest';
import { bearerAuthorization, bearerTokenCheck } from '../../../core/src/http/bearer-token.js';

describe('bearerTokenCheck', () => {
  const check = bearerTokenCheck('s3cret');

  it.each(['Bearer s3cret', 'bearer s3cret', 'BEARER s3cret', 'Bearer  s3cret', 'bEaReR s3cret '])(
    'accepts %j: the scheme is case-insensitive and spaces before the token are allowed',
    (header) => expect(check(header)).toBe(true),
  );

  it.each([
    undefined,
    '',
    'Bearer',
    'Bearer ',
    's3cret',
    'Basic s3cret',
    'Bearer s3cre',
    'Bearer s3crett',
    'Bearer S3CRET',
    'Bearer s3cret extra',
    'Bearers3cret',
  ])('rejects %j', (header) => expect(check(header)).toBe(false));
});

describe('bearerAuthorization', () => {
  it('builds the header value that the check accepts', () => {
    expect(bearerAuthorization('s3cret')).toBe('Bearer s3cret');
    expect(bearerTokenCheck('s3cret')(bearerAuthorization('s3cret'))).toBe(true);
  });
});
