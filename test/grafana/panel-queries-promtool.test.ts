import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { allDashboards } from '../../grafana/src/render-dashboards.js';
import { PROMTOOL, runCommand, skipReason } from '../prometheus/promtool.js';
import { dashboardQueries, withSampleVariables } from './dashboard-queries.js';

const queries = [...allDashboards().values()].flatMap(dashboardQueries);
const scratch = mkdtempSync(join(tmpdir(), 'panel-queries-'));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('dashboard queries', () => {
  it('use only the template variables Grafana or the dashboards define', () => {
    const leftovers = queries
      .map((query) => ({ ...query, expr: withSampleVariables(query.expr) }))
      .filter((query) => query.expr.includes('$'))
      .map((query) => query.where);
    expect(leftovers).toEqual([]);
  });
});

describe.skipIf(PROMTOOL === null)(
  `dashboard queries under promtool${skipReason(PROMTOOL, 'promtool', 'prometheus')}`,
  () => {
    it('parse as PromQL when each is wrapped as a recording rule', () => {
      const rules = queries.map((query, index) => ({
        record: `dashboard_query_${index}`,
        expr: withSampleVariables(query.expr),
      }));
      const file = join(scratch, 'dashboard-queries.yml');
      writeFileSync(file, stringify({ groups: [{ name: 'dashboard-queries', rules }] }));
      const result = runCommand(PROMTOOL ?? 'promtool', ['check', 'rules', file]);
      expect(result.status, result.output).toBe(0);
      expect(result.output).toContain(`SUCCESS: ${rules.length} rules found`);
    });
  },
);
