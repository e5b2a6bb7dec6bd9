/** The final JSON summary of a run (`--summary-json`), also what runSender resolves to. */
import type { SenderOptions } from './options/sender-options.js';
import type { DriftStatus } from './progress/drift-status.js';
import { type LatencySummary, summarizeLatency } from './progress/percentiles.js';
import type { SenderStats } from './progress/sender-stats.js';

export interface Summary {
  sent: number;
  acknowledged: number;
  failed: number;
  /** failed / sent (0 when nothing was sent). */
  failureShare: number;
  requests: number;
  retries: number;
  latencyMs: LatencySummary;
  labels: SenderOptions['labels'];
  labelsSent: number;
  labelsMatched: number;
  labelsUnmatched: number;
  labelsFailed: number;
  /** Labels still waiting for their delay when the run was interrupted. */
  labelsPending: number;
  /** Sessions simulated before traffic started (the devices' pools), not part of durationS. */
  preparedSessions: number;
  durationS: number;
  /** Acknowledged windows per wall-clock second over the run. */
  windowsPerSecond: number;
  /** The sender's own CPU time (process.cpuUsage over the run). */
  cpu: { userMs: number; systemMs: number; perWindowUs: number };
  devices: number;
  speed: number;
  seed: number;
  scenarios: string[];
  replay: string | null;
  drift: DriftStatus;
  interrupted: boolean;
  lastError: string | null;
  /** False when more than maxFailureShare of the windows failed. */
  ok: boolean;
}

export interface SummaryInput {
  options: SenderOptions;
  stats: SenderStats;
  durationS: number;
  cpu: NodeJS.CpuUsage;
  drift: DriftStatus;
  labelsPending: number;
  preparedSessions: number;
  interrupted: boolean;
}

export function buildSummary(i: SummaryInput): Summary {
  const { stats, options } = i;
  const failureShare = stats.sent === 0 ? 0 : stats.failed / stats.sent;
  const round = (v: number, digits = 3) => Math.round(v * 10 ** digits) / 10 ** digits;
  const cpuMs = (i.cpu.user + i.cpu.system) / 1000;
  return {
    sent: stats.sent,
    acknowledged: stats.acknowledged,
    failed: stats.failed,
    failureShare: round(failureShare, 6),
    requests: stats.requests,
    retries: stats.retries,
    latencyMs: summarizeLatency(stats.latencies),
    labels: options.labels,
    labelsSent: stats.labelsSent,
    labelsMatched: stats.labelsMatched,
    labelsUnmatched: stats.labelsUnmatched,
    labelsFailed: stats.labelsFailed,
    labelsPending: i.labelsPending,
    preparedSessions: i.preparedSessions,
    durationS: round(i.durationS),
    windowsPerSecond: round(i.durationS > 0 ? stats.acknowledged / i.durationS : 0),
    cpu: {
      userMs: round(i.cpu.user / 1000),
      systemMs: round(i.cpu.system / 1000),
      perWindowUs: round(stats.sent > 0 ? (cpuMs * 1000) / stats.sent : 0, 1),
    },
    devices: options.devices,
    speed: round(options.speed, 6),
    seed: options.seed,
    scenarios: options.scenarios.map((s) => s.text),
    replay: options.replay ?? null,
    drift: i.drift,
    interrupted: i.interrupted,
    lastError: stats.lastError ?? null,
    ok: failureShare <= options.maxFailureShare,
  };
}
