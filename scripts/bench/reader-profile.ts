// A profiling driver for the reader, not part of `npm run bench`: builds the reader bench's library (300-page PDF,
// 1,000 annotations), then records Chromium traces (CDP Tracing) of a cold open, a warm open and the scroll to the
// end, and prints where the window's thread and the pdf.js worker spent their time (top-level tasks, the longest
// tasks with what ran inside them, the app's performance marks). Traces are left in OUT (default /tmp) for
// chrome://tracing or Perfetto.
//   node --no-warnings scripts/bench/reader-profile.ts [OUT]
import { writeFileSync } from 'node:fs';
import type { CDPSession } from 'playwright-core';
import { openReaderBench, FIRST_PAGE_PAINTED, SCROLL_TO_END } from './reader-bench.ts';

interface TraceEvent { name: string; cat: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: Record<string, unknown> }

const out = process.argv[2] ?? '/tmp';
const CATEGORIES = [
  'devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame', 'v8.execute',
  'blink.user_timing', 'loading', 'toplevel', 'blink', 'cc', 'gpu', 'disabled-by-default-devtools.timeline.invalidationTracking',
];

async function trace(cdp: CDPSession, run: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    for (const v of e.value as unknown as TraceEvent[]) events.push(v);
  });
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReportEvents' });
  await run();
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.end');
  await done;
  return events;
}

function threads(events: TraceEvent[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, String(e.args?.name));
  return names;
}

function describe(e: TraceEvent): string {
  const data = (e.args?.data ?? e.args?.beginData ?? {}) as Record<string, unknown>;
  const detail = data.url ?? data.functionName ?? data.type ?? data.stackTrace ?? '';
  return `${e.name}${detail ? ` ${String(detail).slice(-70)}` : ''}`;
}

/** The thread's tasks and what ran inside the long ones (children by total time). */
function summarise(label: string, events: TraceEvent[], longMs = 30): void {
  const names = threads(events);
  console.log(`\n=== ${label}`);
  const marks = events.filter((e) => e.cat.includes('blink.user_timing') && e.name.startsWith('folio:')).sort((a, b) => a.ts - b.ts);
  const t0 = events.reduce((min, e) => (e.ph === 'X' && e.ts > 0 && e.ts < min ? e.ts : min), Infinity);
  for (const m of marks) console.log(`  mark ${m.name} at ${((m.ts - t0) / 1000).toFixed(1)} ms`);
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur) continue;
    const key = `${e.pid}:${e.tid}`;
    const list = byThread.get(key) ?? [];
    list.push(e);
    byThread.set(key, list);
  }
  for (const [key, list] of byThread) {
    const name = names.get(key) ?? key;
    if (!/CrRendererMain|DedicatedWorker|Compositor$|VizCompositor|CrGpuMain/.test(name)) continue;
    const tasks = list.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
    const busy = tasks.reduce((n, e) => n + (e.dur ?? 0), 0) / 1000;
    const longest = [...tasks].sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0)).slice(0, 6);
    console.log(`  [${name}] busy ${busy.toFixed(0)} ms in ${tasks.length} tasks; longest: ${longest.map((t) => `${((t.dur ?? 0) / 1000).toFixed(0)}@${((t.ts - t0) / 1000).toFixed(0)}`).join(', ')}`);
    for (const task of longest.filter((t) => (t.dur ?? 0) / 1000 >= longMs).slice(0, 4)) {
      const inside = list.filter((e) => e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= task.ts + (task.dur ?? 0) && e.name !== 'RunTask');
      const totals = new Map<string, number>();
      for (const e of inside) totals.set(describe(e), (totals.get(describe(e)) ?? 0) + (e.dur ?? 0) / 1000);
      const top = [...totals].sort((a, b) => b[1] - a[1]).slice(0, 10);
      console.log(`    task ${((task.dur ?? 0) / 1000).toFixed(0)} ms at ${((task.ts - t0) / 1000).toFixed(0)}: ${top.map(([n, ms]) => `${n} ${ms.toFixed(0)}`).join(' | ')}`);
    }
  }
}

const bench = await openReaderBench();
try {
  const { page, row } = bench;
  const cdp = await page.context().newCDPSession(page);
  for (const label of ['cold open', 'warm open']) {
    let ms = 0;
    const events = await trace(cdp, async () => {
      const painted = page.evaluate<{ t0: number; t1: number }>(FIRST_PAGE_PAINTED);
      await row.dblclick();
      const { t0, t1 } = await painted;
      ms = t1 - t0;
      await page.waitForTimeout(300);
    });
    writeFileSync(`${out}/reader-${label.replace(' ', '-')}.json`, JSON.stringify({ traceEvents: events }));
    summarise(`${label}: ${ms.toFixed(0)} ms to first page painted`, events);
    await page.getByTestId('reader-tab-close').click();
    await page.getByTestId('reader-tab-library').waitFor({ state: 'detached' });
  }
  await row.dblclick();
  await page.getByTestId('annotation-card').first().waitFor();
  await page.getByTestId('reader-page-input').fill('1');
  await page.getByTestId('reader-page-input').press('Enter');
  await page.waitForTimeout(500);
  const events = await trace(cdp, async () => {
    await page.evaluate(SCROLL_TO_END);
  });
  writeFileSync(`${out}/reader-scroll.json`, JSON.stringify({ traceEvents: events }));
  summarise('scroll to the end', events);
} finally {
  await bench.close();
}
