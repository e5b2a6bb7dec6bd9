import { describe, expect, it } from 'vitest';
import { bodyReadFailure } from '../../../core/src/http/body-read-failure.js';

describe('bodyReadFailure', () => {
  it.each([
    [{ type: 'entity.too.large', status: 413 }, 'too_large'],
    [{ type: 'encoding.unsupported', status: 415 }, 'unsupported_encoding'],
    [{ type: 'charset.unsupported', status: 415 }, 'unsupported_encoding'],
    [{ type: 'entity.parse.failed', status: 400 }, 'not_json'],
    [Object.assign(new Error('incorrect header check'), { status: 400 }), 'undecodable'],
  ])('reads %j as %s', (error, kind) => expect(bodyReadFailure(error)).toBe(kind));

  it.each([[new Error('boom')], [{ type: 'entity.verify.failed', status: 403 }], [null], ['text']])(
    'leaves %j to the caller',
    (error) => expect(bodyReadFailure(error)).toBeUndefined(),
  );
});
