import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../prometheus/repo-paths.js';

const ENTRY = join(REPO_ROOT, 'grafana', 'src', 'generate-dashboards.ts');
const PROBE = join(REPO_ROOT, 'grafana', 'src', 'builders', 'schema-probe.ts');

function compilerOptions(): ts.CompilerOptions {
  const { config } = ts.readConfigFile(join(REPO_ROOT, 'tsconfig.json'), ts.sys.readFile);
  return ts.parseJsonConfigFileContent(config, ts.sys, REPO_ROOT).options;
}

/**
 * Files read from disk, parsed once for all three programs (the standard library and Grafana's
 * schema types are most of each program): as TypeScript's language service shares them.
 */
const parsedFiles = new Map<string, ts.SourceFile | undefined>();

/** Type errors of a program rooted at `roots`, with in-memory files taking precedence on disk. */
function typeErrors(roots: string[], virtualFiles: Record<string, string> = {}): string[] {
  const options = compilerOptions();
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (name) => virtualFiles[name] ?? readFile(name);
  host.fileExists = (name) => name in virtualFiles || fileExists(name);
  host.getSourceFile = (name, languageVersion, ...rest) => {
    if (name in virtualFiles) return getSourceFile(name, languageVersion, ...rest);
    if (!parsedFiles.has(name))
      parsedFiles.set(name, getSourceFile(name, languageVersion, ...rest));
    return parsedFiles.get(name);
  };
  const program = ts.createProgram(roots, options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n').split('\n')[0] ?? '');
}

describe('dashboards against Grafana’s own schema types (@grafana/schema 11.2.2)', () => {
  it('type-check: every generated dashboard satisfies the schema', () => {
    expect(typeErrors([ENTRY])).toEqual([]);
  });

  it('would reject a dashboard with a colour mode Grafana does not know', () => {
    const probe = [
      "import type { GrafanaDashboardJson } from './grafana-schema.js';",
      'export const probe: GrafanaDashboardJson = {',
      "  panels: [{ type: 'stat', fieldConfig: { defaults: { color: { mode: 'rainbow' } }, overrides: [] } }],",
      '};',
    ].join('\n');
    expect(typeErrors([PROBE], { [PROBE]: probe }).join('\n')).toMatch(/rainbow/);
  });

  it('would reject a query variable carrying the editor-only definition field', () => {
    const probe = [
      "import type { VariableModel } from '@grafana/schema';",
      "import type { AsJson } from './grafana-schema.js';",
      'export const probe = {',
      "  type: 'query', name: 'dataset', definition: 'label_values(up, job)',",
      '} satisfies AsJson<VariableModel>;',
    ].join('\n');
    expect(typeErrors([PROBE], { [PROBE]: probe }).join('\n')).toMatch(/definition/);
  });
});
