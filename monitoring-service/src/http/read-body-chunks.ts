/**
 * Reads a request body into `req.body` as the list of chunks it arrived in, inflating `gzip` and
 * `deflate`, without joining them (see byte-chunks.ts). At most `limitBytes` after inflating: a
 * declared Content-Length above it is refused before anything is read, a longer body as soon as
 * it goes past. Failures carry the `type` or `status` that toAppError maps: `entity.too.large`
 * is a 413; a body that does not inflate, or a request cut short, a 400. Content-Encoding values
 * other than those are refused earlier (core/src/http/content-encoding.ts).
 */
import type { Readable } from 'node:stream';
import { createGunzip, createInflate } from 'node:zlib';
import type { Request, RequestHandler } from 'express';

export function readBodyChunks(limitBytes: number): RequestHandler {
  return (req, _res, next) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limitBytes) {
      req.resume();
      return next(tooLarge(limitBytes));
    }
    const stream = decoded(req);
    const chunks: Buffer[] = [];
    let received = 0;
    let settled = false;
    const settle = (error?: Error) => {
      if (settled) return;
      settled = true;
      stream.removeListener('data', onData);
      if (error) {
        // Whatever is left of the request is read and dropped, so the connection stays usable.
        req.unpipe();
        req.resume();
        return next(error);
      }
      req.body = chunks;
      next();
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limitBytes) settle(tooLarge(limitBytes));
      else chunks.push(chunk);
    };
    stream.on('data', onData);
    stream.once('end', () => settle());
    stream.once('error', (error) => settle(badBody(error.message)));
    req.once('error', (error) => settle(badBody(error.message)));
    req.once('close', () => {
      if (!req.complete) settle(badBody('the request ended before its body was complete'));
    });
  };
}

function decoded(req: Request): Readable {
  const encoding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (encoding === 'gzip') return req.pipe(createGunzip());
  if (encoding === 'deflate') return req.pipe(createInflate());
  return req;
}

function tooLarge(limitBytes: number): Error {
  const message = `the request body is larger than ${limitBytes} bytes`;
  return Object.assign(new Error(message), { type: 'entity.too.large', status: 413 });
}

function badBody(message: string): Error {
  return Object.assign(new Error(message), { status: 400 });
}
