import { describe, expect, it } from 'vitest';
import { PREDICTION_NODE_FLAGS } from '../../../prediction-service/src/node-flags.js';
import { monitoringSpec, predictionSpec } from '../../../sender/src/stack/process-specs.js';
import { defaultStackConfig } from '../../../sender/src/stack/stack-config.js';

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
    expect(args.slice(0, 2)).toEqual(['--import', 'tsx']);
  });
});
