import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { openBrowser } from '../../tests/helpers/chromium.ts';
import { startWebHostProcess } from '../../tests/helpers/web-host-process.ts';
import { webHostClient } from '../../tests/helpers/web-host-client.ts';
import { round, stats } from './measure.ts';
import { ANNOTATION_COLORS } from '../../shared/model/annotation.ts';
import { OBSERVE_LONG_TASKS } from './browser-bench.ts';

export interface ReaderBench {
  pages: number;
  fileMB: number;
  /**
   * The double-click event's time to the first frame at which page 1's canvas shows both its text and its
   * image (read back from the canvas pixels), measured in the page; three opens, the first one cold.
   */
  openToFirstPaintMs: number[];
  /** Longest task (PerformanceObserver longtask) while scrolling page by page to the end. */
  longestTaskScrollingMs: number;
  /** After scrolling to the end: the JS heap (CDP) and the bytes of the page canvases still held. */
  heapAfterScrollMB: number;
  canvasesHeld: number;
  canvasMBHeld: number;
  /** One keystroke in the annotations sidebar's filter with 1,000 annotations: input to the next frame. */
  sidebarFilterMs: ReturnType<typeof stats>;
  /** The same keystrokes: the input event to its list laid out (script, style and layout, no wait for a frame). */
  sidebarFilterWorkMs: ReturnType<typeof stats>;
  /**
   * `sidebarFilterMs` sends each keystroke as soon as the last one's frame began, so every keystroke lands just after
   * a frame and waits most of an interval (16.7 ms) for the next: a floor near 16 ms whatever the work. Here the
   * keystrokes come 120 ms apart, as typed (other words, so no card or comment is already drawn): input to next frame.
   */
  sidebarFilterTypedMs: ReturnType<typeof stats>;
  sidebarFilterTypedWorkMs: ReturnType<typeof stats>;
  /** The machine's 1-minute load average before and after (two cores shared with other work make every figure slower). */
  conditions: { cpus: number; loadBefore: number; loadAfter: number };
}

const PAGES = 300;
// Debian's python3-pikepdf lives with the system Python; a pyenv shim earlier on PATH may not have it.
const PYTHON = process.env.FOLIO_PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');
const IMAGE_SIDE = 150; // 67.5 kB of incompressible pixels per page: about 20 MB in all.

export const SCROLL_TO_END = `(async () => {
  const scroller = document.querySelector('[data-testid="reader"].active [data-testid="reader-scroll"]');
  const frame = () => new Promise((r) => requestAnimationFrame(() => r(0)));
  while (scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 2) {
    scroller.scrollTop += scroller.clientHeight;
    await frame();
    await frame();
  }
  // pdf.js reads the last pages by ranges as they come into view: count once the last one is drawn.
  const last = scroller.querySelector('.page:last-child');
  for (let waited = 0; waited < 20000 && !last?.querySelector('.canvasWrapper canvas'); waited += 100) await new Promise((r) => setTimeout(r, 100));
  await new Promise((r) => setTimeout(r, 500));
  const canvases = [...scroller.querySelectorAll('.page canvas')];
  return { count: canvases.length, bytes: canvases.reduce((n, c) => n + c.width * c.height * 4, 0) };
})()`;

/**
 * In-page statements: `text` typed into the sidebar's filter as React sees a keystroke, then a layout forced; leaves
 * `start` (before the keystroke) and `work` (its synchronous cost) in scope. Shared with sidebar-profile.ts.
 */
export function filterKeystrokeWork(text: string): string {
  return `const box = document.querySelector('[data-testid="annotations-filter"]');
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    const start = performance.now();
    setter.call(box, ${JSON.stringify(text)});
    box.dispatchEvent(new Event('input', { bubbles: true }));
    document.querySelector('[data-testid="annotations-sidebar"]').getBoundingClientRect();
    const work = performance.now() - start;`;
}

function filterKeystroke(text: string): string {
  return `(async () => {
    ${filterKeystrokeWork(text)}
    await new Promise((r) => requestAnimationFrame(() => r(0)));
    return { work, frame: performance.now() - start };
  })()`;
}

