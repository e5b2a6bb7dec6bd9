import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PREDICTION_NODE_FLAGS } from '../../prediction-service/src/node-flags.js';
import { REPO_ROOT } from '../prometheus/repo-paths.js';
import { copiedContextPaths, finalStage, readDockerfile } from './dockerfile-lines.js';
import { importGraph, loadsAtRunTime } from '../helpers/source-imports.js';

/** Each image: its Dockerfile, its package, and the node options its entry point needs. */
const IMAGES = [
  ['prediction-service', PREDICTION_NODE_FLAGS, 9696],
  ['monitoring-service', [], 8085],
  ['sender', [], null],
] as const;

const buildConfig = z.object({
  compilerOptions: z.object({ rootDir: z.string(), outDir: z.string() }),
  include: z.array(z.string()),
});

const ignored = readFileSync(join(REPO_ROOT, '.dockerignore'), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'));

/** The exec-form CMD of the runtime stage as its argument list. */
function command(instructions: ReturnType<typeof readDockerfile>): string[] {
  const cmd = finalStage(instructions)
    .filter((i) => i.keyword === 'CMD')
    .at(-1);
  return z.array(z.string()).parse(JSON.parse(cmd?.args ?? 'null'));
}

describe.each(IMAGES)('%s/Dockerfile', (pkg, nodeFlags) => {
  const instructions = readDockerfile(`${pkg}/Dockerfile`);
  const runtime = finalStage(instructions);
  const cmd = command(instructions);
  const entry = cmd.at(-1) ?? '';

  it('compiles in one stage and installs only production dependencies for the runtime', () => {
    expect(instructions.filter((i) => i.keyword === 'FROM').length).toBeGreaterThanOrEqual(3);
    const builds = instructions.filter((i) => i.keyword === 'RUN' && /\btsc -b\b/.test(i.args));
    expect(builds.map((i) => i.args)).toEqual([`npx tsc -b ${pkg}/tsconfig.build.json`]);
    const prod = instructions.filter(
      (i) => i.keyword === 'RUN' && /\bnpm ci\b.*--omit=dev/.test(i.args),
    );
    expect(prod).toHaveLength(1);
    expect(prod[0]?.args).toContain(`--workspace=@driftwatch/${pkg}`);
    // The runtime stage never runs npm ci itself: it copies the production stage's result.
    expect(runtime.some((i) => i.keyword === 'RUN' && /\bnpm\b/.test(i.args))).toBe(false);
    expect(
      runtime.some(
        (i) => i.keyword === 'COPY' && i.args.startsWith('--from=production-dependencies'),
      ),
    ).toBe(true);
  });

  it('runs its compiled entry point on plain node, as a non-root user', () => {
    expect(cmd).toEqual(['node', ...nodeFlags, entry]);
    expect(entry).toMatch(new RegExp(`^${pkg}/dist/.+\\.js$`));
    const users = runtime.filter((i) => i.keyword === 'USER').map((i) => i.args);
    expect(users.at(-1)).toBeDefined();
    expect(users.at(-1)).not.toMatch(/^(root|0)(:|$)/);
  });

  it('starts an entry point the build emits', () => {
    const config = buildConfig.parse(
      JSON.parse(readFileSync(join(REPO_ROOT, pkg, 'tsconfig.build.json'), 'utf8')),
    );
    const { rootDir, outDir } = config.compilerOptions;
    expect(config.include).toContain(`${rootDir}/**/*.ts`);
    const inBuild = entry.slice(`${pkg}/`.length);
    expect(inBuild.startsWith(`${outDir}/`)).toBe(true);
    const source = join(pkg, rootDir, inBuild.slice(outDir.length + 1).replace(/\.js$/, '.ts'));
    expect(existsSync(join(REPO_ROOT, source)), source).toBe(true);
    // After `npm run build` (CI builds before testing) the file itself is there.
    if (existsSync(join(REPO_ROOT, pkg, outDir))) {
      expect(existsSync(join(REPO_ROOT, entry)), entry).toBe(true);
    }
  });

  it('copies the build of every package its entry point loads', () => {
    const source = entry.replace('/dist/', '/src/').replace(/\.js$/, '.ts');
    const packages = new Set(importGraph(source, loadsAtRunTime).map((file) => file.split('/')[0]));
    const copied = runtime
      .filter((i) => i.keyword === 'COPY' && i.args.startsWith('--from=build '))
      .map((i) => i.args.split(/\s+/).at(-1));
    expect([...packages].sort().map((p) => `${p}/dist`)).toEqual([...copied].sort());
  });

  it('copies only build-context paths that exist and are not docker-ignored', () => {
    for (const path of copiedContextPaths(instructions)) {
      expect(existsSync(join(REPO_ROOT, path)), path).toBe(true);
      expect(ignored, path).not.toContain(path.replace(/^\.\//, '').replace(/\/$/, ''));
    }
  });
});

describe.each(IMAGES.filter(([, , port]) => port !== null))(
  '%s/Dockerfile',
  (pkg, _flags, port) => {
    it('checks its own health on its readiness route', () => {
      const health = finalStage(readDockerfile(`${pkg}/Dockerfile`))
        .filter((i) => i.keyword === 'HEALTHCHECK')
        .at(-1);
      expect(health?.args).toContain(`http://127.0.0.1:${port}/readyz`);
    });
  },
);
