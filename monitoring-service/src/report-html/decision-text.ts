/**
 * How a decision is worded in the HTML report. A report may carry, per test, the decision that
 * was taken (`decision: { method, statistic, threshold }`); when it does the page shows that
 * method and threshold, and otherwise the significance rule p < α of the settings.
 */
import type { ReportSettings } from '@driftwatch/core/drift/report-settings';
import { formatNumber } from './html-text.js';

/** The optional decision a report may record beside a test. */
export interface RecordedDecision {
  method: string;
  statistic: number;
  threshold: number;
}

/** Reads the optional `decision` of a report section without assuming it is there. */
export function recordedDecision(section: object): RecordedDecision | null {
  const decision = (section as { decision?: unknown }).decision;
  if (typeof decision !== 'object' || decision === null) return null;
  const { method, statistic, threshold } = decision as Partial<RecordedDecision>;
  if (typeof method !== 'string' || typeof threshold !== 'number') return null;
  return { method, statistic: typeof statistic === 'number' ? statistic : Number.NaN, threshold };
}

/** The threshold cell: the recorded method and threshold, or "p < α" with the settings' α. */
export function thresholdText(section: object, settings: ReportSettings, pValueName = 'p'): string {
  const decision = recordedDecision(section);
  if (decision) return `${decision.method}, threshold ${formatNumber(decision.threshold)}`;
  return `${pValueName} < ${settings.alpha}`;
}
