import { describe, expect, it } from 'vitest';
import { createFeaturizer, FEATURE_COUNT, SIGNAL_NAMES } from '../../../core/src/features/index.js';
import {
  ACTIVITY_GROUPS,
  CLASS_LABELS,
  type ClassMix,
  createPerson,
  cutWindows,
  NATURAL_CLASS_MIX,
  type PopulationWindow,
  SENSOR_SIGNALS,
  simulatePopulation,
  simulateSession,
} from '../../../core/src/simulator/index.js';

function classCounts(windows: readonly { label: string }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of windows) counts.set(w.label, (counts.get(w.label) ?? 0) + 1);
  return counts;
}

const reference = simulatePopulation({ seed: 2024, people: 50, windowsPerPerson: 60 });

describe('simulatePopulation', () => {
  it('gives a 50-person reference population at least 30 windows of every class', () => {
    const counts = classCounts(reference);
    for (const label of CLASS_LABELS)
      expect(counts.get(label) ?? 0, label).toBeGreaterThanOrEqual(30);
  });

  it('gives every person exactly windowsPerPerson windows of 151 samples, with ids and times', () => {
    expect(reference).toHaveLength(3000);
    const perPerson = classCounts(reference.map((w) => ({ label: w.personId })));
    expect(perPerson.size).toBe(50);
    expect([...perPerson.values()].every((n) => n === 60)).toBe(true);
    const first = reference.filter((w) => w.personId === reference[0]!.personId);
    expect(first.map((w) => w.startTimeS).slice(0, 3)).toEqual([0, 1.5, 3]);
    expect(reference.every((w) => w.signals.gyro_z.length === 151)).toBe(true);
  });

  it('can simulate every activity of every group', () => {
    const plan = Object.values(ACTIVITY_GROUPS)
      .flat()
      .map((activity) => ({ activity, durationS: 4 }));
    const stream = simulateSession(createPerson(9), { seed: 9, plan });
    expect(stream.segments).toHaveLength(plan.length);
    for (const name of SENSOR_SIGNALS)
      expect(stream.signals[name].every(Number.isFinite)).toBe(true);
    const groups = new Set(reference.map((w) => w.label));
    expect(groups.size).toBe(CLASS_LABELS.length);
  });

  it('is deterministic in its options and differs between seeds', () => {
    const signature = (windows: PopulationWindow[]) =>
      windows.map((w) => w.signals.accel_x[75]).join();
    const a = simulatePopulation({ seed: 1, people: 3, windowsPerPerson: 10 });
    expect(signature(simulatePopulation({ seed: 1, people: 3, windowsPerPerson: 10 }))).toBe(
      signature(a),
    );
    expect(signature(simulatePopulation({ seed: 2, people: 3, windowsPerPerson: 10 }))).not.toBe(
      signature(a),
    );
  });

  it('simulates only the windows `keep` keeps, each exactly as a whole population gives it', () => {
    const keep = (index: number) => index % 3 === 1;
    for (const options of [
      { seed: 5, people: 3, sessionSeconds: 60, hop: 151, drift: { deviceSampleRateHz: 25 } },
      { seed: 6, people: 2, windowsPerPerson: 12, drift: { extraAccelNoiseG: 0.05 } },
    ]) {
      const whole = simulatePopulation(options).filter((_, index) => keep(index));
      const kept = simulatePopulation({ ...options, keep });
      expect(kept.length).toBeGreaterThan(5);
      expect(kept).toEqual(whole);
    }
  });

  it('cuts one session of sessionSeconds per person when asked so', () => {
    const windows = simulatePopulation({ seed: 3, people: 2, sessionSeconds: 60, hop: 151 });
    expect(windows).toHaveLength(2 * Math.floor(3000 / 151));
    expect(windows.every((w) => w.session === 0)).toBe(true);
  });

  it('rejects missing or doubled sizes and bad counts, naming the requirement', () => {
    expect(() => simulatePopulation({ seed: 1, people: 2 })).toThrow(
      /exactly one of windowsPerPerson/,
    );
    expect(() =>
      simulatePopulation({ seed: 1, people: 2, windowsPerPerson: 5, sessionSeconds: 60 }),
    ).toThrow(/exactly one of/);
    expect(() => simulatePopulation({ seed: 1, people: 0, windowsPerPerson: 5 })).toThrow(
      /number of people/,
    );
    expect(() => simulatePopulation({ seed: 1, people: 1, windowsPerPerson: 2.5 })).toThrow(
      /windowsPerPerson/,
    );
  });

  it('gives windows every featurizer feature as a finite number', () => {
    const featurizer = createFeaturizer();
    expect([...SENSOR_SIGNALS]).toEqual([...SIGNAL_NAMES]);
    const out = new Float64Array(FEATURE_COUNT);
    for (const w of reference.slice(0, 600)) {
      featurizer.featurizeSignalsInto(w.signals, out);
      expect(out.every((v) => Number.isFinite(v) && v >= 0 && v <= 1)).toBe(true);
    }
  });
});

describe('class mix', () => {
  /** Window shares by label; labels come from the session plan, so no sample is rendered. */
  function shares(mix: ClassMix): Map<string, number> {
    const windows = [1, 2, 3, 4].flatMap((seed) =>
      cutWindows(
        simulateSession(createPerson(seed), {
          seed,
          durationS: 900,
          classMix: mix,
          neededSamples: [],
        }),
      ),
    );
    const counts = classCounts(windows);
    return new Map([...counts].map(([label, n]) => [label, n / windows.length]));
  }

  it('makes exercise dominate a natural session', () => {
    const natural = shares(NATURAL_CLASS_MIX);
    const top = [...natural].sort((a, b) => b[1] - a[1])[0]!;
    expect(top[0]).toBe('Repetitive exercise');
  });

  it('moves the group shares with the weights and leaves out groups of weight 0', () => {
    const runHeavy = shares({ ...NATURAL_CLASS_MIX, Run: 0.5 });
    expect(runHeavy.get('Run')!).toBeGreaterThan(3 * shares(NATURAL_CLASS_MIX).get('Run')!);
    const onlyGait = shares({ Walk: 1, Run: 1 });
    expect([...onlyGait.keys()].sort()).toEqual(['Run', 'Transition', 'Walk']);
  });

  it('rejects unknown groups and weights that are negative or all zero', () => {
    const session = (classMix: ClassMix) =>
      simulateSession(createPerson(1), { seed: 1, durationS: 30, classMix });
    expect(() => session({ Walk: -1 })).toThrow(/non-negative/);
    expect(() => session({ Walk: 0 })).toThrow(/at least one positive weight/);
    expect(() => session({ Dancing: 1 } as ClassMix)).toThrow(/known group names/);
  });
});
