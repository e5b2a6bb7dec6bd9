/**
 * Node options the prediction service is started with (package.json's start:prediction, the
 * local stack, the tests' and the bench's child processes).
 *
 * --single-threaded-gc: V8 otherwise scavenges and marks with helper threads, which on a small
 * machine compete for the cores with the event loop, the featurize worker and the fdatasync
 * thread that every answer waits on. In interleaved bench runs on 2 cores the paced p99 of
 * single windows fell from 16-19 ms to 9-11 ms (medians of runs), at ~3 % of batch throughput.
 *
 * --heap-growing-percent=300: after each old-generation collection V8 sets the next one's limit
 * at live size times a factor it picks from the allocation rate. Under steady paced traffic it
 * picked a small one and collected the main isolate's ~25 MB old generation every 0.5-1 s, each
 * collection pausing the loop for 2-9 ms and delaying the answers queued behind it. 300 pins the
 * factor at 4, V8's own maximum: two collections in 15 s of paced traffic instead of 12-21.
 * Paced p99 (mean of four interleaved runs' medians): 8.4 ms against 9.1 ms without the flag,
 * 7.7 ms together with the outbox no longer holding leased events. The heap grows to ~90 MB.
 */
export const PREDICTION_NODE_FLAGS: readonly string[] = [
  '--single-threaded-gc',
  '--heap-growing-percent=300',
];
