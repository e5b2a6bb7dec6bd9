/** The monitoring service's view of the traffic, polled from GET /v1/datasets/:dataset/report. */
import type { DriftReport } from '@driftwatch/core/drift/report-types';

export interface DriftStatus {
  /** `drift`, `no drift`, `no report yet` or `unreachable`. */
  readonly state: string;
  readonly driftedFeatures?: number;
  readonly totalFeatures?: number;
  readonly predictionDrift?: boolean;
  readonly accuracy?: number;
}

export type FetchReport = () => Promise<{ status: number | undefined; body: unknown }>;

export function statusOf(status: number | undefined, body: unknown): DriftStatus {
  if (status === undefined) return { state: 'unreachable' };
  if (status === 404) return { state: 'no report yet' };
  if (status !== 200) return { state: `HTTP ${status}` };
  const report = body as DriftReport;
  return {
    state: report.dataset.drifted ? 'drift' : 'no drift',
    driftedFeatures: report.dataset.driftedFeatures,
    totalFeatures: report.dataset.totalFeatures,
    predictionDrift: report.prediction?.drifted ?? false,
    ...(report.classification ? { accuracy: report.classification.accuracy } : {}),
  };
}

export function formatDrift(s: DriftStatus): string {
  if (s.driftedFeatures === undefined) return s.state;
  const prediction = s.predictionDrift ? ', prediction drift' : '';
  const accuracy = s.accuracy === undefined ? '' : `, acc ${s.accuracy.toFixed(2)}`;
  return `${s.state} (${s.driftedFeatures}/${s.totalFeatures} features${prediction}${accuracy})`;
}

export async function getReport(
  fetchFn: typeof fetch,
  url: string,
  timeoutMs: number,
): Promise<{ status: number | undefined; body: unknown }> {
  try {
    const res = await fetchFn(url, { signal: AbortSignal.timeout(timeoutMs) });
    const text = await res.text();
    return { status: res.status, body: res.status === 200 ? JSON.parse(text) : text };
  } catch {
    return { status: undefined, body: undefined };
  }
}
