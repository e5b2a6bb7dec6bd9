import { once } from 'node:events';
import { createServer } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import {
  capConnections,
  SERVER_LIMITS,
  serverOptions,
} from '../../../core/src/http/server-limits.js';

describe('server limits', () => {
  it('sets every deadline and the connection cap deliberately', () => {
    const server = capConnections(createServer(serverOptions(), () => undefined));
    expect(server.headersTimeout).toBe(SERVER_LIMITS.headersTimeoutMs);
    expect(server.requestTimeout).toBe(SERVER_LIMITS.requestTimeoutMs);
    expect(server.keepAliveTimeout).toBe(SERVER_LIMITS.keepAliveTimeoutMs);
    expect(server.maxConnections).toBe(SERVER_LIMITS.maxConnections);
    expect(SERVER_LIMITS.headersTimeoutMs).toBeLessThanOrEqual(SERVER_LIMITS.requestTimeoutMs);
  });

  it('answers 408 and closes a connection whose headers never finish', async () => {
    const limits = {
      ...SERVER_LIMITS,
      headersTimeoutMs: 200,
      requestTimeoutMs: 400,
      checkIntervalMs: 50,
    };
    const server = capConnections(
      createServer(serverOptions(limits), (_req, res) => res.end()),
      limits,
    );
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const socket = connect((server.address() as AddressInfo).port, '127.0.0.1');
    socket.write('POST / HTTP/1.1\r\nHost: x\r\nX-Slow: ');
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk.toString();
    });
    await once(socket, 'close');
    server.close();
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });
});
