#!/usr/bin/env node
// The `driftwatch` command (`npx driftwatch drift …`): runs the compiled CLI that
// `npm run build` writes to dist/, and says so when there is no build yet.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/driftwatch.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('driftwatch: no build found; run `npm run build` first\n');
  process.exit(1);
}
await import(entry.href);
