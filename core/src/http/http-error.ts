/**
 * The one error class of both services. Each service keeps its own catalogue of codes (HTTP
 * status and default message per code) and builds its errors from it with `errorFactory`; the
 * one writer (`write-http-error.ts`) answers every error as
 * `{ "error": { "code", "message", ...context, "field"? } }`.
 */

/** What one error code means: the HTTP status it is answered with and its default message. */
export interface ErrorSpec {
  readonly status: number;
  readonly message: string;
}

/** A service's error catalogue: every error it answers has one of these codes. */
export type ErrorCatalogue<Code extends string> = Readonly<Record<Code, ErrorSpec>>;

export interface HttpErrorOptions {
  /** Path of the offending input field, e.g. `signals.gyro_x[17]` or `events`. */
  readonly field?: string;
  /** Sent as the `Retry-After` header: how long the client should wait before trying again. */
  readonly retryAfterSeconds?: number;
  /**
   * Further members of the error body that a service documents, e.g. which window of a batch
   * the error is about. Their names must not be `code`, `message` or `field`.
   */
  readonly context?: Readonly<Record<string, unknown>>;
}

const RESERVED = ['code', 'message', 'field'];

export class HttpError<Code extends string = string> extends Error {
  override name = 'HttpError';
  readonly status: number;
  readonly field: string | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly context: Readonly<Record<string, unknown>> | undefined;

  /** Throws RangeError when `context` uses a reserved member name. */
  constructor(
    readonly code: Code,
    status: number,
    message: string,
    options: HttpErrorOptions = {},
  ) {
    super(message);
    const clash = Object.keys(options.context ?? {}).find((key) => RESERVED.includes(key));
    if (clash) throw new RangeError(`HttpError context must not set "${clash}"`);
    this.status = status;
    this.field = options.field;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.context = options.context;
  }

  /** The `error` member of the JSON answer. */
  toBody(): Record<string, unknown> {
    const body: Record<string, unknown> = { code: this.code, message: this.message };
    Object.assign(body, this.context);
    if (this.field !== undefined) body.field = this.field;
    return body;
  }
}

export type HttpErrorFactory<Code extends string> = (
  code: Code,
  message?: string,
  options?: HttpErrorOptions,
) => HttpError<Code>;

/** Binds a catalogue: errors get their status from it, and its message unless one is given. */
export function errorFactory<Code extends string>(
  catalogue: ErrorCatalogue<Code>,
): HttpErrorFactory<Code> {
  return (code, message, options) => {
    const spec = catalogue[code];
    return new HttpError(code, spec.status, message ?? spec.message, options);
  };
}
