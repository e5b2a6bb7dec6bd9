import { describe, expect, it } from 'vitest';
import { calibrateNull, type NullSource } from '../../../core/src/drift/null-calibration.js';
import { NullCalibrator, roundedShape } from '../../../core/src/drift/null-calibrator.js';
import { createRng } from '../../../core/src/random/prng.js';

/** `groups` groups of `size` rows; within a group rows share a level (`alike` of the spread). */
function source(groups: number, size: number, alike: number, seed = 1): NullSource {
  const random = createRng(seed).next;
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const values: number[] = [];
  const classes: string[] = [];
  const members: Int32Array[] = [];
  for (let g = 0; g < groups; g++) {
    const level = normal();
    const cls = `c${Math.floor(random() * 4)}`;
    members.push(Int32Array.from({ length: size }, (_, i) => g * size + i));
    for (let i = 0; i < size; i++) {
      values.push(alike * level + Math.sqrt(1 - alike * alike) * normal());
      classes.push(alike === 1 ? cls : `c${Math.floor(random() * 4)}`);
    }
  }
  return {
    groups: members,
    columns: { x: Float64Array.from(values) },
    prediction: classes,
    target: null,
  };
}

describe('calibrateNull', () => {
  it('finds about the row count for rows that are independent', () => {
    const calibration = calibrateNull(source(2000, 1, 0), { events: 200, groups: 200 });
    // Window of 200 against half the reference (1000 rows): 200·1000/1200 ≈ 167.
    expect(calibration.effectiveSize.x).toBeGreaterThan(167 * 0.7);
    expect(calibration.effectiveSize.x).toBeLessThan(167 * 1.3);
    expect(calibration.predictionInflation).toBeLessThan(1.4);
    expect(calibration.targetInflation).toBe(1);
  });

  it('finds about the group count when the rows of a group are copies', () => {
    const calibration = calibrateNull(source(400, 10, 1), { events: 200, groups: 20 });
    // Twenty distinct values against 200 distinct groups of the other half: ≈ 20·200/220.
    expect(calibration.effectiveSize.x).toBeLessThan(18 * 1.5);
    expect(calibration.effectiveSize.x).toBeGreaterThan(18 * 0.5);
    // Each group is one class: the chi-square statistic is about ten times too large.
    expect(calibration.predictionInflation).toBeGreaterThan(5);
  });

  it('is the same for the same inputs', () => {
    const a = calibrateNull(source(300, 5, 0.7), { events: 100, groups: 30 });
    const b = calibrateNull(source(300, 5, 0.7), { events: 100, groups: 30 });
    expect(b).toEqual(a);
  });

  it('puts the quality floor lower the more clustered the windows are', () => {
    /** Groups of `size` rows, right 80 % of the time: per row, or per group when `alike`. */
    const labelled = (groups: number, size: number, alike: boolean): NullSource => {
      const random = createRng(7).next;
      const target: string[] = [];
      const prediction: string[] = [];
      for (let g = 0; g < groups; g++) {
        const groupRight = random() < 0.8;
        for (let i = 0; i < size; i++) {
          const cls = `c${Math.floor(random() * 3)}`;
          const right = alike ? groupRight : random() < 0.8;
          target.push(cls);
          prediction.push(right ? cls : 'wrong');
        }
      }
      const rows = groups * size;
      return {
        groups: Array.from({ length: groups }, (_, g) =>
          Int32Array.from({ length: size }, (_, i) => g * size + i),
        ),
        columns: { x: Float64Array.from({ length: rows }, (_, i) => i) },
        prediction,
        target,
      };
    };
    const shape = { events: 200, groups: 20 };
    const independent = calibrateNull(labelled(400, 10, false), shape).qualityFloor!;
    // Binomial(200, 0.8) / 200: 1st percentile ≈ 0.8 − 2.33 · 0.028 ≈ 0.73.
    expect(independent.accuracy).toBeGreaterThan(0.7);
    expect(independent.accuracy).toBeLessThan(0.78);
    // Twenty groups, each all right or all wrong: the accuracy swings by 0.09 per standard error.
    const clustered = calibrateNull(labelled(400, 10, true), shape).qualityFloor!;
    expect(clustered.accuracy).toBeLessThan(independent.accuracy - 0.08);
    expect(clustered.balancedAccuracy).toBeLessThanOrEqual(1);
    expect(clustered.f1Macro).toBeLessThan(independent.f1Macro);
    expect(calibrateNull(source(100, 2, 0), shape).qualityFloor).toBeNull();
  });

  it('refuses a reference of one group or an empty window', () => {
    expect(() => calibrateNull(source(1, 10, 0), { events: 10, groups: 2 })).toThrow(
      'calibrateNull requires two reference groups',
    );
    expect(() => calibrateNull(source(10, 1, 0), { events: 0, groups: 0 })).toThrow(RangeError);
  });
});

