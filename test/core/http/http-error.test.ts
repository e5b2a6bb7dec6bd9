import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { errorFactory, HttpError } from '../../../core/src/http/http-error.js';
import { writeHttpError } from '../../../core/src/http/write-http-error.js';

const errors = errorFactory({
  bad_thing: { status: 400, message: 'the thing is bad' },
  unauthorized: { status: 401, message: 'a token is required' },
  busy: { status: 503, message: 'busy' },
});

describe('errorFactory', () => {
  it('takes the status and default message from the catalogue', () => {
    const error = errors('bad_thing');
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ name: 'HttpError', code: 'bad_thing', status: 400 });
    expect(error.message).toBe('the thing is bad');
    expect(errors('bad_thing', 'worse').message).toBe('worse');
  });

  it('puts context members and the field into the body, in that order', () => {
    const error = errors('bad_thing', 'no', { context: { window: { index: 2 } }, field: 'x' });
    expect(JSON.stringify(error.toBody())).toBe(
      '{"code":"bad_thing","message":"no","window":{"index":2},"field":"x"}',
    );
    expect(errors('busy').toBody()).toEqual({ code: 'busy', message: 'busy' });
  });

  it('refuses context members that would overwrite code, message or field', () => {
    expect(() => errors('busy', undefined, { context: { code: 'x' } })).toThrow(/"code"/);
    expect(() => errors('busy', undefined, { context: { field: 'x' } })).toThrow(RangeError);
  });
});

describe('writeHttpError', () => {
  let server: Server | undefined;
  afterEach(
    () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
  );

  async function answer(
    error: HttpError,
    beforeWrite?: (res: import('node:http').ServerResponse) => void,
  ) {
    server = createServer((_req, res) => {
      beforeWrite?.(res);
      writeHttpError(res, error);
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return fetch(`http://127.0.0.1:${port}/`);
  }

  it('answers the status and the JSON error body', async () => {
    const res = await answer(errors('bad_thing', undefined, { field: 'f' }));
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await res.json()).toEqual({
      error: { code: 'bad_thing', message: 'the thing is bad', field: 'f' },
    });
  });

  it('sends Retry-After when the error carries one, and asks for a bearer token on 401', async () => {
    const busy = await answer(errors('busy', undefined, { retryAfterSeconds: 2 }));
    expect(busy.headers.get('retry-after')).toBe('2');
    server?.close();
    const denied = await answer(errors('unauthorized'));
    expect(denied.headers.get('www-authenticate')).toBe('Bearer');
    expect(denied.headers.get('retry-after')).toBeNull();
  });

  it('closes the connection when the answer has already begun', async () => {
    const result = answer(errors('busy'), (res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('partial');
    });
    await expect(result.then((res) => res.text())).rejects.toThrow();
  });
});
