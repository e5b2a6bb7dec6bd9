/**
 * The HTML drift report as a person sees it in headless Chromium, served by the monitoring
 * service and written by the drift CLI: rows in severity order, a chart per column, no console
 * error, no request beyond the page itself, no sideways scrolling on a phone. Screenshots go to
 * .data/screenshots on every run.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { driftEngine } from '../../../monitoring-service/src/datasets/drift-engine.js';
import type { DriftReport } from '../../../core/src/drift/report-types.js';
import { readFixture } from '../../helpers/fixtures.js';
import {
  chromiumSkipReason,
  CHROMIUM_FOUND,
  type HeadlessBrowser,
  launchChromium,
} from '../../helpers/headless-chromium.js';
import { reportFixture, runDrift } from '../cli/run-cli.js';
import { type Harness, startHarness } from '../helpers/service-harness.js';
import { makeEvents } from '../helpers/toy-traffic.js';
import {
  expectSeverityOrder,
  openReport,
  SCREENSHOT_DIR,
  screenshotBoth,
  shownRows,
} from './page-checks.js';

describe.skipIf(!CHROMIUM_FOUND)(`HTML report in Chromium${chromiumSkipReason()}`, () => {
  let browser: HeadlessBrowser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  describe('served by the monitoring service', () => {
    let h: Harness;
    let server: Server;
    let base: string;
    beforeAll(async () => {
      h = await startHarness(driftEngine, 'report-token');
      const events = makeEvents(80, 7);
      const res = await request(h.app)
        .post('/v1/datasets/toy/events')
        .set('authorization', 'Bearer report-token')
        .send({ events });
      expect(res.status).toBe(200);
      await h.scheduler.tick();
      server = createServer(h.app);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      server?.closeAllConnections();
      await new Promise((resolve) => server?.close(resolve));
      await h?.close();
    });

    it('shows every column in severity order, each with its chart, and nothing else loads', async () => {
      const url = `${base}/v1/datasets/toy/report.html`;
      const { page, requests, problems } = await openReport(browser.context, url);
      const json = (await request(h.app).get('/v1/datasets/toy/report')).body as DriftReport;
      const rows = await shownRows(page);
      expect(rows.map((r) => r.name).sort()).toEqual(Object.keys(json.features).sort());
      expectSeverityOrder(rows);
      for (const row of rows) {
        expect(row.decision).toBe(json.features[row.name]!.drifted ? 'drifted' : 'no drift');
        expect(row.charts).toBe(1);
        expect(row.bars).toBeGreaterThanOrEqual(2);
      }
      expect(await page.locator('h1').textContent()).toContain('toy');
      expect(await page.locator('table.confusion tbody tr').count()).toBeGreaterThan(0);
      expect(problems).toEqual([]);
      expect(requests).toEqual([url]);
      await screenshotBoth(page, 'report-service');
      await page.close();
    });
  });

  describe('written by the drift CLI', () => {
    it('opens offline from the file with the scipy-checked decisions, most severe first', async () => {
      const args = ['--reference', reportFixture('reference.csv')];
      const cli = runDrift([
        ...args,
        '--current',
        reportFixture('current.csv'),
        '--format',
        'html',
      ]);
      expect(cli.stderr).toBe('');
      expect(cli.status).toBe(0);
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const file = join(SCREENSHOT_DIR, 'report-cli.html');
      writeFileSync(file, cli.stdout);
      const url = pathToFileURL(file).href;
      const { page, requests, problems } = await openReport(browser.context, url);
      const expected = readFixture<{ report: DriftReport }>('drift/expected-report.json').report;
      const rows = await shownRows(page);
      expect(rows).toHaveLength(Object.keys(expected.features).length);
      expectSeverityOrder(rows);
      const drifted = Object.keys(expected.features).filter((n) => expected.features[n]!.drifted);
      expect(
        rows
          .filter((r) => r.decision === 'drifted')
          .map((r) => r.name)
          .sort(),
      ).toEqual(drifted.sort());
      expect(rows.every((r) => r.charts === 1)).toBe(true);
      const alt = await page.locator('table.features svg desc').first().textContent();
      expect(alt).toMatch(/reference \d+\.\d%, current \d+\.\d%/);
      expect(problems).toEqual([]);
      expect(requests).toEqual([url]);
      await screenshotBoth(page, 'report-cli');
      await page.close();
    });
  });
});
