import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function cli(args: string[]) {
  return spawnSync('npx', ['tsx', 'sender/src/cli.ts', ...args], {
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('sender CLI', () => {
  it('exits 2 naming the option for a bad value', () => {
    const result = cli(['--batch', 'many']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--batch expects a positive integer');
  });

  it('exits 1 when the prediction service is unreachable', () => {
    const result = cli(['--count', '1', '--prediction-url', 'http://127.0.0.1:9']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('prediction service unreachable at http://127.0.0.1:9');
  });

  it('lists every scenario with what should catch it', () => {
    const result = cli(['--list-scenarios']);
    expect(result.status).toBe(0);
    for (const name of [
      'none',
      'sensor-bias',
      'gain',
      'wrong-arm',
      'tempo',
      'noise',
      'class-mix',
      'concept',
      'sample-rate',
    ]) {
      expect(result.stdout).toContain(`${name}\n  changes:`);
    }
  });
});
