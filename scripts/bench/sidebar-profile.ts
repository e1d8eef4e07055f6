// A profiling driver for the annotations sidebar's filter, not part of `npm run bench`: builds the reader bench's
// library (300-page PDF, 1,000 annotations), opens the reader, then types the bench's queries into the filter while
// counting, per keystroke, the cards React added to and removed from the DOM, and records a Chromium trace (CDP
// Tracing) and a JS CPU profile of the keystrokes. Prints the window thread's time by event (script, style, layout,
// paint) and the hottest functions. Trace and profile are left in OUT (default /tmp).
//   node --no-warnings scripts/bench/sidebar-profile.ts [OUT]
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { filterKeystrokeWork, openReaderBench } from './reader-bench.ts';

interface TraceEvent { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: Record<string, unknown> }
interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }

const out = process.argv[2] ?? '/tmp';
const QUERIES = ['symplectic', 'method', 'attention long'];

// In-page source (this file is type-checked for Node): one keystroke, with the cards added and removed by it.
function keystroke(text: string): string {
  return `(async () => {
    const list = document.querySelector('[data-testid="annotations-sidebar"] .reader-sidebar-list');
    let added = 0, removed = 0;
    const count = (nodes) => { let n = 0; for (const x of nodes) if (x.nodeType === 1 && x.matches('[data-testid="annotation-card"]')) n++; return n; };
    const mo = new MutationObserver((records) => { for (const r of records) { added += count(r.addedNodes); removed += count(r.removedNodes); } });
    mo.observe(list, { childList: true, subtree: true });
    performance.mark('folio:bench:key');
    ${filterKeystrokeWork(text)}
    await new Promise((r) => requestAnimationFrame(() => r(0)));
    const frame = performance.now() - start;
    performance.mark('folio:bench:frame');
    await new Promise((r) => setTimeout(r, 50));
    mo.takeRecords();
    mo.disconnect();
    return { work, frame, added, removed, shown: list.querySelectorAll('[data-testid="annotation-card"]').length };
  })()`;
}

const bench = await openReaderBench();
try {
  const { page, row } = bench;
  await row.dblclick();
  await page.getByTestId('annotation-card').first().waitFor();
  await page.waitForTimeout(1500);
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    for (const v of e.value as unknown as TraceEvent[]) events.push(v);
  });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] }, transferMode: 'ReportEvents' });
  await cdp.send('Profiler.start');
  const rows: string[] = [];
  for (const query of QUERIES) {
    const steps = [...Array.from({ length: query.length }, (_, i) => query.slice(0, i + 1)), ...Array.from({ length: query.length }, (_, i) => query.slice(0, query.length - i - 1))];
    for (const text of steps) {
      const r = await page.evaluate<{ work: number; frame: number; added: number; removed: number; shown: number }>(keystroke(text));
      rows.push(`${JSON.stringify(text).padEnd(18)} work ${r.work.toFixed(1).padStart(6)} frame ${r.frame.toFixed(1).padStart(6)}  cards +${r.added} -${r.removed} (${r.shown} in the DOM)`);
    }
  }
  const { profile } = await cdp.send('Profiler.stop');
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.end');
  await done;
  writeFileSync(`${out}/sidebar-filter-trace.json`, JSON.stringify({ traceEvents: events }));
  writeFileSync(`${out}/sidebar-filter.cpuprofile`, JSON.stringify(profile));
  console.log(`load ${loadavg()[0]?.toFixed(2)}`);
  console.log(rows.join('\n'));

  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const totals = new Map<string, number>();
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur || !main || e.pid !== main.pid || e.tid !== main.tid) continue;
    totals.set(e.name, (totals.get(e.name) ?? 0) + e.dur / 1000);
  }
  // The slow keystrokes: what the window's thread ran between the input and the next frame.
  const onMain = (e: TraceEvent) => main !== undefined && e.pid === main.pid && e.tid === main.tid;
  const keys = events.filter((e) => e.name === 'folio:bench:key').map((e) => e.ts).sort((a, b) => a - b);
  const frames = events.filter((e) => e.name === 'folio:bench:frame').map((e) => e.ts).sort((a, b) => a - b);
  // CPU time (thread time, not wall time: a loaded machine deschedules the thread) of the window's tasks from each
  // keystroke to the next, input, frame and the tasks they cause alike.
  const cpu = keys.map((k, i) => {
    const next = keys[i + 1] ?? Infinity;
    const tasks = events.filter((e) => onMain(e) && e.ph === 'X' && e.name === 'RunTask' && e.ts >= k && e.ts < next);
    return tasks.reduce((n, e) => n + ((e as TraceEvent & { tdur?: number }).tdur ?? e.dur ?? 0), 0) / 1000;
  }).sort((a, b) => a - b);
  const pct = (p: number) => (cpu[Math.min(cpu.length - 1, Math.floor(cpu.length * p))] ?? 0).toFixed(1);
  console.log(`\nwindow thread CPU per keystroke: p50 ${pct(0.5)} ms, p95 ${pct(0.95)} ms, max ${pct(1)} ms, total ${cpu.reduce((a, b) => a + b, 0).toFixed(0)} ms`);

  console.log('\nslow keystrokes (> 20 ms to the frame): tasks on the window thread, longest first, with what ran inside');
  keys.forEach((k, i) => {
    const f = frames.find((t) => t > k);
    if (f === undefined || (f - k) / 1000 < 20) return;
    const tasks = events.filter((e) => onMain(e) && e.ph === 'X' && e.name === 'RunTask' && e.ts + (e.dur ?? 0) > k && e.ts < f).sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0));
    const line = tasks.slice(0, 4).map((t) => {
      const inside = events.filter((e) => onMain(e) && e.ph === 'X' && e !== t && e.ts >= t.ts && e.ts < t.ts + (t.dur ?? 0) && e.name !== 'RunTask');
      const by = new Map<string, number>();
      for (const e of inside) by.set(e.name, (by.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
      return `${((t.dur ?? 0) / 1000).toFixed(1)} ms [${[...by].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([n, ms]) => `${n} ${ms.toFixed(1)}`).join(', ')}]`;
    });
    console.log(`  #${i} ${((f - k) / 1000).toFixed(1)} ms: ${line.join(' | ')}`);
  });

  console.log('\nwindow thread, ms by trace event (nested events overlap):');
  for (const [name, ms] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, 16)) console.log(`  ${name.padEnd(34)} ${ms.toFixed(0)}`);

  const nodes = profile.nodes as ProfileNode[];
  const interval = (profile.endTime - profile.startTime) / Math.max(1, profile.samples?.length ?? 1) / 1000;
  const self = new Map<string, number>();
  for (const n of nodes) {
    const f = n.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (n.hitCount ?? 0) * interval);
  }
  console.log('\nJS self time, ms:');
  for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`  ${name.padEnd(60)} ${ms.toFixed(1)}`);
} finally {
  await bench.close();
}
