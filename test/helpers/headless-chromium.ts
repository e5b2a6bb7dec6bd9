/**
 * Debian's Chromium driven by playwright-core, for tests that look at pages as a person does.
 * Never downloads a browser: when /usr/bin/chromium is absent the tests skip with a message.
 * The flags keep Chromium off the network (its own background connections would be refused).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_FOUND = existsSync(CHROMIUM_PATH);

/**
 * Suffix for the title of a describe that needs Chromium, saying why it is skipped (also on
 * stderr, so a skip does not pass unnoticed); empty when Chromium is there.
 */
export function chromiumSkipReason(): string {
  if (CHROMIUM_FOUND) return '';
  const reason = `skipped: ${CHROMIUM_PATH} not found; apt-get install chromium`;
  process.stderr.write(`${reason}\n`);
  return ` (${reason})`;
}

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

export interface HeadlessBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A fresh Chromium with its own empty profile directory, removed again on close. */
export async function launchChromium(): Promise<HeadlessBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'driftwatch-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: FLAGS,
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
