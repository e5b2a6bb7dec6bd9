import { yieldToLoop } from './yield-to-loop.js';

/**
 * `items.map(fn)` that yields to the event loop after every `sliceSize` items, so checking or
 * storing a batch of thousands holds the loop for a few milliseconds at a time, not the whole
 * batch. Throws what `fn` throws; items after it are not visited.
 */
export async function mapInSlices<T, R>(
  items: readonly T[],
  fn: (item: T, index: number) => R,
  sliceSize = 200,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  for (let i = 0; i < items.length; i++) {
    if (i > 0 && i % sliceSize === 0) await yieldToLoop();
    out[i] = fn(items[i]!, i);
  }
  return out;
}
