/**
 * Node options the prediction service is started with (package.json's start:prediction, the
 * local stack, the tests' and the bench's child processes).
 *
 * --single-threaded-gc: V8 otherwise scavenges and marks with helper threads, which on a small
 * machine compete for the cores with the event loop, the featurize worker and the fdatasync
 * thread that every answer waits on. In interleaved bench runs on 2 cores the paced p99 of
 * single windows fell from 16-19 ms to 9-11 ms (medians of runs), at ~3 % of batch throughput.
 */
export const PREDICTION_NODE_FLAGS: readonly string[] = ['--single-threaded-gc'];
