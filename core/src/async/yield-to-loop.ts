/**
 * Lets the event loop run pending I/O (other requests, health probes) before continuing: the way
 * long request work is cut into slices that each hold the loop only briefly.
 */
export function yieldToLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
