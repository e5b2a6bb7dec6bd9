/**
 * Memory one monitored dataset holds (`npm run bench -- memory-per-dataset`), at the default
 * window sizes of the shipped exercise dataset: its reference profile (fitted from
 * `reference-data/reference.csv`, the table itself dropped afterwards as the service does), its
 * two sliding windows full (500 current events and 500 other labelled events, each parsed from
 * JSON as the service receives them: 65 features, 12 monitored columns, 12 probabilities), and
 * the calibrations and latest run one scheduled drift run leaves cached. Separately, what the
 * embedded store keeps per retained event, in its in-memory index and in its log on disk. Each
 * memory figure is the growth of `heapUsed + arrayBuffers` after a full garbage collection,
 * divided by the copies held.
 */
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { loadDatasetsConfig } from '../../monitoring-service/src/datasets/datasets-config.js';
import { driftEngine } from '../../monitoring-service/src/datasets/drift-engine.js';
import {
  defineDataset,
  testedColumns,
} from '../../monitoring-service/src/datasets/monitored-dataset.js';
import { loadReferenceSchema } from '../../monitoring-service/src/datasets/reference-schema.js';
import type { DriftTable } from '../../core/src/drift/engine-api.js';
import { NullCalibrator } from '../../core/src/drift/null-calibrator.js';
import { buildSnapshot } from '../../monitoring-service/src/snapshots/build-snapshot.js';
import { EmbeddedStore } from '../../monitoring-service/src/store/embedded/embedded-store.js';
import type { StoredEvent } from '../../monitoring-service/src/store/store.js';
import { DatasetWindows } from '../../monitoring-service/src/windows/dataset-windows.js';

const DATASETS_FILE = fileURLToPath(
  new URL('../../monitoring-service/config/datasets.yaml', import.meta.url),
);
/** Copies of each structure held at once; the figures are per copy. */
const COPIES = 4;
const DEVICES = 200;
const STORE_EVENTS = 20_000;
const STORE_BATCH = 1_000;

/** A full collection: node's own `gc` when exposed, else one enabled for this process. */
function collector(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

const gc = collector();

function usedBytes(): number {
  gc();
  gc();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

/** Bytes per copy that `build` keeps alive, measured over COPIES copies held at once. */
function perCopy<T>(build: (copy: number) => T): { bytes: number; kept: T[] } {
  const before = usedBytes();
  const kept = Array.from({ length: COPIES }, (_, copy) => build(copy));
  return { bytes: (usedBytes() - before) / COPIES, kept };
}

type Definition = ReturnType<typeof defineDataset>;

/** Row `row` of the reference as the JSON text of an event, as it arrives over HTTP. */
function eventJson(
  table: DriftTable,
  definition: Definition,
  row: number,
  id: string,
  labelled: boolean,
): string {
  const pick = (names: readonly string[]) =>
    Object.fromEntries(names.map((name) => [name, table.features[name]![row]!]));
  const label = labelled ? table.target?.[row] : undefined;
  return JSON.stringify({
    eventId: id,
    timestamp: '2026-01-01T00:00:00.000Z',
    features: pick(definition.featureNames),
    monitored: pick(definition.monitoredColumns),
    prediction: table.prediction![row]!,
    probabilities: table.probabilities?.[row] ?? undefined,
    ...(label ? { label } : {}),
    metadata: { deviceId: `device-${row % DEVICES}` },
  });
}

function storedEvents(
  table: DriftTable,
  definition: Definition,
  first: number,
  count: number,
  labelled = true,
): StoredEvent[] {
  return Array.from({ length: count }, (_, i) => {
    const row = (first + i) % table.rowCount;
    const event = JSON.parse(
      eventJson(table, definition, row, `e${first + i}`, labelled),
    ) as StoredEvent;
    event.receivedAtMs = first + i;
    return event;
  });
}

/** Total size of the files under `dir`. */
async function bytesUnder(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile());
  const sizes = await Promise.all(files.map((f) => stat(join(f.parentPath, f.name))));
  return sizes.reduce((sum, s) => sum + s.size, 0);
}

/** What the embedded store keeps per event: in-memory index bytes and log bytes on disk. */
async function storeBytesPerEvent(table: DriftTable, definition: Definition) {
  const dir = await mkdtemp(join(tmpdir(), 'memory-bench-'));
  const retention = { maxAgeMs: 1e12, maxEventsPerDataset: 10 * STORE_EVENTS };
  const store = await EmbeddedStore.open({ dir, retention });
  try {
    await store.appendEvents('bench', storedEvents(table, definition, 0, 10));
    const before = usedBytes();
    for (let first = 10; first < STORE_EVENTS + 10; first += STORE_BATCH) {
      await store.appendEvents('bench', storedEvents(table, definition, first, STORE_BATCH));
    }
    const indexBytes = (usedBytes() - before) / STORE_EVENTS;
    return { indexBytes, diskBytes: (await bytesUnder(dir)) / (STORE_EVENTS + 10) };
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

export default async function memoryPerDatasetBench(): Promise<Record<string, unknown>> {
  const [entry] = await loadDatasetsConfig(DATASETS_FILE);
  if (!entry) throw new Error('memory-per-dataset bench: the datasets file lists no dataset');
  const definition = defineDataset(entry, await loadReferenceSchema(entry.reference.schema));
  const size = definition.windowSizeEvents;
  const table = await driftEngine.readReferenceTable(entry.reference.data, definition);
  const columns = testedColumns(definition);

  const profiles = perCopy(() => driftEngine.fitReferenceProfile(table, columns));
  const profile = profiles.kept[0]!;
  const windows = perCopy((copy) => {
    const held = new DatasetWindows(size);
    const first = copy * 2 * size;
    held.addEvents(storedEvents(table, definition, first, size, false));
    held.addEvents(storedEvents(table, definition, first + size, size));
    return held;
  });
  const held = windows.kept[0]!;
  const runs = perCopy(() => {
    const calibrator = new NullCalibrator(profile.nullSource!);
    const snapshot = buildSnapshot({
      profile,
      calibrator,
      current: held.current.values(),
      labelled: held.labelled.values(),
      minWindowEvents: definition.minWindowEvents,
      options: definition.reportOptions,
      computeDriftReport: driftEngine.computeDriftReport,
      computeLabelQuality: driftEngine.computeLabelQuality,
    });
    return { calibrator, snapshot };
  });
  const store = await storeBytesPerEvent(table, definition);
  const perDataset = profiles.bytes + windows.bytes + runs.bytes;
  return {
    referenceRows: table.rowCount,
    testedColumns: columns.length,
    windowSizeEvents: size,
    labelledEventsHeld: held.labelled.values().length,
    copiesPerFigure: COPIES,
    profileMiB: mib(profiles.bytes),
    windowsMiB: mib(windows.bytes),
    runCachesMiB: mib(runs.bytes),
    perDatasetMiB: mib(perDataset),
    storeIndexBytesPerEvent: Math.round(store.indexBytes),
    storeDiskBytesPerEvent: Math.round(store.diskBytes),
    note: 'heapUsed + arrayBuffers growth after a full GC, per copy; store index measured over 20 000 appended events',
  };
}

function mib(bytes: number): number {
  return Math.round((bytes / 2 ** 20) * 100) / 100;
}
