/**
 * The fake monitoring receiver as its own process (for the benchmark): counts events, answers
 * GET /stats, prints `{"port":N}` once listening. PORT (default 0) picks the port.
 */
import { startFakeMonitoring } from './fake-monitoring.js';

const fake = await startFakeMonitoring(Number(process.env.PORT ?? 0), true);
process.stdout.write(`${JSON.stringify({ port: Number(new URL(fake.url).port) })}\n`);
process.once('SIGTERM', () => {
  void fake.close().then(() => process.exit(0));
});
