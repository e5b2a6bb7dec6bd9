import { DEFAULT_OPTIONS } from './sender-options.js';

const d = DEFAULT_OPTIONS;

export const HELP_TEXT = `Usage: npm run sender -- [options]

Plays simulated wearers (or a recording) against the prediction service as production traffic,
with optional drift scenarios and delayed ground-truth labels.

Targets
  --prediction-url URL     prediction service (default $PREDICTION_URL or ${d.predictionUrl})
  --monitoring-url URL     monitoring service (default $MONITORING_URL or ${d.monitoringUrl})
  --dataset NAME           monitoring dataset (default ${d.dataset})
  --token TOKEN            bearer token (default $AUTH_TOKEN)

Traffic (rate = devices x speed / 3.02 s; give any two of the three)
  --devices N              concurrent simulated devices (default ${d.devices})
  --speed X                simulated seconds per wall-clock second (default ${d.speed})
  --rate R                 windows per wall-clock second over all devices
  --count N | --duration D stop after N windows or D wall-clock time (default: until Ctrl-C)
  --batch N                windows per /predict request (default ${d.batch})
  --seed N                 seed of the population (default ${d.seed})
  --max-in-flight N        concurrent requests (default ${d.maxInFlight})
  --retries N              retries on network errors, 429 and 5xx (default ${d.retries})
  --timeout D              per-request timeout (default ${d.timeoutMs / 1000}s)

Drift
  --scenario NAME[@START[+RAMP]]  repeatable; START/RAMP as simulated time (90s, 2m) or
                           window counts (200 or 200w); see --list-scenarios

Labels
  --labels MODE            delayed (default), inline (label inside the window) or none
  --label-delay D          simulated delay, fixed (30s) or uniform range (10s..60s); default 30s
  --label-fraction F       share of windows that get a label (default ${d.labelFraction})

Replay
  --replay FILE.csv        stream a 50 Hz recording: time, accel_x..gyro_z, optional label

Output
  --summary-json FILE      write the final summary as JSON
  --max-failure-share F    exit 1 when more windows failed (default ${d.maxFailureShare})
  --poll-interval D        how often the drift report is polled (default ${d.pollIntervalS}s)
  --list-scenarios         print the scenarios and what should catch them
  -h, --help               this text

Exit status: 0 ok, 1 target unreachable or too many failures, 2 bad options.
`;
