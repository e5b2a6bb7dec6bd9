import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
const g = globalThis as { __profN?: number; __profS?: Session };
beforeAll(async () => {
  if (!g.__profS) { g.__profS = new Session(); g.__profS.connect(); await g.__profS.post('Profiler.enable'); }
  await g.__profS.post('Profiler.start');
});
afterAll(async () => {
  const { profile } = await g.__profS!.post('Profiler.stop');
  g.__profN = (g.__profN ?? 0) + 1;
  writeFileSync(`/tmp/vprof1/${process.pid}-${g.__profN}.cpuprofile`, JSON.stringify(profile));
});
