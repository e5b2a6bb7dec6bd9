import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Keeps events monitoring refused for good, with the reason, for someone to inspect. */
export type DeadLetter = (payloads: readonly string[], reason: string) => Promise<void>;

/** Appends one JSON line per event to `path` and syncs it before resolving. */
export function createDeadLetterFile(path: string): DeadLetter {
  return async (payloads, reason) => {
    await mkdir(dirname(path), { recursive: true });
    const at = new Date().toISOString();
    const reasonText = JSON.stringify(reason);
    const lines = payloads.map((p) => `{"at":"${at}","reason":${reasonText},"event":${p}}\n`);
    await appendFile(path, lines.join(''), { flush: true });
  };
}
