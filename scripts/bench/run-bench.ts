// `npm run bench`: figures for libraries of 10k and 50k generated items, written to bench-results/bench.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { benchServices } from './service-bench.ts';
import { benchBrowser } from './browser-bench.ts';
import { benchTransports } from './transport-bench.ts';
import { benchJabref } from './jabref-bench.ts';
import { benchFormats } from './formats-bench.ts';

// FOLIO_BENCH_SKIP=jabref,formats leaves those parts out (the services part builds the library the others use).
const skip = new Set((process.env.FOLIO_BENCH_SKIP ?? '').split(',').filter(Boolean));
const sizes = (process.env.FOLIO_BENCH_SIZES ?? '10000,50000').split(',').map(Number);
const results: Record<string, unknown> = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: cpus().length,
  cpu: cpus()[0]?.model ?? 'unknown',
  targets50k: { openMs: 1000, filterPerKeystrokeMs: 16, launchToRowsWarmMs: 1000, coldOpenToRowsMs: 1500, keystrokeToPaintP95Ms: 16, longestTaskTypingMs: 50, editDurableMs: 1000, longestBlockMs: 16, import10kMs: 2000, import50kMs: 8000, autoExportAfterEditMs: 150 },
  sizes: {},
};

for (const size of sizes) {
  process.stderr.write(`bench: ${size} items (services)...\n`);
  const service = await benchServices(size);
  process.stderr.write(`bench: ${size} items (Chromium)...\n`);
  const browser = await benchBrowser(service.libraryDir).catch((error: unknown) => ({ error: String(error) }));
  process.stderr.write(`bench: ${size} items (IPC vs HTTP)...\n`);
  const transports = await benchTransports(service.libraryDir).catch((error: unknown) => ({ error: String(error) }));
  process.stderr.write(`bench: ${size} items (JabRef, if installed)...\n`);
  const jabref = skip.has('jabref') ? { skipped: true } : await benchJabref(size);
  process.stderr.write(`bench: ${size} records (RIS, duplicates)...\n`);
  const formats = skip.has('formats') ? { skipped: true } : await benchFormats(size);
  (results.sizes as Record<string, unknown>)[size] = { service, browser, transports, jabref, formats };
  process.stderr.write(`${JSON.stringify({ size, service, browser, transports, jabref, formats }, null, 2)}\n`);
}

mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/bench.json', `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write('bench-results/bench.json\n');
