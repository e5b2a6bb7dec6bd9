/**
 * What went wrong while a request body was read, from the error the body reader (express's
 * `raw`/`json` and the services' own chunk reader) attaches: its `type`, or status 400 for a body
 * that could not be decoded (e.g. gzip that does not inflate). Undefined for any other error,
 * which is then not the client's fault. Each service maps the kind onto its own catalogue.
 */
export type BodyReadFailure = 'too_large' | 'unsupported_encoding' | 'not_json' | 'undecodable';

export function bodyReadFailure(error: unknown): BodyReadFailure | undefined {
  const { type, status } = (error ?? {}) as { type?: unknown; status?: unknown };
  if (type === 'entity.too.large') return 'too_large';
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return 'unsupported_encoding';
  }
  if (type === 'entity.parse.failed') return 'not_json';
  return status === 400 ? 'undecodable' : undefined;
}
