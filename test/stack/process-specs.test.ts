import { describe, expect, it } from 'vitest';
import { PREDICTION_NODE_FLAGS } from '../../prediction-service/src/node-flags.js';
import { monitoringSpec, predictionSpec } from '../../stack/src/process-specs.js';
import { defaultStackConfig } from '../../stack/src/stack-config.js';

describe('stack process specs', () => {
  const config = defaultStackConfig({}, false);

  it('starts the prediction service with its node options, before the entry point', () => {
    const { args } = predictionSpec(config);
    expect(PREDICTION_NODE_FLAGS.length).toBeGreaterThan(0);
    expect(args.slice(0, PREDICTION_NODE_FLAGS.length)).toEqual(PREDICTION_NODE_FLAGS);
    expect(args.at(-1)).toMatch(/prediction-service\/src\/main\.ts$/);
  });

  it('starts the monitoring service without them', () => {
    const { args } = monitoringSpec(config);
    // From the sources, as the tests run it: tsx with the packages' `source` condition.
    expect(args.slice(0, 3)).toEqual(['--conditions=source', '--import', 'tsx']);
    expect(args.at(-1)).toMatch(/monitoring-service\/src\/main\.ts$/);
  });
});
