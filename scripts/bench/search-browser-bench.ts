// Searching in real Chromium against the web host: the search box's keystrokes to the painted, ranked answer (with
// snippets when the full text matches), the longest task while typing, the index build seen from the window, and
// related items over HTTP.
import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import { openBrowser } from '../../tests/helpers/chromium.ts';
import { webHostClient } from '../../tests/helpers/web-host-client.ts';
import { startWebHostProcess, type RunningHost } from '../../tests/helpers/web-host-process.ts';
import type { ItemId } from '../../shared/model/ids.ts';
import { round, stats } from './measure.ts';
import { OBSERVE_LONG_TASKS } from './browser-bench.ts';

type Stats = ReturnType<typeof stats>;

export interface SearchBrowserBench {
  /** Host start to the first answer to a query-language query painted: the index built from the library and cache. */
  indexReadyAfterLaunchMs: number;
  /** The window's longest task while the index was built (the UI must stay under 50 ms). */
  longestTaskDuringIndexBuildMs: number;
  metadataKeystrokeToPaintMs: Stats;
  fulltextKeystrokeToPaintMs: Stats;
  longestTaskDuringTypingMs: number;
  /** Rows on screen with a snippet under them after the last full-text query. */
  snippetsShown: number;
  /** search.related for one item over HTTP (the web host's transport included). */
  relatedMs: Stats;
}

/** Sets the box to `text` as typing does and resolves with the time until the frame after its answer is shown. */
export function keystroke(page: Page, text: string): Promise<number> {
  return page.evaluate<number>(`(async () => {
    const box = document.querySelector('[data-testid="quick-filter"]');
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    const want = ${JSON.stringify(text)};
    const start = performance.now();
    setter.call(box, want);
    box.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((resolve) => {
      const done = () => (document.querySelector('[data-testid="item-table"]')?.getAttribute('data-shown-filter') ?? '') === want;
      if (done()) return resolve(0);
      const observer = new MutationObserver(() => { if (done()) { observer.disconnect(); resolve(0); } });
      observer.observe(document.querySelector('main') ?? document.body, { attributes: true, subtree: true, attributeFilter: ['data-shown-filter'] });
    });
    await new Promise((r) => requestAnimationFrame(() => r(0)));
    return performance.now() - start;
  })()`);
}

/** Types each query letter by letter, then clears the box; every keystroke is one sample. */
async function typeQueries(page: Page, queries: readonly string[]): Promise<number[]> {
  const samples: number[] = [];
  for (const query of queries) {
    for (let i = 1; i <= query.length; i++) samples.push(await keystroke(page, query.slice(0, i)));
    await keystroke(page, '');
  }
  return samples;
}

const METADATA_QUERIES = ['attention transformer', 'author:müller year:2010..2020', 'atention tranformer', 'schoelkopf'];
const FULLTEXT_QUERIES = ['hessian warmup', 'fulltext:"sharpness curvature"', 'zyxwordpage7'];

/** The library at `libraryDir` (with its full-text cache, when `fulltext`), opened as a user would. */
export async function benchSearchBrowser(libraryDir: string, fulltext: boolean): Promise<SearchBrowserBench> {
  const browser = await openBrowser();
  let host: RunningHost | null = null;
  try {
    const { page } = browser;
    await page.setViewportSize({ width: 1280, height: 800 });
    const t0 = performance.now();
    host = await startWebHostProcess(libraryDir);
    await page.goto(host.url);
    await page.getByTestId('item-row').first().waitFor({ timeout: 120_000 });
    await page.evaluate(OBSERVE_LONG_TASKS);
    // A query-language query waits for the index; the window keeps painting meanwhile.
    await keystroke(page, 'year:2017');
    const indexReadyAfterLaunchMs = round(performance.now() - t0);
    const longestTaskDuringIndexBuildMs = round(await page.evaluate<number>('window.__longest'));
    await keystroke(page, '');

    await page.evaluate(OBSERVE_LONG_TASKS);
    const metadata = await typeQueries(page, METADATA_QUERIES);
    const full = fulltext ? await typeQueries(page, FULLTEXT_QUERIES) : [];
    const longestTaskDuringTypingMs = round(await page.evaluate<number>('window.__longest'));
    let snippetsShown = 0;
    if (fulltext) {
      await keystroke(page, 'hessian warmup');
      snippetsShown = await page.getByTestId('row-snippet').count();
      await keystroke(page, '');
    }

    const client = webHostClient(host);
    const ids = (await client.api.view.ids({ view: 'all', sort: { column: 'addedAt', direction: 'desc' }, filter: '' }, 0, 100_000)).ids;
    const related: number[] = [];
    for (let i = 0; i < 30; i++) {
      const id = ids[(i * 997) % ids.length] as ItemId;
      const start = performance.now();
      await client.api.search.related(id, 10);
      related.push(performance.now() - start);
    }
    return {
      indexReadyAfterLaunchMs,
      longestTaskDuringIndexBuildMs,
      metadataKeystrokeToPaintMs: stats(metadata),
      fulltextKeystrokeToPaintMs: stats(full),
      longestTaskDuringTypingMs,
      snippetsShown,
      relatedMs: stats(related),
    };
  } finally {
    await browser.close();
    await host?.stop();
  }
}
