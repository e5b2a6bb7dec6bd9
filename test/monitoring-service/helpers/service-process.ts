/**
 * Runs the real monitoring service (main.ts) as a child process on port 0 and finds its port in
 * the "listening" log line. For crash tests and benchmarks.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FIXTURES_DIR } from '../../helpers/fixtures.js';
import { type ServiceChild, startServiceChild } from '../../helpers/service-child.js';

export type ServiceProcess = ServiceChild;

/** Writes a datasets file for the toy fixture reference into `dir`; returns its path. */
export async function writeToyDatasets(
  dir: string,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const fixture = join(FIXTURES_DIR, 'monitoring-service');
  const dataset = {
    name: 'toy',
    reference: {
      data: join(fixture, 'toy-reference.csv'),
      schema: join(fixture, 'toy-reference.schema.json'),
    },
    windowSizeEvents: 100,
    minWindowEvents: 20,
    ...extra,
  };
  const path = join(dir, 'datasets.json');
  await writeFile(path, JSON.stringify({ datasets: [dataset] }));
  return path;
}

export function startService(
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<ServiceProcess> {
  return startServiceChild(
    {
      name: 'monitoring service',
      main: 'monitoring-service/src/main.ts',
      listeningMessage: 'listening',
    },
    env,
    timeoutMs,
  );
}
