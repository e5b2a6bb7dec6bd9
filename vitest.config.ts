import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // One test file per core: vitest's default leaves one core free, which on two cores runs
    // every file in turn while the end-to-end and launcher files mostly wait on child processes.
    maxWorkers: availableParallelism(),
    // Generous, so that a busy machine slows the slow files down without failing them; the
    // tests bound what they check themselves.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // expect.poll gives up after one second by default, which a busy machine can take to
    // forward one event; a poll only waits longer when it would otherwise fail.
    expect: { poll: { timeout: 30_000 } },
  },
});
