// A profiling driver, not part of `npm run bench`: where one keystroke's time goes, in Chromium against the web host.
// For each keystroke it splits the time from the input event to the painted answer into the window's own work before
// the request, the HTTP call (request to first byte: the host's work; first byte to last: the answer's transfer),
// and the window's work after it (parsing, React, layout, paint), with the answer's size. HOSTPROF=DIR runs the host
// under `node --cpu-prof` (its main thread and the search worker), RENDERPROF=FILE takes a CPU profile of the
// renderer over the typing. Needs a library made by `search-profile.ts` and the built renderer (`npx electron-vite build`):
//   node --no-warnings scripts/bench/search-keystroke-profile.ts /tmp/lib50k
import { writeFileSync } from 'node:fs';
import { openBrowser } from '../../tests/helpers/chromium.ts';
import { startWebHostProcess } from '../../tests/helpers/web-host-process.ts';
import { keystroke } from './search-browser-bench.ts';
import { round } from './measure.ts';

const dir = process.argv[2] as string;
const queries = (process.env.QUERIES ?? 'attention transformer|author:müller year:2010..2020|atention tranformer|schoelkopf|hessian warmup').split('|');
const hostEnv = process.env.HOSTPROF ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${process.env.HOSTPROF}` } : {};

interface Sample { text: string; totalMs: number; calls: Array<{ method: string; beforeMs: number; waitMs: number; transferMs: number; afterMs: number; bytes: number }> }

const browser = await openBrowser();
const host = await startWebHostProcess(dir, hostEnv);
try {
  const { page } = browser;
  await page.goto(host.url);
  await page.getByTestId('item-row').first().waitFor({ timeout: 120_000 });
  await keystroke(page, 'year:2017');
  await keystroke(page, '');
  // Every API call's resource timing, tagged with the method from the request body.
  await page.evaluate(`(() => {
    window.__calls = [];
    const original = window.fetch;
    window.fetch = function (input, init) {
      const method = init && typeof init.body === 'string' ? (JSON.parse(init.body).method ?? '?') : '?';
      const start = performance.now();
      return original.call(this, input, init).then(async (res) => {
        const text = await res.clone().text();
        window.__calls.push({ method, start, end: performance.now(), bytes: text.length });
        return res;
      });
    };
  })()`);
  const cdp = await browser.context.newCDPSession(page);
  if (process.env.RENDERPROF) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  const samples: Sample[] = [];
  for (const query of queries) {
    for (let i = 1; i <= query.length; i++) {
      const text = query.slice(0, i);
      await page.evaluate('window.__calls = []; performance.clearResourceTimings(); window.__t0 = performance.now()');
      const totalMs = await keystroke(page, text);
      const raw = await page.evaluate<{ t0: number; calls: Array<{ method: string; start: number; end: number; bytes: number }>; res: Array<{ startTime: number; requestStart: number; responseStart: number; responseEnd: number }> }>(
        '({ t0: window.__t0, calls: window.__calls, res: performance.getEntriesByType("resource").filter((r) => r.name.includes("/api/")).map((r) => r.toJSON()) })');
      samples.push({
        text,
        totalMs: round(totalMs),
        calls: raw.calls.map((c, n) => {
          const r = raw.res[n];
          return {
            method: c.method,
            beforeMs: round(c.start - raw.t0),
            waitMs: r ? round(r.responseStart - r.requestStart) : -1,
            transferMs: r ? round(r.responseEnd - r.responseStart) : -1,
            afterMs: round(raw.t0 + totalMs - c.end),
            bytes: c.bytes,
          };
        }),
      });
    }
    await keystroke(page, '');
  }
  if (process.env.RENDERPROF) {
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(process.env.RENDERPROF, JSON.stringify(profile));
  }
  for (const s of samples) process.stdout.write(`${JSON.stringify(s)}\n`);
  const sorted = samples.map((s) => s.totalMs).sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  process.stdout.write(`keystrokes ${sorted.length} p50 ${at(0.5)} p95 ${at(0.95)} max ${sorted.at(-1)}\n`);
} finally {
  await browser.close();
  await host.stop();
}
