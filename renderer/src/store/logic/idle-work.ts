/**
 * Runs `step` in idle slices until it reports done. `step` gets a `stop()`
 * that turns true when the slice's budget is spent, so no slice costs a frame.
 * Returns a cancel function.
 */
export function runWhenIdle(step: (stop: () => boolean) => boolean, sliceMs = 8): () => void {
  let cancelled = false;
  const schedule = (run: () => void): void => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 500 });
    else setTimeout(run, 0);
  };
  const slice = (): void => {
    if (cancelled) return;
    const end = performance.now() + sliceMs;
    if (!step(() => performance.now() >= end)) schedule(slice);
  };
  schedule(slice);
  return () => {
    cancelled = true;
  };
}
