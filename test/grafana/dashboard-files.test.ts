import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { allDashboards, renderDashboard } from '../../grafana/src/render-dashboards.js';
import { REPO_ROOT } from '../prometheus/repo-paths.js';
import { childEntryArgs } from '../helpers/child-entry.js';

const DASHBOARD_DIR = join(REPO_ROOT, 'grafana', 'dashboards');
const scratch = mkdtempSync(join(tmpdir(), 'dashboards-'));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function runGenerator(...args: string[]) {
  return spawnSync(
    process.execPath,
    [...childEntryArgs('grafana/src/generate-dashboards.ts'), ...args],
    {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    },
  );
}

describe('committed dashboards', () => {
  it.each([...allDashboards()])('%s equals what its builder generates', (file, dashboard) => {
    expect(readFileSync(join(DASHBOARD_DIR, file), 'utf8')).toBe(renderDashboard(dashboard));
  });

  it('has no JSON file without a builder', () => {
    const committed = readdirSync(DASHBOARD_DIR).filter((file) => file.endsWith('.json'));
    expect(committed.sort()).toEqual([...allDashboards().keys()].sort());
  });

  it('passes the generator’s --check mode', () => {
    const result = runGenerator('--check');
    expect(result.status, result.stderr).toBe(0);
  });

  it('makes --check fail, naming the file, when a dashboard was edited by hand', () => {
    const dir = join(scratch, 'edited');
    cpSync(DASHBOARD_DIR, dir, { recursive: true });
    const file = join(dir, 'data-drift.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"refresh": "30s"', '"refresh": "5s"'));
    const result = runGenerator('--check', '--dir', dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('data-drift.json differs from its builder');
  });
});
