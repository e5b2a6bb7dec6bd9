import { availableParallelism } from 'node:os';
import { relative } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Files that replace a module (vi.mock) for their own tests: they get a fresh module graph. */
const OWN_MODULES = ['test/monitoring-service/service/disk-full.test.ts'];

/**
 * The files that take longest, longest first. vitest starts the files it timed before longest
 * first; on a fresh clone it has no times and may start one of these last, leaving one core idle
 * while it runs.
 */
const SLOW_FILES = [
  'test/e2e/local-stack.test.ts',
  'test/stack/launcher-sigint.test.ts',
  'test/evaluate/quick-evaluation.test.ts',
  'test/prediction-service/fault-tolerance.test.ts',
  'test/monitoring-service/cli/drift-on-reference-data.test.ts',
  'test/sender/scenarios/sensor-scenarios.test.ts',
  'test/sender/scenarios/scenario-drift.test.ts',
  'test/monitoring-service/service/crash-recovery.test.ts',
  'test/sender/traffic/simulated-source.test.ts',
];

class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => {
      const index = SLOW_FILES.indexOf(relative(import.meta.dirname, file.moduleId));
      return index === -1 ? SLOW_FILES.length : index;
    };
    // Array sort is stable: the other files keep vitest's order.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  // The workspace packages resolve to their TypeScript sources (the `source` export condition),
  // so the tests need no build.
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'], externalConditions: ['source'] } },
  test: {
    environment: 'node',
    pool: 'forks',
    // Three workers already share two cores: V8's background GC threads only took turns with
    // them. Single-threaded GC cut the suite's CPU time by a tenth (210 → 189 CPU-s).
    execArgv: ['--single-threaded-gc'],
    // One test file per core, and one more: the end-to-end and launcher files mostly wait on
    // their child processes (scrape intervals, the sender's real-time pace), and meanwhile the
    // other two keep the cores busy. vitest's default leaves one core free.
    maxWorkers: availableParallelism() + 1,
    // Generous, so that a busy machine slows the slow files down without failing them; the
    // tests bound what they check themselves.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // expect.poll gives up after one second by default, which a busy machine can take to
    // forward one event; a poll only waits longer when it would otherwise fail.
    expect: { poll: { timeout: 30_000 } },
    sequence: { sequencer: SlowFirstSequencer },
    projects: [
      {
        extends: true,
        test: { name: 'own-modules', include: OWN_MODULES, isolate: true },
      },
      {
        // A worker keeps the modules it has loaded from one file to the next: importing the
        // services, the simulator and onnxruntime again for each of ~150 files cost about as
        // much as the tests themselves. Tests hold no state in shared modules but caches.
        extends: true,
        test: {
          name: 'shared-modules',
          // Builds the packages first: child processes run from the build (setup/global-setup.ts).
          globalSetup: ['test/setup/global-setup.ts'],
          include: ['test/**/*.test.ts'],
          exclude: OWN_MODULES,
          isolate: false,
        },
      },
    ],
  },
});
