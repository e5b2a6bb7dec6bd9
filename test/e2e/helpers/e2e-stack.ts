/**
 * The local stack as the end-to-end test runs it: the launcher's own start-up code on free
 * loopback ports and temp directories, with time compressed: 1 s scrape and evaluation, `for:`
 * durations divided by FOR_FACTOR, 1 s Alertmanager grouping, a 100-event drift window
 * recomputed every second.
 *
 * The model and reference are a small forest trained on the simulator (the sender scenario
 * tests' helper), not the committed reference-data/ ones: the committed reference table is cut
 * from ~230 s sessions at hop 75 while the sender streams 150 s sessions at hop 151, and on
 * 200-event windows that difference alone makes over half of the features drift in baseline
 * traffic, so a baseline without drift alerts could not be tested against it.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LocalStack, startLocalStack } from '../../../stack/src/local-stack.js';
import type { PrometheusBinaries, StackConfig } from '../../../stack/src/stack-config.js';
import { buildScenarioModel, type ScenarioModel } from '../../sender/helpers/scenario-model.js';
import { CHILDREN_FROM_BUILD } from '../../helpers/child-entry.js';
import { writeCompressedRules } from './compressed-rules.js';
import { freeLocalPorts } from './free-ports.js';

/** 1m → 5 s, 2m → 10 s, 5m → 25 s. */
export const FOR_FACTOR = 12;
/** The drift window, and the number of devices: each device has one window in it at a time. */
export const WINDOW_EVENTS = 100;
/** Traffic rate: the window turns over every 10 s, as at 200 devices and 20 windows/s. */
export const WINDOWS_PER_S = 10;

export interface E2eStack {
  readonly stack: LocalStack;
  readonly predictionUrl: string;
  readonly monitoringUrl: string;
  readonly prometheusUrl: string;
  readonly token: string;
  close(): Promise<void>;
}

function writeDatasets(dir: string, model: ScenarioModel): string {
  const path = join(dir, 'datasets.json');
  const dataset = {
    name: 'exercise_group',
    reference: { data: model.referenceCsvPath, schema: model.referenceSchemaPath },
    windowSizeEvents: WINDOW_EVENTS,
    minWindowEvents: 50,
    schedule: '*/1 * * * * *',
  };
  writeFileSync(path, JSON.stringify({ datasets: [dataset] }));
  return path;
}

async function configFor(dir: string, model: ScenarioModel, bin: PrometheusBinaries) {
  const rulesDir = join(dir, 'rules');
  mkdirSync(rulesDir);
  const config: StackConfig = {
    ports: await freeLocalPorts(),
    dataDir: join(dir, 'stack'),
    authToken: randomBytes(16).toString('hex'),
    modelPath: model.cardPath,
    datasetsConfig: writeDatasets(dir, model),
    binaries: bin,
    prometheusTiming: { intervalS: 1, ruleFiles: writeCompressedRules(rulesDir, FOR_FACTOR) },
    alertmanagerTiming: { groupWaitS: 1, groupIntervalS: 2, repeatIntervalS: 3600 },
    readyTimeoutMs: 60_000,
    stopGraceMs: 5000,
    servicesFrom: process.env[CHILDREN_FROM_BUILD] === '1' ? 'build' : 'source',
  };
  return config;
}

export async function startE2eStack(bin: PrometheusBinaries): Promise<E2eStack> {
  const dir = mkdtempSync(join(tmpdir(), 'driftwatch-e2e-'));
  let model: ScenarioModel | undefined;
  const cleanUp = () => {
    if (model) rmSync(model.dir, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    model = buildScenarioModel();
    const config = await configFor(dir, model, bin);
    const stack = await startLocalStack(config);
    const local = (port: number) => `http://127.0.0.1:${port}`;
    return {
      stack,
      predictionUrl: local(config.ports.prediction),
      monitoringUrl: local(config.ports.monitoring),
      prometheusUrl: local(config.ports.prometheus),
      token: config.authToken,
      close: async () => {
        await stack.stop();
        cleanUp();
      },
    };
  } catch (error) {
    cleanUp();
    throw error;
  }
}
