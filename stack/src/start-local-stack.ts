/**
 * `npm start`: the local stack with traffic. Starts the services (and Prometheus/Alertmanager
 * when installed), then the sender; prints a status line every 10 s; Ctrl-C or SIGTERM stops
 * the sender, then every child (SIGTERM, SIGKILL after a grace period); a second Ctrl-C kills
 * at once (copies of the first one forwarded by npm and tsx are not a second Ctrl-C, see
 * stop-signals.ts). Ends with a summary of the run. Exit status: 0 after a requested stop, 1
 * when something failed, 2 for bad options.
 */
import { rmSync } from 'node:fs';
import { relative } from 'node:path';
import { OptionError, runSender, type Summary } from '@driftwatch/sender';
import { demoSenderOptions, describeTraffic } from './demo-traffic.js';
import { LAUNCHER_HELP, type LauncherOptions, parseLauncherArgs } from './launcher-options.js';
import { type LocalStack, startLocalStack } from './local-stack.js';
import type { ManagedProcess } from './managed-process.js';
import { preflight } from './preflight.js';
import { StackStartError } from './readiness.js';
import { EnvError } from '@driftwatch/core/config/env-error';
import { defaultStackConfig, type StackConfig } from './stack-config.js';
import { AlertTimeline } from './alert-timeline.js';
import { stackPaths } from './process-specs.js';
import { runSummary } from './run-summary.js';
import {
  deliveredAlerts,
  describeFiring,
  firingAlertCounts,
  LatestLine,
  statusText,
} from './stack-status.js';
import { StopSignals } from './stop-signals.js';
import { INSTALL_HINT, whereToLook } from './where-to-look.js';

const STATUS_EVERY_MS = 10_000;
const say = (line: string) => process.stdout.write(`${line}\n`);

function onStopSignal(controller: AbortController): void {
  const signals = new StopSignals();
  const stop = (signal: string) => {
    const action = signals.receive();
    if (action === 'echo') return;
    if (action === 'kill') {
      say(`${signal} again: killing everything now`);
      process.exit(130); // the exit hook SIGKILLs the children
    }
    say(`${signal}: stopping the stack gracefully (Ctrl-C again to kill at once)`);
    controller.abort();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

async function prepare(o: LauncherOptions): Promise<StackConfig> {
  const config = defaultStackConfig(process.env, o.prometheus);
  if (o.prometheus && !config.binaries) {
    say(`prometheus or prometheus-alertmanager not found; running without them. ${INSTALL_HINT}`);
  }
  await preflight(config);
  if (!o.keepData) rmSync(config.dataDir, { recursive: true, force: true });
  return config;
}

type Outcome = { kind: 'stop' } | { kind: 'exit'; process: ManagedProcess } | { kind: 'sender' };

function whenAborted(signal: AbortSignal): Promise<Outcome> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve({ kind: 'stop' });
    signal.addEventListener('abort', () => resolve({ kind: 'stop' }), { once: true });
  });
}

function statusPrinter(
  config: StackConfig,
  output: LatestLine,
  timeline: AlertTimeline,
): () => Promise<void> {
  const startMs = Date.now();
  const prometheusUrl = `http://127.0.0.1:${config.ports.prometheus}`;
  return async () => {
    const elapsedS = (Date.now() - startMs) / 1000;
    if (!config.binaries) {
      say(statusText(elapsedS, output.latest(), undefined));
      return;
    }
    const firing = await firingAlertCounts(prometheusUrl);
    if (firing) timeline.observe(elapsedS, firing);
    say(statusText(elapsedS, output.latest(), describeFiring(firing)));
  };
}

/** Runs traffic and the status line until a stop is requested or something ends. */
async function runTraffic(stack: LocalStack, o: LauncherOptions, stop: AbortSignal) {
  const senderOptions = demoSenderOptions(o, stack.config);
  say(whereToLook(stack.config, senderOptions, describeTraffic(senderOptions, o)));
  const output = new LatestLine();
  const senderStop = new AbortController();
  const sender = runSender(senderOptions, { signal: senderStop.signal, output });
  const timeline = new AlertTimeline();
  const printStatus = statusPrinter(stack.config, output, timeline);
  const timer = setInterval(() => void printStatus(), STATUS_EVERY_MS);
  const outcome = await Promise.race<Outcome>([
    whenAborted(stop),
    stack.firstExit().then((p) => ({ kind: 'exit', process: p })),
    sender.then(
      () => ({ kind: 'sender' }),
      () => ({ kind: 'sender' }),
    ),
  ]);
  clearInterval(timer);
  senderStop.abort();
  const summary: Summary | Error = await sender.catch((error: Error) => error);
  // Last look before the services stop: a final status line also records late alerts.
  if (outcome.kind === 'stop') await printStatus();
  const delivered = await deliveredAlerts(`http://127.0.0.1:${stack.config.ports.monitoring}`);
  return { outcome, summary, timeline, delivered };
}

/** Says what ended the run; returns the exit status it deserves. */
async function report(outcome: Outcome, summary: Summary | Error): Promise<number> {
  if (summary instanceof Error) say(`sender failed: ${summary.message}`);
  else say(`sender: ${summary.acknowledged} of ${summary.sent} windows acknowledged`);
  if (outcome.kind === 'exit') {
    const p = outcome.process;
    say(`${p.name} exited unexpectedly (${await p.exited}); end of ${p.logFile}:\n${p.tail()}`);
    return 1;
  }
  return outcome.kind === 'stop' ? 0 : 1;
}

async function main(): Promise<number> {
  const options = parseLauncherArgs(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(LAUNCHER_HELP);
    return 0;
  }
  const controller = new AbortController();
  onStopSignal(controller);
  const config = await prepare(options);
  const stack = await startLocalStack(config, {
    signal: controller.signal,
    onReady: (p, spec) => say(`${p.name} ready (${spec.readyUrl})`),
  });
  const run = await runTraffic(stack, options, controller.signal);
  const status = await report(run.outcome, run.summary);
  say('stopping services…');
  const exits = await stack.stop();
  say('stopped');
  const inside = (path: string) => relative(process.cwd(), path) || '.';
  const here = (path: string) => (inside(path).startsWith('..') ? path : inside(path));
  process.stdout.write(
    runSummary({
      sender: run.summary,
      alerts: config.binaries ? run.timeline.list() : null,
      delivered: run.delivered,
      exits,
      dataDir: here(config.dataDir),
      logsDir: here(stackPaths(config.dataDir).logs),
      keepData: options.keepData,
    }),
  );
  return status;
}

main().then(
  (code) => {
    process.exit(code);
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`npm start: ${message}\n`);
    if (error instanceof OptionError) process.stderr.write('Try npm start -- --help.\n');
    if (
      !(
        error instanceof OptionError ||
        error instanceof StackStartError ||
        error instanceof EnvError
      )
    ) {
      process.stderr.write(`${(error as Error).stack ?? ''}\n`);
    }
    process.exit(error instanceof OptionError ? 2 : 1);
  },
);
