/**
 * The connection limits both services listen with, chosen rather than left at Node's defaults
 * (no request deadline and no connection cap, so a client sending its headers or body slowly
 * could hold a connection, and a file descriptor, for as long as it liked).
 *
 * - headers must arrive within 10 s of a request's start, the whole request within 60 s (a
 *   16 MiB body at about 2 Mbit/s); the server answers 408 and closes the connection otherwise;
 * - an idle keep-alive connection is closed after 65 s, longer than the idle timeouts of the
 *   usual clients and proxies (60 s), so the server never closes a socket a client is about to
 *   reuse;
 * - at most 1000 connections at once; further ones are refused until some close;
 * - the deadlines are checked every second.
 */
import type { Server, ServerOptions } from 'node:http';

export interface ServerLimits {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  maxConnections: number;
  checkIntervalMs: number;
}

export const SERVER_LIMITS: Readonly<ServerLimits> = Object.freeze({
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 60_000,
  keepAliveTimeoutMs: 65_000,
  maxConnections: 1000,
  checkIntervalMs: 1000,
});

/** Options for `http.createServer` carrying `limits` (the deadlines are only read there). */
export function serverOptions(limits: ServerLimits = SERVER_LIMITS): ServerOptions {
  return {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    connectionsCheckingInterval: limits.checkIntervalMs,
  };
}

/** Sets what can only be set on the created server: the connection cap. */
export function capConnections(server: Server, limits: ServerLimits = SERVER_LIMITS): Server {
  server.maxConnections = limits.maxConnections;
  return server;
}
