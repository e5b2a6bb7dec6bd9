import { aboutWindow, apiError } from '../errors/api-error.js';

/**
 * The rule for class values outside the model's classes, the same in both services: a window
 * whose ground-truth `label` is not one of them is rejected with 400 naming the value, and the
 * whole request with it, before anything is stored or forwarded.
 */
export function checkWindowLabels(
  windows: readonly { windowId?: string; label?: string }[],
  classLabels: readonly string[],
): void {
  const known = new Set(classLabels);
  windows.forEach((window, index) => {
    if (window.label === undefined || known.has(window.label)) return;
    const shown = JSON.stringify(window.label.slice(0, 100));
    throw apiError(
      'invalid_window',
      `window ${index}: label ${shown} is not one of the model's classes: ${classLabels.join(', ')}`,
      aboutWindow(index, window.windowId, 'label'),
    );
  });
}
