import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PREDICTION_NODE_FLAGS } from '../../prediction-service/src/node-flags.js';
import { REPO_ROOT } from '../prometheus/repo-paths.js';
import { copiedContextPaths, finalStage, readDockerfile } from './dockerfile-lines.js';
import { runtimeImports } from './runtime-imports.js';

const IMAGES = [
  ['prediction-service/Dockerfile', 'start:prediction'],
  ['monitoring-service/Dockerfile', 'start:monitoring'],
  ['sender/Dockerfile', 'sender'],
] as const;

const scripts = z
  .object({ scripts: z.record(z.string(), z.string()) })
  .parse(JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'))).scripts;

/** `tsx <entry>`, or `node [options] --import tsx <entry>` when the service needs node options. */
const TSX_SCRIPT = /^(?:tsx|node (?:--[\w-]+(?:=\S+)? )*--import tsx) (\S+\.ts)$/;

const ignored = readFileSync(join(REPO_ROOT, '.dockerignore'), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'));

describe.each(IMAGES)('%s', (dockerfile, script) => {
  const instructions = readDockerfile(dockerfile);
  const runtime = finalStage(instructions);

  it('installs the locked dependencies with the .npmrc in a separate build stage', () => {
    expect(instructions.filter((i) => i.keyword === 'FROM').length).toBeGreaterThanOrEqual(2);
    const install = instructions.findIndex((i) => i.keyword === 'RUN' && /\bnpm ci\b/.test(i.args));
    const npmrc = instructions.findIndex((i) => i.keyword === 'COPY' && i.args.includes('.npmrc'));
    expect(install).toBeGreaterThan(-1);
    expect(npmrc).toBeGreaterThan(-1);
    expect(npmrc).toBeLessThan(install);
    expect(runtime.some((i) => i.keyword === 'COPY' && i.args.startsWith('--from=deps'))).toBe(
      true,
    );
  });

  it('runs as a non-root user', () => {
    const users = runtime.filter((i) => i.keyword === 'USER').map((i) => i.args);
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).not.toMatch(/^(root|0)(:|$)/);
  });

  it(`starts with npm run ${script}, an existing npm script`, () => {
    const cmd = runtime.filter((i) => i.keyword === 'CMD').at(-1);
    expect(cmd?.args).toBe(`["npm", "run", "${script}"]`);
    expect(scripts[script]).toMatch(TSX_SCRIPT);
  });

  it('copies only build-context paths that exist and are not docker-ignored', () => {
    for (const path of copiedContextPaths(instructions)) {
      expect(existsSync(join(REPO_ROOT, path)), path).toBe(true);
      expect(ignored, path).not.toContain(path.replace(/^\.\//, '').replace(/\/$/, ''));
    }
  });

  it('copies every source file its entry point loads at run time', () => {
    const entry = TSX_SCRIPT.exec(scripts[script]!)?.[1] ?? '';
    const copied = copiedContextPaths(finalStage(instructions)).map((path) =>
      path.replace(/^\.\//, '').replace(/\/$/, ''),
    );
    const loaded = runtimeImports(entry);
    expect(loaded).toContain(entry);
    const missing = loaded.filter(
      (file) => !copied.some((path) => file === path || file.startsWith(`${path}/`)),
    );
    expect(missing).toEqual([]);
  });
});

it('starts the prediction service with its node options', () => {
  const flags = PREDICTION_NODE_FLAGS.join(' ');
  expect(scripts['start:prediction']).toBe(
    `node ${flags} --import tsx prediction-service/src/main.ts`,
  );
});
