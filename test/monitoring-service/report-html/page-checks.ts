/**
 * What a person sees on an HTML drift report, read from a live page in Chromium: the feature rows
 * as shown, charts, console errors and every request the page made.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { REPO_ROOT } from '../cli/run-cli.js';

export const SCREENSHOT_DIR = join(REPO_ROOT, '.data', 'screenshots');

export interface ShownRow {
  name: string;
  decision: string;
  ksD: number;
  pValue: number;
  charts: number;
  bars: number;
}

export interface LoadedPage {
  page: Page;
  requests: string[];
  problems: string[];
}

/** Opens `url` in a new page, recording console errors, page errors and requests. */
export async function openReport(context: BrowserContext, url: string): Promise<LoadedPage> {
  const page = await context.newPage();
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  const response = await page.goto(url, { waitUntil: 'load' });
  expect(response?.ok() ?? false).toBe(true);
  return { page, requests, problems };
}

/** The feature table's rows in the order shown, read from the visible cells. */
export async function shownRows(page: Page): Promise<ShownRow[]> {
  return page.$$eval('table.features tbody tr', (rows) =>
    rows.map((row) => {
      const cell = (label: string) =>
        row.querySelector(`td[data-label="${label}"]`)?.textContent?.trim() ?? '';
      return {
        name: row.querySelector('th')?.textContent?.trim() ?? '',
        decision: cell('decision'),
        ksD: Number(cell('KS D')),
        pValue: Number(cell('p-value')),
        charts: row.querySelectorAll('svg').length,
        bars: row.querySelectorAll('svg rect').length,
      };
    }),
  );
}

/** Drifted rows first; within each group KS D never increases, and ties go by p ascending. */
export function expectSeverityOrder(rows: readonly ShownRow[]): void {
  const decisions = rows.map((r) => r.decision);
  const firstStable = decisions.indexOf('no drift');
  if (firstStable >= 0) expect(decisions.slice(firstStable)).not.toContain('drifted');
  for (let i = 1; i < rows.length; i++) {
    const [before, after] = [rows[i - 1]!, rows[i]!];
    if (before.decision !== after.decision) continue;
    expect(after.ksD, `${after.name} after ${before.name}`).toBeLessThanOrEqual(before.ksD);
    if (after.ksD === before.ksD) expect(after.pValue).toBeGreaterThanOrEqual(before.pValue);
  }
}

/** Screenshots at desktop and phone width under .data/screenshots; the phone page must not scroll sideways. */
export async function screenshotBoth(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-1280.png`), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.$eval('html', (root) => root.scrollWidth - root.clientWidth);
  expect(overflow, 'the page scrolls sideways at phone width').toBeLessThanOrEqual(0);
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-390.png`), fullPage: true });
}
