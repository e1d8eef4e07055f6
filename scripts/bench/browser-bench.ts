import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import { openBrowser } from '../../tests/helpers/chromium.ts';
import { startWebHostProcess, type RunningHost } from '../../tests/helpers/web-host-process.ts';
import { round, stats } from './measure.ts';

type Stats = ReturnType<typeof stats>;

export interface LaunchFigures {
  hostStartMs: number;
  navigationToRowsMs: number;
  /** Starting the host process (which opens the library) to the first rows painted. */
  launchToRowsMs: number;
}

export interface BrowserBench {
  /** With rows-cache.json (a clean close before): the table paints from the cache while the library loads. */
  warm: LaunchFigures;
  /** Without it (after a crash): the table waits for the load. */
  cold: LaunchFigures;
  /** Keystroke to the first frame painted after the table shows that query's answer. */
  filterToPaintMs: Stats;
  /** The input handler and React render, synchronously (the answer comes later, from the service). */
  filterSyncMs: Stats;
  longestTaskDuringTypingMs: number;
  /** Scrolling through the table in 30 jumps of 40 rows and 10 of 4,000: pages load as they come into view. */
  longestTaskDuringScrollMs: number;
  /** After each jump, until no placeholder row is left on screen. */
  scrollToRowsMs: Stats;
}

// In-page code is passed as source text: this file is type-checked for Node, without DOM types.
/** Starts (or restarts) recording the page's longest task in window.__longest. Shared by the browser benches. */
export const OBSERVE_LONG_TASKS = `(() => {
  window.__longest = 0;
  window.__observer?.disconnect();
  window.__observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longest = Math.max(window.__longest, entry.duration);
  });
  window.__observer.observe({ type: 'longtask', buffered: false });
})()`;

async function launch(libraryDir: string, page: Page): Promise<{ host: RunningHost; figures: LaunchFigures }> {
  const t0 = performance.now();
  const host = await startWebHostProcess(libraryDir);
  const hostStartMs = performance.now() - t0;
  const nav = performance.now();
  await page.goto(host.url);
  await page.getByTestId('item-row').first().waitFor({ timeout: 120_000 });
  await page.evaluate('new Promise((r) => requestAnimationFrame(() => r(0)))');
  const navigationToRowsMs = performance.now() - nav;
  return { host, figures: { hostStartMs: round(hostStartMs), navigationToRowsMs: round(navigationToRowsMs), launchToRowsMs: round(hostStartMs + navigationToRowsMs) } };
}

async function typeQuery(page: Page, query: string): Promise<{ paint: number[]; sync: number[] }> {
  const paint: number[] = [];
  const sync: number[] = [];
  await page.getByTestId('quick-filter').click();
  // Type the query, then delete it letter by letter: narrowing and widening both count.
  const steps = [...Array.from({ length: query.length }, (_, i) => query.slice(0, i + 1)), ...Array.from({ length: query.length }, (_, i) => query.slice(0, query.length - i - 1))];
  for (const text of steps) {
    const ms = await page.evaluate<{ sync: number; paint: number }>(`(async () => {
      const box = document.querySelector('[data-testid="quick-filter"]');
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
      const want = ${JSON.stringify(text)};
      const start = performance.now();
      setter.call(box, want);
      box.dispatchEvent(new Event('input', { bubbles: true }));
      const sync = performance.now() - start;
      await new Promise((resolve) => {
        const done = () => (document.querySelector('[data-testid="item-table"]')?.getAttribute('data-shown-filter') ?? '') === want;
        if (done()) return resolve(0);
        const observer = new MutationObserver(() => { if (done()) { observer.disconnect(); resolve(0); } });
        observer.observe(document.querySelector('main') ?? document.body, { attributes: true, subtree: true, attributeFilter: ['data-shown-filter'] });
      });
      await new Promise((r) => requestAnimationFrame(() => r(0)));
      return { sync, paint: performance.now() - start };
    })()`);
    paint.push(ms.paint);
    sync.push(ms.sync);
  }
  return { paint, sync };
}

async function scrollThrough(page: Page): Promise<number[]> {
  const jumps = [...Array.from({ length: 30 }, () => 40), ...Array.from({ length: 10 }, () => 4_000)];
  const samples: number[] = [];
  for (const rows of jumps) {
    samples.push(await page.evaluate<number>(`(async () => {
      const el = document.querySelector('.table-scroller');
      const start = performance.now();
      el.scrollTop = Math.min(el.scrollHeight, el.scrollTop + ${rows} * 26);
      for (;;) {
        await new Promise((r) => requestAnimationFrame(() => r(0)));
        if (!document.querySelector('[data-testid="placeholder-row"]')) return performance.now() - start;
        if (performance.now() - start > 10000) return performance.now() - start;
      }
    })()`));
  }
  return samples;
}

/**
 * The real renderer in real Chromium against the web host: from starting the host (which opens
 * the library) to rows on screen, warm and cold; each keystroke in the quick filter to the frame
 * that shows its answer; and scrolling.
 */
export async function benchBrowser(libraryDir: string): Promise<BrowserBench> {
  const browser = await openBrowser();
  let host: RunningHost | null = null;
  try {
    const { page } = browser;
    await page.setViewportSize({ width: 1280, height: 800 });
    const warm = await launch(libraryDir, page);
    host = warm.host;
    // A clean stop writes rows-cache.json again; then the cold launch goes without it.
    await host.stop();
    host = null;
    rmSync(join(libraryDir, 'rows-cache.json'), { force: true });
    const cold = await launch(libraryDir, page);
    host = cold.host;

    await page.evaluate(OBSERVE_LONG_TASKS);
    const typed = await typeQuery(page, 'attention transformer');
    const longestTyping = await page.evaluate<number>('window.__longest');
    await page.evaluate(OBSERVE_LONG_TASKS);
    const scrolled = await scrollThrough(page);
    const longestScroll = await page.evaluate<number>('window.__longest');
    return {
      warm: warm.figures,
      cold: cold.figures,
      filterToPaintMs: stats(typed.paint),
      filterSyncMs: stats(typed.sync),
      longestTaskDuringTypingMs: round(longestTyping),
      longestTaskDuringScrollMs: round(longestScroll),
      scrollToRowsMs: stats(scrolled),
    };
  } finally {
    await browser.close();
    await host?.stop();
  }
}
