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
  },
});
