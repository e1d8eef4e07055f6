import { performance } from 'node:perf_hooks';
import { openBrowser } from '../../tests/helpers/chromium.ts';
import { startWebHostProcess } from '../../tests/helpers/web-host-process.ts';
import { round, stats } from './measure.ts';

export interface BrowserBench {
  hostStartMs: number;
  navigationToRowsMs: number;
  launchToRowsMs: number;
  /** Keystroke to the second animation frame after it: includes waiting for the frame. */
  filterToPaintMs: { max: number; p50: number; mean: number };
  /** The input handler, filter and React render, synchronously. */
  filterSyncMs: { max: number; p50: number; mean: number };
  longestTaskDuringTypingMs: number;
}

/**
 * The real renderer in real Chromium against the web host: from starting the
 * host (which opens the library) to rows on screen, and from each keystroke in
 * the quick filter to the next painted frame.
 */
export async function benchBrowser(libraryDir: string): Promise<BrowserBench> {
  const t0 = performance.now();
  const host = await startWebHostProcess(libraryDir);
  const hostStartMs = performance.now() - t0;
  const browser = await openBrowser();
  try {
    const { page } = browser;
    const nav = performance.now();
    await page.goto(host.url);
    await page.getByTestId('item-row').first().waitFor({ timeout: 60_000 });
    const navigationToRowsMs = performance.now() - nav;

    // In-page code is passed as source text: this file is type-checked for Node, without DOM types.
    await page.evaluate(`(() => {
      window.__longest = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__longest = Math.max(window.__longest, entry.duration);
      }).observe({ type: 'longtask', buffered: false });
    })()`);
    const query = 'attention transformer';
    const samples: number[] = [];
    const syncSamples: number[] = [];
    await page.getByTestId('quick-filter').click();
    for (let i = 1; i <= query.length; i++) {
      const ms = await page.evaluate<{ sync: number; paint: number }>(`(async () => {
        const box = document.querySelector('[data-testid="quick-filter"]');
        const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
        const start = performance.now();
        setter.call(box, ${JSON.stringify(query.slice(0, i))});
        box.dispatchEvent(new Event('input', { bubbles: true }));
        const sync = performance.now() - start;
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        return { sync, paint: performance.now() - start };
      })()`);
      samples.push(ms.paint);
      syncSamples.push(ms.sync);
    }
    const longest = await page.evaluate<number>('window.__longest');
    return {
      hostStartMs: round(hostStartMs),
      navigationToRowsMs: round(navigationToRowsMs),
      launchToRowsMs: round(hostStartMs + navigationToRowsMs),
      filterToPaintMs: stats(samples),
      filterSyncMs: stats(syncSamples),
      longestTaskDuringTypingMs: round(longest),
    };
  } finally {
    await browser.close();
    await host.stop();
  }
}
