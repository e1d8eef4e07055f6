// `npm run bench`: figures for libraries of 10k and 50k generated items, written to bench-results/bench.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { benchServices } from './service-bench.ts';
import { benchBrowser } from './browser-bench.ts';
import { benchTransports } from './transport-bench.ts';
import { benchCli } from './jabref-bench.ts';
import { benchFormats } from './formats-bench.ts';
import { benchSearch } from './search-bench.ts';
import { benchAnnotations } from './annotations-bench.ts';
import { benchReader } from './reader-bench.ts';
import { benchSync } from './sync-bench.ts';

// FOLIO_BENCH_ONLY=service,cli runs some parts only (service, browser, transports, cli, formats, search, annotations, reader, sync); all by default.
const only = process.env.FOLIO_BENCH_ONLY?.split(',');
const wants = (part: string): boolean => only === undefined || only.includes(part);
const skipped = { skipped: 'not in FOLIO_BENCH_ONLY' };
const sizes = (process.env.FOLIO_BENCH_SIZES ?? '10000,50000').split(',').map(Number);
const results: Record<string, unknown> = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: cpus().length,
  cpu: cpus()[0]?.model ?? 'unknown',
  targets50k: { openMs: 1000, filterPerKeystrokeMs: 16, launchToRowsWarmMs: 1000, coldOpenToRowsMs: 1500, keystrokeToPaintP95Ms: 16, longestTaskTypingMs: 50, editDurableMs: 1000, longestBlockMs: 16, import10kMs: 2000, import50kMs: 8000, autoExportAfterEditMs: 150 },
  sizes: {},
};

// The reader does not depend on the library's size: one 300-page PDF, 1,000 annotations.
if (wants('reader')) {
  process.stderr.write('bench: reader (300-page PDF in Chromium)...\n');
  results.reader = await benchReader().catch((error: unknown) => ({ error: String(error) }));
  results.readerTargets = { openToFirstPaintMs: 500, longestTaskScrollingMs: 50, sidebarFilterMs: 16 };
  process.stderr.write(`${JSON.stringify(results.reader, null, 2)}\n`);
}
const onlyReader = only !== undefined && only.every((part) => part === 'reader');

for (const size of onlyReader ? [] : sizes) {
  process.stderr.write(`bench: ${size} items (services)...\n`);
  const service = await benchServices(size);
  process.stderr.write(`bench: ${size} items (Chromium)...\n`);
  const browser = !wants('browser') ? skipped : await benchBrowser(service.libraryDir).catch((error: unknown) => ({ error: String(error) }));
  process.stderr.write(`bench: ${size} items (IPC vs HTTP)...\n`);
  const transports = !wants('transports') ? skipped : await benchTransports(service.libraryDir).catch((error: unknown) => ({ error: String(error) }));
  process.stderr.write(`bench: ${size} items (folio CLI and JabRef, whole processes)...\n`);
  const cli = !wants('cli') ? skipped : await benchCli(size).catch((error: unknown) => ({ error: String(error) }));
  process.stderr.write(`bench: ${size} records (RIS, duplicates)...\n`);
  const formats = wants('formats') ? await benchFormats(size) : skipped;
  // 2,000 PDFs of 10 pages at 50k (FOLIO_BENCH_PDFS), a twenty-fifth of the items at other sizes.
  process.stderr.write(`bench: ${size} items (search, full text)...\n`);
  const pdfs = Number(process.env.FOLIO_BENCH_PDFS ?? Math.round(size / 25));
  const search = !wants('search') ? skipped : await benchSearch(size, pdfs).catch((error: unknown) => ({ error: String(error) }));
  (results.sizes as Record<string, unknown>)[size] = { service, browser, transports, cli, formats, search };
  process.stderr.write(`${JSON.stringify({ size, service, browser, transports, cli, formats, search }, null, 2)}\n`);
}

// Annotations do not depend on the library's size: measured once.
process.stderr.write('bench: annotations...\n');
results.annotations = !wants('annotations') ? skipped : await benchAnnotations().catch((error: unknown) => ({ error: String(error) }));
process.stderr.write(`${JSON.stringify({ annotations: results.annotations }, null, 2)}\n`);

if (wants('sync')) {
  process.stderr.write('bench: sync (10k incoming operations into 50k items, folder sizes, joining from a snapshot)...\n');
  results.sync = await benchSync(50_000).catch((error: unknown) => ({ error: String(error) }));
  process.stderr.write(`${JSON.stringify(results.sync, null, 2)}\n`);
}

mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/bench.json', `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write('bench-results/bench.json\n');
