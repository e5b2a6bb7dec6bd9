import { describe, expect, it } from 'vitest';
import { entryArgs, runsFromSource } from '../../../core/src/runtime/module-entry.js';

describe('module entry', () => {
  it('tells a TypeScript source module from a built one', () => {
    expect(runsFromSource('file:///repo/stack/src/process-specs.ts')).toBe(true);
    expect(runsFromSource('file:///repo/stack/dist/process-specs.js')).toBe(false);
    expect(runsFromSource(import.meta.url)).toBe(true);
  });

  it('runs the build on plain node, and the sources under tsx with the source condition', () => {
    expect(entryArgs('/repo/monitoring-service', 'cli/drift', false)).toEqual([
      '/repo/monitoring-service/dist/cli/drift.js',
    ]);
    expect(entryArgs('/repo/monitoring-service', 'main', true)).toEqual([
      '--conditions=source',
      '--import',
      'tsx',
      '/repo/monitoring-service/src/main.ts',
    ]);
  });
});
