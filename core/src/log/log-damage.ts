/**
 * What log recovery reports: `corrupt` is a range that failed its checksum (records were lost
 * and must be counted and logged at error level, unless `range.known` says an earlier start did
 * so already); `torn` is an incomplete last record, left by a crash mid-write, never acknowledged.
 */
import type { QuarantinedRange } from './quarantine.js';

export interface LogDamage {
  kind: 'corrupt' | 'torn';
  range: QuarantinedRange;
}
