import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { openBrowser } from '../../tests/helpers/chromium.ts';
import { startWebHostProcess } from '../../tests/helpers/web-host-process.ts';
import { webHostClient } from '../../tests/helpers/web-host-client.ts';
import { round, stats } from './measure.ts';
import { ANNOTATION_COLORS } from '../../shared/model/annotation.ts';
import { OBSERVE_LONG_TASKS } from './browser-bench.ts';

export interface ReaderBench {
  pages: number;
  fileMB: number;
  /** Double-click on the row to page 1's canvas painted (median of 3 opens). */
  openToFirstPaintMs: number[];
  /** Longest task (PerformanceObserver longtask) while scrolling page by page to the end. */
  longestTaskScrollingMs: number;
  /** After scrolling to the end: the JS heap (CDP) and the bytes of the page canvases still held. */
  heapAfterScrollMB: number;
  canvasesHeld: number;
  canvasMBHeld: number;
  /** One keystroke in the annotations sidebar's filter with 1,000 annotations: input to the next frame. */
  sidebarFilterMs: ReturnType<typeof stats>;
}

const PAGES = 300;
// Debian's python3-pikepdf lives with the system Python; a pyenv shim earlier on PATH may not have it.
const PYTHON = process.env.FOLIO_PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');
const IMAGE_SIDE = 150; // 67.5 kB of incompressible pixels per page: about 20 MB in all.

const SCROLL_TO_END = `(async () => {
  const scroller = document.querySelector('[data-testid="reader"].active [data-testid="reader-scroll"]');
  const frame = () => new Promise((r) => requestAnimationFrame(() => r(0)));
  while (scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 2) {
    scroller.scrollTop += scroller.clientHeight;
    await frame();
    await frame();
  }
  await new Promise((r) => setTimeout(r, 500));
  const canvases = [...scroller.querySelectorAll('.page canvas')];
  return { count: canvases.length, bytes: canvases.reduce((n, c) => n + c.width * c.height * 4, 0) };
})()`;

function filterKeystroke(text: string): string {
  return `(async () => {
    const box = document.querySelector('[data-testid="annotations-filter"]');
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    const start = performance.now();
    setter.call(box, ${JSON.stringify(text)});
    box.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => requestAnimationFrame(() => r(0)));
    return performance.now() - start;
  })()`;
}

export async function benchReader(): Promise<ReaderBench> {
  const work = mkdtempSync(join(tmpdir(), 'folio-bench-reader-'));
  const library = join(work, 'library');
  mkdirSync(library);
  const pdfPath = join(work, 'long-book.pdf');
  execFileSync(PYTHON, [fileURLToPath(new URL('make-big-pdf.py', import.meta.url)), String(PAGES), pdfPath, String(IMAGE_SIDE)]);
  const host = await startWebHostProcess(library);
  const browser = await openBrowser();
  try {
    const { api } = webHostClient(host);
    const { item } = await api.attachments.importPdf('long-book.pdf', readFileSync(pdfPath).toString('base64'), null);
    const attachmentId = item.attachments[0]?.id;
    if (!attachmentId) throw new Error('the PDF was not attached');
    const words = ['symplectic', 'integrator', 'volume', 'attention', 'residual', 'gradient', 'entropy', 'manifold'];
    for (let i = 0; i < 1000; i++) {
      const y = 740 - 14 * (i % 24);
      await api.annotations.create(item.id, {
        attachmentId, type: 'highlight', color: ANNOTATION_COLORS[i % 4] ?? 'yellow', pageIndex: i % PAGES, pageLabel: String((i % PAGES) + 1),
        quads: [[72, y + 10, 400, y + 10, 72, y - 3, 400, y - 3]], rect: [72, y - 3, 400, y + 10],
        text: `Line ${i}: ${words[i % words.length]} and ${words[(i * 3) % words.length]} in long documents`, prefix: '', suffix: '', textOffset: -1,
        comment: i % 5 === 0 ? `Comment ${i} about $x^${i % 9}$` : '', tags: i % 7 === 0 ? ['method'] : [],
      });
    }

    const page = browser.page;
    await page.goto(host.url);
    const row = page.getByTestId('item-row').first();
    await row.waitFor({ timeout: 120_000 });
    const opens: number[] = [];
    for (let run = 0; run < 3; run++) {
      const t0 = performance.now();
      await row.dblclick();
      await page.locator('[data-testid="reader"].active .page[data-page-number="1"] .canvasWrapper canvas').waitFor({ timeout: 60_000 });
      await page.evaluate('new Promise((r) => requestAnimationFrame(() => r(0)))');
      opens.push(round(performance.now() - t0));
      if (run < 2) {
        await page.getByTestId('reader-tab-close').click();
        await page.getByTestId('reader-tab-library').waitFor({ state: 'detached' });
      }
    }
    // From the top, whatever place the last open restored.
    await page.getByTestId('reader-page-input').fill('1');
    await page.getByTestId('reader-page-input').press('Enter');
    await page.getByTestId('annotation-card').first().waitFor();

    await page.evaluate(OBSERVE_LONG_TASKS);
    const held = await page.evaluate<{ count: number; bytes: number }>(SCROLL_TO_END);
    const longest = await page.evaluate<number>('window.__longest');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const metrics = (await cdp.send('Performance.enable').then(() => cdp.send('Performance.getMetrics'))).metrics;
    const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;

    const samples: number[] = [];
    for (const query of ['symplectic', 'method', 'attention long']) {
      const steps = [...Array.from({ length: query.length }, (_, i) => query.slice(0, i + 1)), ...Array.from({ length: query.length }, (_, i) => query.slice(0, query.length - i - 1))];
      for (const text of steps) samples.push(await page.evaluate<number>(filterKeystroke(text)));
    }
    return {
      pages: PAGES,
      fileMB: round(statSync(pdfPath).size / 1e6),
      openToFirstPaintMs: opens,
      longestTaskScrollingMs: round(longest),
      heapAfterScrollMB: round(heap / 1e6),
      canvasesHeld: held.count,
      canvasMBHeld: round(held.bytes / 1e6),
      sidebarFilterMs: stats(samples),
    };
  } finally {
    await browser.close();
    await host.stop();
    rmSync(work, { recursive: true, force: true });
  }
}
