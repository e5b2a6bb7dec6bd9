/**
 * Whether code runs from its TypeScript sources (development: tsx with the `source` export
 * condition) or from the compiled build, and how to start another entry point the same way. A
 * process started from the build starts its children and workers from the build too.
 */
import { join } from 'node:path';

/** The node option that resolves the workspace packages to their TypeScript sources. */
export const SOURCE_CONDITION = '--conditions=source';

/** True when the module at `moduleUrl` (its `import.meta.url`) is a TypeScript source file. */
export function runsFromSource(moduleUrl: string): boolean {
  return moduleUrl.endsWith('.ts');
}

/**
 * Node arguments that run `<packageDir>/src/<path>.ts` under tsx (sources) or
 * `<packageDir>/dist/<path>.js` (build).
 */
export function entryArgs(packageDir: string, path: string, fromSource: boolean): string[] {
  return fromSource
    ? [SOURCE_CONDITION, '--import', 'tsx', join(packageDir, 'src', `${path}.ts`)]
    : [join(packageDir, 'dist', `${path}.js`)];
}
