import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { driftMain } from '../../../monitoring-service/src/cli/drift-main.js';
import type { DriftReport } from '../../../core/src/drift/report-types.js';
import { readFixture } from '../../helpers/fixtures.js';
import { expectClose } from '../expect-close.js';
import { cliFixture, REPO_ROOT, reportFixture, runDrift, runDriftProcess } from './run-cli.js';

const pick = ({ stdout, stderr }: { stdout: string; stderr: string }) => ({ stdout, stderr });
const expected = readFixture<{ report: DriftReport }>('drift/expected-report.json').report;
const small = ['--reference', cliFixture('reference.csv')];
const fixtureFiles = [
  '--reference',
  reportFixture('reference.csv'),
  '--current',
  reportFixture('current.csv'),
];

describe('drift CLI: reports', () => {
  it('prints the JSON report with the pinned shape and scipy’s numbers', () => {
    const { status, stdout, stderr } = runDrift(fixtureFiles);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const report = JSON.parse(stdout) as DriftReport;
    expect(Object.keys(report)).toEqual([
      'rows',
      'features',
      'dataset',
      'prediction',
      'target',
      'classification',
      'estimatedClassification',
      'settings',
    ]);
    // The fixture files have no probability columns to estimate from.
    expect(report.estimatedClassification).toBeNull();
    expect(report.rows).toEqual(expected.rows);
    expect(report.dataset).toMatchObject(expected.dataset);
    for (const [name, feature] of Object.entries(expected.features)) {
      expectClose(report.features[name]!.ks.pValue, feature.ks.pValue, name);
      expectClose(report.features[name]!.psi, feature.psi, name);
    }
    expectClose(report.prediction!.chiSquare.pValue, expected.prediction!.chiSquare.pValue, 'pred');
    expect(report.classification!.labels).toEqual(expected.classification!.labels);
  });

  // The one run through its own process: the exit code, stdin and the streams are what the entry
  // point decides.
  it('exits 3 with --fail-on-drift when the dataset drifts, reading "-" from stdin', () => {
    const current = readFileSync(join(REPO_ROOT, reportFixture('current.csv')), 'utf8');
    const args = ['--reference', reportFixture('reference.csv'), '--current', '-'];
    const drifting = runDriftProcess([...args, '--fail-on-drift'], current);
    expect(drifting.stderr).toBe('');
    expect(drifting.status).toBe(3);
    expect(drifting.stdout).toBe(runDrift(fixtureFiles).stdout);
    expect(JSON.parse(drifting.stdout).dataset.drifted).toBe(true);
  });

  it('exits 0 with --fail-on-drift when BH clears the drift', () => {
    const corrected = runDrift([...fixtureFiles, '--fail-on-drift', '--bh']);
    expect(corrected.status).toBe(0);
    expect(JSON.parse(corrected.stdout).features.f_mild.ks.adjustedPValue).toBeGreaterThan(0.05);
    expect(runDrift([...fixtureFiles, '--fail-on-drift']).status).toBe(3);
  });

  it('prints a readable table with the categorical lines and a summary last', () => {
    const { status, stdout } = runDrift([...fixtureFiles, '--format', 'text']);
    expect(status).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Drift report: reference 240 rows, current 90 rows, α = 0.05');
    expect(lines[2]).toMatch(/^feature\s+KS D\s+p-value\s+PSI\s+drifted$/);
    expect(lines.find((l) => l.startsWith('f_shift'))).toMatch(
      /^f_shift\s+0\.\d{4}\s+\S+\s+\d\.\d{4}\s+yes$/,
    );
    expect(lines.find((l) => l.startsWith('f_const'))).toMatch(
      /\s0\.0000\s+1\.0000\s+0\.0000\s+no$/,
    );
    expect(stdout).toMatch(
      /^prediction: chi² [\d.]+ \(dof 5\), p [\d.e-]+, JS [\d.]+, PSI [\d.]+ → drifted$/m,
    );
    expect(stdout).toMatch(/^target: +chi² /m);
    expect(stdout).toMatch(/^classification: \d+ labelled rows, accuracy 0\.\d{4}/m);
    expect(lines.at(-1)).toBe('dataset: 3 of 6 features drifted (share 0.50) → DRIFT');
  });

  it('adds a BH column to the table with --bh', () => {
    const { stdout } = runDrift([...fixtureFiles, '--format', 'text', '--bh', '--alpha', '0.1']);
    expect(stdout).toMatch(/^feature\s+KS D\s+p-value\s+BH p\s+PSI\s+drifted$/m);
    expect(stdout).toContain('α = 0.1');
  });

  it('reads JSON Lines and quoted CSV labels alike', () => {
    const csv = runDrift([...small, '--current', cliFixture('current.csv')]);
    const jsonl = runDrift([...small, '--current', cliFixture('current.jsonl')]);
    expect(csv.status).toBe(0);
    expect(jsonl.stdout).toBe(csv.stdout);
    const report = JSON.parse(csv.stdout) as DriftReport;
    expect(report.classification!.labels).toEqual(['Curl, hammer', 'Junk', 'Squat']);
    expect(report.target).not.toBeNull();
  });

  it('treats columns outside --features as ignored and absent label columns as null sections', () => {
    const named = runDrift([
      ...small,
      '--current',
      cliFixture('current-extra-column.csv'),
      '--features',
      'a,c',
    ]);
    expect(named.status).toBe(0);
    expect(Object.keys(JSON.parse(named.stdout).features)).toEqual(['a', 'c']);
    const unlabelled = runDrift([...small, '--current', cliFixture('current-no-labels.csv')]);
    expect(unlabelled.status).toBe(0);
    const report = JSON.parse(unlabelled.stdout) as DriftReport;
    expect([report.prediction, report.target, report.classification]).toEqual([null, null, null]);
  });

  it('prints its usage with --help, even among other options', () => {
    for (const args of [['--help'], [...small, '--version', '--help']]) {
      const { status, stdout, stderr } = runDrift(args);
      expect([status, stderr]).toEqual([0, '']);
      expect(stdout).toMatch(/^Usage: npm run --silent drift -- --reference FILE --current FILE/);
      expect(stdout).toContain('--fail-on-drift');
    }
  });

  it('prints the version of its package with --version', () => {
    const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
    expect(runDrift(['--version'])).toEqual({ status: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('runs a report through driftMain, loading the engine on demand', async () => {
    const io = { now: Date.now, readStdin: () => '' };
    const result = await driftMain(fixtureFiles, io);
    expect(result).toEqual({ exitCode: 0, ...pick(runDrift(fixtureFiles)) });
    expect(await driftMain(['--colour'], io)).toMatchObject({ exitCode: 2, stdout: '' });
    const withSchema = [...fixtureFiles, '--schema', cliFixture('fixture.schema.json')];
    expect(await driftMain(withSchema, io)).toEqual({ exitCode: 0, ...pick(runDrift(withSchema)) });
    const features = Object.keys(JSON.parse(runDrift(withSchema).stdout).features);
    expect(features).toEqual(['f_shift', 'f_mild']);
  });
});

describe('drift CLI: bad input exits 2 with one message and no report', () => {
  it.each([
    [
      'a missing file',
      [...small, '--current', cliFixture('nope.csv')],
      /^drift: cannot read current file .*nope\.csv: no such file$/,
    ],
    [
      'an unknown extension',
      [...small, '--current', cliFixture('current.txt')],
      /current\.txt: unknown extension; use \.csv, \.jsonl or \.ndjson$/,
    ],
    [
      'a non-numeric feature value',
      [...small, '--current', cliFixture('current-non-numeric.csv')],
      /current-non-numeric\.csv, line 3 \(row 2\), column "b": "abc" is not a finite number$/,
    ],
    [
      'a single data row',
      [...small, '--current', cliFixture('current-one-row.csv')],
      /current-one-row\.csv has 1 data row\(s\); at least 2 are needed$/,
    ],
    [
      'an extra feature column',
      [...small, '--current', cliFixture('current-extra-column.csv')],
      /different feature columns: .*reference\.csv lacks "d"$/,
    ],
    [
      'a missing feature column',
      [...small, '--current', cliFixture('current-missing-column.csv')],
      /different feature columns: .*current-missing-column\.csv lacks "c"$/,
    ],
    [
      'an unknown --target',
      [...small, '--current', cliFixture('current.csv'), '--target', 'truth'],
      /reference\.csv has no column "truth" \(--target\)$/,
    ],
    [
      'an explicit --prediction absent from one file',
      [...small, '--current', cliFixture('current-no-labels.csv'), '--prediction', 'prediction'],
      /current-no-labels\.csv has no column "prediction" \(--prediction\)$/,
    ],
    [
      'an unknown --features column',
      [...small, '--current', cliFixture('current.csv'), '--features', 'a,zz'],
      /has no column "zz" \(--features\)$/,
    ],
    [
      'a broken JSON line',
      [...small, '--current', cliFixture('current-bad-json.jsonl')],
      /current-bad-json\.jsonl, line 2 \(row 2\): the line is not valid JSON/,
    ],
    [
      'a ragged CSV row',
      [...small, '--current', cliFixture('current-ragged.csv')],
      /current-ragged\.csv, line 3 \(row 2\): the row has 4 fields where the header has 5$/,
    ],
    ['no --current', small, /^drift: --current FILE is required$/],
    [
      'an unknown option',
      [...small, '--current', cliFixture('current.csv'), '--colour'],
      /Unknown option '--colour'/,
    ],
    [
      'a bad --format',
      [...small, '--current', cliFixture('current.csv'), '--format', 'xml'],
      /--format must be json, text or html, got "xml"$/,
    ],
    [
      'a bad --alpha',
      [...small, '--current', cliFixture('current.csv'), '--alpha', '5'],
      /--alpha must be a number between 0 and 1, got "5"$/,
    ],
  ])('%s', (_, args, message) => {
    const { status, stdout, stderr } = runDrift(args);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.endsWith('\n')).toBe(true);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr.trimEnd()).toMatch(/^drift: /);
    expect(stderr.trimEnd()).toMatch(message);
  });
});