// Resolves with the dblclick event's time and the first frame at which page 1's canvas holds the page:
// the bench PDF's text lines (top third) and its image (x 156..456, y 60..360 of 612 x 792), read from its pixels.
export const FIRST_PAGE_PAINTED = `new Promise((resolve) => {
  let t0 = 0;
  document.addEventListener('dblclick', (e) => { t0 = e.timeStamp; }, { capture: true, once: true });
  const probe = document.createElement('canvas');
  probe.width = 34;
  probe.height = 44;
  const ctx = probe.getContext('2d', { willReadFrequently: true });
  const dark = (x, y, limit) => { const d = ctx.getImageData(x, y, 1, 1).data; return d[0] + d[1] + d[2] < 3 * limit; };
  const tick = (now) => {
    const canvas = document.querySelector('[data-testid="reader"].active .page[data-page-number="1"] .canvasWrapper canvas');
    if (t0 && canvas && canvas.width > 0) {
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, 34, 44);
      ctx.drawImage(canvas, 0, 0, 34, 44);
      let text = false;
      for (let y = 3; y < 20 && !text; y++) for (let x = 5; x < 20 && !text; x++) text = dark(x, y, 235);
      if (text && dark(17, 32, 230)) return resolve({ t0, t1: now });
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})`;

export interface OpenReaderBench {
  page: Page;
  /** The row of the bench's PDF in the library table. */
  row: Locator;
  pdfPath: string;
  close(): Promise<void>;
}

/** The bench's library (the 300-page PDF with 1,000 annotations) served by the web host, open in Chromium. */
export async function openReaderBench(): Promise<OpenReaderBench> {
  const work = mkdtempSync(join(tmpdir(), 'folio-bench-reader-'));
  const library = join(work, 'library');
  mkdirSync(library);
  const pdfPath = join(work, 'long-book.pdf');
  execFileSync(PYTHON, [fileURLToPath(new URL('make-big-pdf.py', import.meta.url)), String(PAGES), pdfPath, String(IMAGE_SIDE)]);
  const host = await startWebHostProcess(library);
  const browser = await openBrowser();
  const close = async (): Promise<void> => {
    await browser.close();
    await host.stop();
    rmSync(work, { recursive: true, force: true });
  };
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
    return { page, row, pdfPath, close };
  } catch (error) {
    await close();
    throw error;
  }
}

export async function benchReader(): Promise<ReaderBench> {
  const loadBefore = loadavg()[0] ?? 0;
  const bench = await openReaderBench();
  try {
    const { page, row, pdfPath } = bench;
    const opens: number[] = [];
    for (let run = 0; run < 3; run++) {
      const painted = page.evaluate<{ t0: number; t1: number }>(FIRST_PAGE_PAINTED);
      await row.dblclick();
      const { t0, t1 } = await painted;
      opens.push(round(t1 - t0));
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

    const typeQueries = async (queries: string[], pauseMs: number): Promise<{ frame: number[]; work: number[] }> => {
      const frame: number[] = [];
      const work: number[] = [];
      for (const query of queries) {
        const steps = [...Array.from({ length: query.length }, (_, i) => query.slice(0, i + 1)), ...Array.from({ length: query.length }, (_, i) => query.slice(0, query.length - i - 1))];
        for (const text of steps) {
          if (pauseMs > 0) await page.waitForTimeout(pauseMs);
          const ms = await page.evaluate<{ work: number; frame: number }>(filterKeystroke(text));
          frame.push(ms.frame);
          work.push(ms.work);
        }
      }
      return { frame, work };
    };
    const { frame: samples, work: workSamples } = await typeQueries(['symplectic', 'method', 'attention long'], 0);
    const typed = await typeQueries(['gradient', 'entropy', 'manifold residual'], 120);
    return {
      pages: PAGES,
      fileMB: round(statSync(pdfPath).size / 1e6),
      openToFirstPaintMs: opens,
      longestTaskScrollingMs: round(longest),
      heapAfterScrollMB: round(heap / 1e6),
      canvasesHeld: held.count,
      canvasMBHeld: round(held.bytes / 1e6),
      sidebarFilterMs: stats(samples),
      sidebarFilterWorkMs: stats(workSamples),
      sidebarFilterTypedMs: stats(typed.frame),
      sidebarFilterTypedWorkMs: stats(typed.work),
      conditions: { cpus: cpus().length, loadBefore: round(loadBefore), loadAfter: round(loadavg()[0] ?? 0) },
    };
  } finally {
    await bench.close();
  }
}