describe('NullCalibrator', () => {
  it('rounds shapes so that a window that barely changed reuses its calibration', () => {
    expect(roundedShape(497, 203)).toEqual(roundedShape(503, 207));
    expect(roundedShape(500, 20)).not.toEqual(roundedShape(500, 200));
    expect(roundedShape(3, 3)).toEqual({ events: 10, groups: 3 });
    const calibrator = new NullCalibrator(source(200, 3, 0.5), 2, 40);
    const first = calibrator.calibrationFor(300, 100);
    expect(calibrator.calibrationFor(301, 99)).toBe(first);
    calibrator.calibrationFor(100, 10);
    calibrator.calibrationFor(200, 50);
    // The least recently used shape was forgotten: calibrated anew, equal but not the same object.
    const again = calibrator.calibrationFor(300, 100);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });
});

describe('NullCalibrator, shared', () => {
  const keyed = (key?: string) => ({ ...source(200, 3, 0.5), ...(key ? { key } : {}) });

  it('shares calibrations between calibrators of sources with the same key, and only those', async () => {
    const [k1, k2] = ['null-calibration.test k1', 'null-calibration.test k2'];
    const first = new NullCalibrator(keyed(k1), 4, 40).calibrationFor(300, 100);
    expect(new NullCalibrator(keyed(k1), 4, 40).calibrationFor(301, 99)).toBe(first);
    expect(new NullCalibrator(keyed(k2), 4, 40).calibrationFor(300, 100)).not.toBe(first);
    expect(new NullCalibrator(keyed(), 4, 40).calibrationFor(300, 100)).not.toBe(first);
    // Another number of resamples is another calibration.
    expect(new NullCalibrator(keyed(k1), 4, 20).calibrationFor(300, 100)).not.toBe(first);
    let turns = 0;
    const calibrator = new NullCalibrator(keyed(k1), 4, 40);
    await calibrator.prepare(300, 100, async () => {
      turns++;
    });
    expect(turns).toBe(0);
    expect(calibrator.calibrationFor(300, 100)).toBe(first);
  });
});

describe('NullCalibrator.prepare', () => {
  it('caches the same calibration as calibrateNull, a few resamples per turn', async () => {
    const reference = source(200, 3, 0.5);
    const calibrator = new NullCalibrator(reference, 4, 40);
    let turns = 0;
    const nextTurn = async () => {
      turns++;
    };
    await Promise.all([
      calibrator.prepare(300, 100, nextTurn),
      calibrator.prepare(301, 99, nextTurn),
    ]);
    // 40 resamples, two per turn, computed once for both calls of the same rounded shape.
    expect(turns).toBe(20);
    const cached = calibrator.calibrationFor(300, 100);
    expect(cached).toEqual(calibrateNull(reference, roundedShape(300, 100), 40));
    await calibrator.prepare(300, 100, nextTurn);
    expect(turns).toBe(20);
    expect(calibrator.calibrationFor(300, 100)).toBe(cached);
  });

  it('lets other work run between its turns', async () => {
    const calibrator = new NullCalibrator(source(200, 3, 0.5), 4, 40);
    const order: string[] = [];
    const preparing = calibrator
      .prepare(300, 100, () => new Promise((resolve) => setImmediate(resolve)))
      .then(() => order.push('calibrated'));
    setImmediate(() => order.push('other work'));
    await preparing;
    expect(order).toEqual(['other work', 'calibrated']);
  });
});
