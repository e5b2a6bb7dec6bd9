/** Ephemeral loopback ports for a test stack, never the default ports a developer may be using. */
import { createServer } from 'node:net';
import type { LocalPorts } from '../../../stack/src/local-stack-configs.js';

const RESERVED = new Set([9090, 9093, 9094, 9696, 8085, 3000, 27017]);

function ephemeralPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Four distinct free ports (free when asked; the stack's preflight checks them again). */
export async function freeLocalPorts(): Promise<LocalPorts> {
  const ports = new Set<number>();
  while (ports.size < 4) {
    const port = await ephemeralPort();
    if (!RESERVED.has(port)) ports.add(port);
  }
  const [prediction, monitoring, prometheus, alertmanager] = [...ports] as [
    number,
    number,
    number,
    number,
  ];
  return { prediction, monitoring, prometheus, alertmanager };
}
