/** Everything the runs of an evaluation share, loaded from the repository as the stack ships it. */
import { join } from 'node:path';
import { loadMonitoredEntry } from './monitoring-side.js';
import { readShippedRules } from './shipped-rules.js';
import type { RunContext } from './simulate-run.js';
import { loadTrafficModel } from './traffic-model.js';

export async function loadRunContext(repoRoot: string): Promise<RunContext> {
  const { entry, engine } = await loadMonitoredEntry(
    join(repoRoot, 'monitoring-service/config/datasets.yaml'),
  );
  const model = await loadTrafficModel(join(repoRoot, 'reference-data/model/model-card.json'));
  const rules = readShippedRules(join(repoRoot, 'prometheus/rules'));
  return { entry, engine, model, rules };
}
