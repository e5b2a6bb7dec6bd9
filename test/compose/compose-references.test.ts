import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../prometheus/repo-paths.js';
import { composeVariables, loadCompose, rawComposeText } from './compose-file.js';

const compose = loadCompose();
const services = Object.entries(compose.services);

/** KEY=value lines of .env.example, comments and blank lines skipped. */
function envExample(): Map<string, string> {
  const lines = readFileSync(join(REPO_ROOT, '.env.example'), 'utf8').split('\n');
  const pairs = lines
    .map((line) => /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line.trim()))
    .flatMap((m) => (m?.[1] === undefined ? [] : [[m[1], m[2] ?? ''] as const]));
  return new Map(pairs);
}

function hostPathOf(volume: string): string | null {
  const [source = ''] = volume.split(':');
  return source.startsWith('.') || source.startsWith('/') ? source : null;
}

describe('docker-compose.yml references', () => {
  it('runs the whole stack, with the sender only in its opt-in profile', () => {
    expect(Object.keys(compose.services).sort()).toEqual(
      [
        'alertmanager',
        'grafana',
        'mongodb',
        'monitoring-service',
        'prediction-service',
        'prometheus',
        'sender',
      ].sort(),
    );
    for (const [name, service] of services) {
      expect(service.profiles, name).toEqual(name === 'sender' ? ['sender'] : undefined);
    }
  });

  it('depends only on services it defines, waiting on health only where a healthcheck exists', () => {
    for (const [name, service] of services) {
      for (const [target, { condition }] of Object.entries(service.depends_on ?? {})) {
        const dependency = compose.services[target];
        expect(dependency, `${name} -> ${target}`).toBeDefined();
        if (condition === 'service_healthy') expect(dependency?.healthcheck, target).toBeDefined();
      }
    }
  });

  it('mounts only files and directories that exist, and declares every named volume', () => {
    for (const [name, service] of services) {
      for (const volume of service.volumes ?? []) {
        const hostPath = hostPathOf(volume);
        if (hostPath === null)
          expect(Object.keys(compose.volumes), name).toContain(volume.split(':')[0]);
        else expect(existsSync(join(REPO_ROOT, hostPath)), `${name}: ${hostPath}`).toBe(true);
      }
    }
  });

  it('builds from the repository root with Dockerfiles that exist', () => {
    const built = services.filter(([, service]) => service.build !== undefined);
    expect(built.map(([name]) => name).sort()).toEqual([
      'monitoring-service',
      'prediction-service',
      'sender',
    ]);
    for (const [, service] of built) {
      expect(service.build?.context).toBe('.');
      expect(existsSync(join(REPO_ROOT, service.build?.dockerfile ?? ''))).toBe(true);
    }
  });

  it('pins every pulled image to an exact version', () => {
    for (const [name, service] of services.filter(([, s]) => s.build === undefined)) {
      expect(service.image, name).toMatch(/^[\w./-]+:v?\d+\.\d+\.\d+$/);
    }
  });

  it('documents every substituted variable in .env.example: its default, or empty if required', () => {
    const documented = envExample();
    const variables = composeVariables(rawComposeText());
    expect(variables.filter((v) => v.required).map((v) => v.name)).toEqual(
      expect.arrayContaining(['MONGO_ROOT_USERNAME', 'MONGO_ROOT_PASSWORD']),
    );
    for (const { name, fallback, required } of variables) {
      if (required) {
        expect(documented.get(name), name).toBe('');
      } else {
        expect(fallback, name).toMatch(/\S/);
        expect(documented.get(name), name).toBe(fallback);
      }
    }
  });
});
