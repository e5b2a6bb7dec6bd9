/**
 * The drift CLI's work (docs/contracts.md, Drift CLI): reads both files, fits the reference profile
 * and renders the report as JSON (with the settings that decided), text or a self-contained HTML
 * page. Exit 0 on success, 2 on bad usage or input (one line on stderr, nothing on stdout), 3 when
 * the dataset drifts and --fail-on-drift is set.
 */
import { basename } from 'node:path';
import { computeDriftReport } from '@driftwatch/core/drift/compute-report';
import { resolveThresholds } from '@driftwatch/core/drift/decision-rules';
import type { ReferenceProfile } from '@driftwatch/core/drift/engine-api';
import { fitReferenceProfile } from '@driftwatch/core/drift/reference-profile';
import { reportSettings, withSettings } from '@driftwatch/core/drift/report-settings';
import type { DriftReport } from '@driftwatch/core/drift/report-types';
import { renderHtmlReport } from '../report-html/render-html-report.js';
import { reportPage } from '../report-html/report-page.js';
import { CliInputError } from './cli-input-error.js';
import type { CliIo } from './cli-io.js';
import {
  type CliResult,
  EXIT_BAD_INPUT,
  EXIT_DRIFT,
  EXIT_INTERNAL_ERROR,
  EXIT_OK,
} from './cli-result.js';
import type { DriftCliOptions } from './drift-args.js';
import { formatTextReport } from './format-text-report.js';
import { engineFingerprint } from './engine-fingerprint.js';
import { packageVersion } from './package-version.js';
import { readCachedProfile, writeCachedProfile } from './profile-cache.js';
import { type DriftTables, loadDriftTables, type SchemaReader } from './load-drift-tables.js';

/** Parts of every cache key: a new version, or changed engine code, may fit profiles differently. */
const CLI_VERSION = packageVersion(import.meta.url);
/** Read only by a run that uses the cache: it hashes the engine's modules. */
let engine: { fingerprint: string | undefined } | undefined;

/**
 * Runs the drift comparison the parsed options ask for, without touching the process's streams
 * or exit code (driftMain parses the arguments and calls this). `readSchema` is needed only when
 * the options name a --schema.
 */
export function runDriftReport(
  options: DriftCliOptions,
  io: CliIo,
  readSchema?: SchemaReader,
): CliResult {
  try {
    const cacheDir = options.cache ? io.cacheDir : undefined;
    const tables = loadDriftTables(options, io, cacheDir !== undefined, readSchema);
    const profile = referenceProfile(tables, cacheDir, io);
    const reportOptions = { alpha: options.alpha, benjaminiHochberg: options.benjaminiHochberg };
    const report = computeDriftReport(profile, tables.current, reportOptions);
    const stdout = render(options, report, { profile, tables, io });
    const exitCode = options.failOnDrift && report.dataset.drifted ? EXIT_DRIFT : EXIT_OK;
    return { exitCode, stdout, stderr: '' };
  } catch (error) {
    if (error instanceof CliInputError) {
      return { exitCode: EXIT_BAD_INPUT, stdout: '', stderr: `drift: ${error.message}\n` };
    }
    const message = error instanceof Error ? error.message : String(error);
    return {
      exitCode: EXIT_INTERNAL_ERROR,
      stdout: '',
      stderr: `drift: internal error: ${message}\n`,
    };
  }
}

/**
 * The fitted reference profile: from the cache when it holds one for this reference content and
 * these column roles, otherwise fitted (and then stored there).
 */
function referenceProfile(
  tables: DriftTables,
  cacheDir: string | undefined,
  io: CliIo,
): ReferenceProfile {
  const fitted = () => fitReferenceProfile(tables.reference(), tables.roles.features);
  if (cacheDir === undefined || tables.referenceHash === null) return fitted();
  engine ??= { fingerprint: engineFingerprint(import.meta.url) };
  if (engine.fingerprint === undefined) return fitted();
  const key = {
    contentHash: tables.referenceHash,
    roles: tables.roles,
    version: CLI_VERSION,
    engine: engine.fingerprint,
  };
  const cached = readCachedProfile(cacheDir, key);
  if (cached !== null) {
    io.progress?.(`reference profile read from the cache (${cacheDir})`);
    return cached;
  }
  const profile = fitted();
  writeCachedProfile(cacheDir, key, profile);
  return profile;
}

interface RenderContext {
  profile: ReferenceProfile;
  tables: DriftTables;
  io: CliIo;
}

function render(options: DriftCliOptions, report: DriftReport, context: RenderContext): string {
  const thresholds = resolveThresholds({
    alpha: options.alpha,
    benjaminiHochberg: options.benjaminiHochberg,
  });
  if (options.format === 'text') return formatTextReport(report, options.alpha);
  if (options.format === 'json') {
    return `${JSON.stringify(withSettings(report, thresholds), null, 2)}\n`;
  }
  const { profile, tables, io } = context;
  const page = reportPage({
    dataset: options.current === '-' ? 'stdin' : basename(options.current),
    modelVersion: tables.modelVersion,
    computedAtMs: io.now(),
    profile,
    report,
    settings: reportSettings(thresholds),
    current: tables.current,
    labelled: tables.current,
  });
  return renderHtmlReport(page);
}
