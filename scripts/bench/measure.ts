import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

export async function timed<T>(run: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await run();
  return { ms: round(performance.now() - start), value };
}

export function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

/**
 * The longest time the event loop was blocked while `run` was in flight,
 * from a 1 ms ticker: any gap beyond the tick is time the loop could not run
 * (blockMs, wall clock), and the most CPU the main thread spent in one such gap (blockCpuMs).
 */
export async function longestBlock<T>(run: () => Promise<T>): Promise<{ blockMs: number; blockCpuMs: number; histogramMaxMs: number; value: T }> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  // The main thread's own CPU time between ticks: on a loaded machine a wall-clock gap is mostly waiting for a
  // core, while this is the work that really held the loop (no other thread's time in it).
  const threadCpuMs = (): number => {
    const usage = process.threadCpuUsage();
    return (usage.user + usage.system) / 1000;
  };
  let last = performance.now();
  let lastCpu = threadCpuMs();
  let worst = 0;
  let worstCpu = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    const cpu = threadCpuMs();
    worst = Math.max(worst, now - last - 1);
    worstCpu = Math.max(worstCpu, cpu - lastCpu);
    last = now;
    lastCpu = cpu;
  }, 1);
  try {
    const value = await run();
    await new Promise((r) => setTimeout(r, 5));
    return { blockMs: round(Math.max(0, worst)), blockCpuMs: round(worstCpu), histogramMaxMs: round(histogram.max / 1e6), value };
  } finally {
    clearInterval(ticker);
    histogram.disable();
  }
}

export function stats(samples: number[]): { max: number; p50: number; p95: number; mean: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = samples.reduce((a, b) => a + b, 0) / Math.max(1, samples.length);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  return { max: round(sorted.at(-1) ?? 0), p50: round(at(0.5)), p95: round(at(0.95)), mean: round(mean) };
}
