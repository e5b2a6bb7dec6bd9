import { describe, expect, it } from 'vitest';
import { featuresBySeverity } from '../../../core/src/drift/severity-order.js';

const feature = (statistic: number, pValue: number, drifted: boolean) => ({
  ks: { statistic, pValue },
  psi: 0,
  drifted,
});

describe('featuresBySeverity', () => {
  it('puts drifted features first, then larger KS D, then smaller p, then the name', () => {
    const features = {
      calm: feature(0.9, 0.2, false),
      b_tie: feature(0.3, 0.01, true),
      a_tie: feature(0.3, 0.01, true),
      loud: feature(0.5, 1e-9, true),
      low_p: feature(0.3, 0.001, true),
      quiet: feature(0.1, 0.8, false),
    };
    expect(featuresBySeverity({ features })).toEqual([
      'loud',
      'low_p',
      'a_tie',
      'b_tie',
      'calm',
      'quiet',
    ]);
  });
});
