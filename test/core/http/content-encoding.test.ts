import { describe, expect, it } from 'vitest';
import { unsupportedContentEncoding } from '../../../core/src/http/content-encoding.js';

describe('unsupportedContentEncoding', () => {
  it.each([undefined, '', 'identity', 'gzip', 'GZIP', 'deflate'])('accepts %j', (header) =>
    expect(unsupportedContentEncoding(header)).toBeUndefined(),
  );

  it.each([
    ['br', 'br'],
    ['zstd', 'zstd'],
    ['gzip, br', 'gzip, br'],
    ['x'.repeat(500), 'x'.repeat(64)],
  ])('names %j as unsupported', (header, named) =>
    expect(unsupportedContentEncoding(header)).toBe(named),
  );
});
