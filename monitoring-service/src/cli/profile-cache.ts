/**
 * The drift CLI's on-disk cache of fitted reference profiles. An entry is found by the SHA-256 of
 * the reference file's bytes and of everything else that shapes the profile (the column roles,
 * the cache format, the CLI's version and its engine code's fingerprint), so an edited reference or other options never reuse
 * an old profile. A missing, unreadable, corrupt or mismatched entry is a miss; failing to
 * write one is ignored: the cache only ever saves time.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReferenceProfile } from '@driftwatch/core/drift/engine-api';
import type { ColumnRoles } from '@driftwatch/core/drift/table-from-records';
import { decodeProfile, encodeProfile } from './profile-codec.js';

/** Bump when the profile's shape or the codec changes. */
const CACHE_FORMAT = 1;

export interface ProfileCacheKey {
  /** SHA-256 (hex) of the reference file's bytes. */
  contentHash: string;
  roles: ColumnRoles;
  version: string;
  /** The fitting code's fingerprint (engine-fingerprint.ts). */
  engine: string;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The key's text (stored in the entry and checked on reading) and its file name. */
function entryOf(dir: string, key: ProfileCacheKey) {
  const text = JSON.stringify({ format: CACHE_FORMAT, ...key });
  return { text, path: join(dir, `profile-${sha256Hex(Buffer.from(text))}.bin`) };
}

/** The cached profile for `key`, or null when there is none that decodes and matches. */
export function readCachedProfile(dir: string, key: ProfileCacheKey): ReferenceProfile | null {
  const entry = entryOf(dir, key);
  try {
    return decodeProfile(readFileSync(entry.path), entry.text);
  } catch {
    return null;
  }
}

/** Stores the profile for `key` (written whole, then renamed into place); false if it could not. */
export function writeCachedProfile(
  dir: string,
  key: ProfileCacheKey,
  profile: ReferenceProfile,
): boolean {
  const entry = entryOf(dir, key);
  const partial = `${entry.path}.${process.pid}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(partial, encodeProfile(profile, entry.text));
    renameSync(partial, entry.path);
    return true;
  } catch {
    try {
      rmSync(partial, { force: true });
    } catch {
      // Nothing more to do: the cache is best effort.
    }
    return false;
  }
}
