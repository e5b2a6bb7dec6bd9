/**
 * The monitoring service's composition root: reads the environment, opens the store and the
 * datasets, listens, schedules the drift jobs and shuts down gracefully on SIGTERM/SIGINT.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import type { Logger } from 'pino';
import { Registry } from 'prom-client';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import type { Config } from './config.js';
import { loadDatasetsConfig } from './datasets/datasets-config.js';
import { driftEngine } from './datasets/drift-engine.js';
import { Ingestor } from './datasets/ingestor.js';
import { openDatasets } from './datasets/open-datasets.js';
import { createCronScheduler } from './jobs/cron-scheduler.js';
import { scheduleJobs } from './datasets/schedule-jobs.js';
import type { ScheduledJob } from './jobs/scheduler.js';
import { capConnections, serverOptions } from '@driftwatch/core/http/server-limits';
import type { LogDamage } from '@driftwatch/core/log/log-damage';
import { createMetrics } from './metrics/metrics.js';
import { collectProcessMetrics } from './metrics/process-metrics.js';
import { SnapshotPublisher } from './metrics/publish-snapshot.js';
import { createStoreMetrics } from './metrics/store-metrics.js';
import type { StoreMetrics } from './metrics/store-metrics.js';
import { EmbeddedStore } from './store/embedded/embedded-store.js';
import { MongoStore } from './store/mongo-store.js';
import type { Store } from './store/store.js';

const bootLog = pino({ base: { service: 'monitoring-service' } });

type Log = Pick<Logger, 'error' | 'fatal' | 'warn'>;

function openStore(config: Config, log: Log, metrics: StoreMetrics): Promise<Store> {
  if (config.mongodbUri) return MongoStore.open(config.mongodbUri, config.retention);
  return EmbeddedStore.open({
    dir: config.dataDir,
    retention: config.retention,
    onError: (error) => log.error({ err: error }, 'store retention failed'),
    onWriteError: (error, dataset) => {
      // Nothing unsynced was acknowledged; writes answer 503 until the log reopens by itself.
      metrics.writeFailures.inc({ dataset });
      log.error({ err: error, dataset }, 'store write failed; refusing writes until it recovers');
    },
    onDamage: (damage, dataset) => logDamage(damage, dataset, log, metrics),
  });
}

function logDamage(damage: LogDamage, dataset: string, log: Log, metrics: StoreMetrics): void {
  const { kind, range } = damage;
  const where = { dataset, file: range.file, offset: range.offset, bytes: range.length };
  const details = { ...where, quarantine: range.quarantinePath };
  if (kind === 'torn') log.warn(details, 'store: cut a torn record left by a crash mid-write');
  else if (range.known) log.warn(details, 'store: skipping damaged records quarantined before');
  else {
    metrics.corruptRecords.inc({ dataset });
    log.error(details, 'store: damaged records failed their checksum; skipped and quarantined');
  }
}

/** Metrics, store and datasets (references fitted, windows rebuilt, a first run done). */
async function openService(config: Config, log: Log) {
  const onError = (error: unknown) => log.error({ err: error }, 'background task failed');
  const registry = new Registry();
  collectProcessMetrics(registry);
  const metrics = createMetrics(registry);
  const publisher = new SnapshotPublisher(metrics);
  const scheduler = createCronScheduler();
  const entries = await loadDatasetsConfig(config.datasetsConfig);
  const storeMetrics = createStoreMetrics(
    registry,
    entries.map((entry) => entry.name),
  );
  const store = await openStore(config, log, storeMetrics);
  const deps = { store, engine: driftEngine, publisher, now: Date.now, onError };
  const datasets = await openDatasets(entries, {
    ...deps,
    checkSchedule: (e) => scheduler.check(e),
  });
  for (const dataset of datasets.values()) await dataset.job.run();
  return { registry, metrics, scheduler, store, datasets };
}

async function listen(app: ReturnType<typeof createApp>, config: Config): Promise<Server> {
  // Deadlines and the connection cap: core/src/http/server-limits.ts.
  const server = capConnections(createServer(serverOptions(), app));
  server.listen(config.port, config.host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve).once('error', reject);
  });
  return server;
}

async function start(): Promise<void> {
  const config = loadConfig(process.env);
  const log = pino({ level: config.logLevel, base: { service: 'monitoring-service' } });
  const { registry, metrics, scheduler, store, datasets } = await openService(config, log);
  let ready = true;
  const app = createApp({
    datasets,
    ingestor: new Ingestor(store, metrics, datasets.keys()),
    registry,
    metrics,
    authToken: config.authToken,
    maxBodyBytes: config.maxBodyBytes,
    maxBatchEvents: config.maxBatchEvents,
    isReady: () => ready,
    now: Date.now,
    newEventId: randomUUID,
    log,
  });
  const server = await listen(app, config);
  const jobs = scheduleJobs(datasets.values(), scheduler);
  const { port } = server.address() as AddressInfo;
  const storeKind = config.mongodbUri ? 'mongodb' : 'embedded';
  log.info({ port, datasets: [...datasets.keys()], store: storeKind }, 'listening');
  const stop = (signal: string) => {
    ready = false;
    log.info({ signal }, 'shutting down');
    shutdown(server, jobs, store, config.shutdownTimeoutMs).then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop).once('SIGINT', stop);
}

/** Stops the jobs, lets in-flight requests finish (up to the timeout), then closes the store. */
async function shutdown(
  server: Server,
  jobs: ScheduledJob[],
  store: Store,
  timeoutMs: number,
): Promise<void> {
  await Promise.all(jobs.map((job) => job.stop()));
  const drained = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const timer = setTimeout(() => server.closeAllConnections(), timeoutMs);
  await drained;
  clearTimeout(timer);
  await store.close();
}

start().catch((error: unknown) => {
  bootLog.fatal({ err: error }, error instanceof Error ? error.message : String(error));
  process.exit(1);
});
