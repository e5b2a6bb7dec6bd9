/**
 * The command line → SenderOptions. Every problem is an OptionError naming the option, which the
 * CLI turns into exit status 2.
 */
import { parseArgs } from 'node:util';
import { EnvReader } from '@driftwatch/core/config/env-reader';
import { parseScenario } from '../scenarios/scenario-schedule.js';
import { OptionError } from '../option-values/option-error.js';
import { parseDelayRange, parseDuration } from '../option-values/parse-duration.js';
import { resolvePacing } from './resolve-pacing.js';
import { DEFAULT_OPTIONS, type LabelMode, type SenderOptions } from './sender-options.js';

const OPTIONS = {
  'prediction-url': { type: 'string' },
  'monitoring-url': { type: 'string' },
  dataset: { type: 'string' },
  token: { type: 'string' },
  rate: { type: 'string' },
  count: { type: 'string' },
  duration: { type: 'string' },
  devices: { type: 'string' },
  batch: { type: 'string' },
  seed: { type: 'string' },
  speed: { type: 'string' },
  scenario: { type: 'string', multiple: true },
  labels: { type: 'string' },
  'label-delay': { type: 'string' },
  'label-fraction': { type: 'string' },
  replay: { type: 'string' },
  'summary-json': { type: 'string' },
  'max-failure-share': { type: 'string' },
  'max-in-flight': { type: 'string' },
  retries: { type: 'string' },
  timeout: { type: 'string' },
  'poll-interval': { type: 'string' },
  'list-scenarios': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export type ParsedCommand =
  | { readonly kind: 'help' }
  | { readonly kind: 'list-scenarios' }
  | { readonly kind: 'run'; readonly options: SenderOptions };

type Env = Readonly<Record<string, string | undefined>>;

function number(
  text: string | undefined,
  option: string,
  check: (v: number) => boolean,
  need: string,
) {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || !check(value)) {
    throw new OptionError(option, `expects ${need}, got "${text}"`);
  }
  return value;
}

const positiveInt = (t: string | undefined, o: string) =>
  number(t, o, (v) => Number.isInteger(v) && v > 0, 'a positive integer');
const positive = (t: string | undefined, o: string) =>
  number(t, o, (v) => v > 0, 'a positive number');
const share = (t: string | undefined, o: string) =>
  number(t, o, (v) => v >= 0 && v <= 1, 'a number between 0 and 1');

function url(text: string, option: string): string {
  try {
    const parsed = new URL(text);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('protocol');
  } catch {
    throw new OptionError(option, `expects an http(s) URL, got "${text}"`);
  }
  return text.replace(/\/+$/, '');
}

function labelMode(text: string | undefined): LabelMode {
  if (text === undefined) return DEFAULT_OPTIONS.labels;
  if (text === 'delayed' || text === 'inline' || text === 'none') return text;
  throw new OptionError('--labels', `expects delayed, inline or none, got "${text}"`);
}

function parse(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false });
  } catch (error) {
    const message = (error as Error).message;
    const option = /'(-[^' ]+)/.exec(message)?.[1];
    if (option === undefined) throw new OptionError('command line', message);
    const problem = message.startsWith('Unknown option') ? 'is not a known option' : message;
    throw new OptionError(option, problem);
  }
}

export function parseCommand(argv: readonly string[], env: Env = {}): ParsedCommand {
  const { values: v } = parse(argv);
  if (v.help) return { kind: 'help' };
  if (v['list-scenarios']) return { kind: 'list-scenarios' };
  if (v.count !== undefined && v.duration !== undefined) {
    throw new OptionError('--count', 'cannot be combined with --duration; give one');
  }
  const replay = v.replay;
  if (replay !== undefined && (v.scenario?.length ?? 0) > 0) {
    throw new OptionError(
      '--scenario',
      'cannot be combined with --replay (a recording has its own signals)',
    );
  }
  const pacing = resolvePacing(
    {
      rate: positive(v.rate, '--rate'),
      devices: positiveInt(v.devices, '--devices'),
      speed: positive(v.speed, '--speed'),
    },
    replay !== undefined,
  );
  const d = DEFAULT_OPTIONS;
  const e = new EnvReader(env);
  const options: SenderOptions = {
    predictionUrl: url(
      v['prediction-url'] ?? e.optional('PREDICTION_URL') ?? d.predictionUrl,
      '--prediction-url',
    ),
    monitoringUrl: url(
      v['monitoring-url'] ?? e.optional('MONITORING_URL') ?? d.monitoringUrl,
      '--monitoring-url',
    ),
    dataset: v.dataset ?? d.dataset,
    token: v.token ?? e.optional('AUTH_TOKEN'),
    ...pacing,
    count: positiveInt(v.count, '--count'),
    durationS: v.duration === undefined ? undefined : parseDuration(v.duration, '--duration'),
    batch: positiveInt(v.batch, '--batch') ?? d.batch,
    seed: number(v.seed, '--seed', Number.isInteger, 'an integer') ?? d.seed,
    scenarios: (v.scenario ?? []).map(parseScenario),
    labels: labelMode(v.labels),
    labelDelay:
      v['label-delay'] === undefined
        ? d.labelDelay
        : parseDelayRange(v['label-delay'], '--label-delay'),
    labelFraction: share(v['label-fraction'], '--label-fraction') ?? d.labelFraction,
    replay,
    summaryJson: v['summary-json'],
    maxFailureShare: share(v['max-failure-share'], '--max-failure-share') ?? d.maxFailureShare,
    maxInFlight: positiveInt(v['max-in-flight'], '--max-in-flight') ?? d.maxInFlight,
    retries:
      number(v.retries, '--retries', (x) => Number.isInteger(x) && x >= 0, 'an integer ≥ 0') ??
      d.retries,
    timeoutMs: v.timeout === undefined ? d.timeoutMs : parseDuration(v.timeout, '--timeout') * 1000,
    pollIntervalS:
      v['poll-interval'] === undefined
        ? d.pollIntervalS
        : parseDuration(v['poll-interval'], '--poll-interval'),
  };
  return { kind: 'run', options };
}
