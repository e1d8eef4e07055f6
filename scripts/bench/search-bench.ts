// Search at library scale: index build in its worker (and the host's longest block meanwhile), query latency per
// keystroke with and without full text, related items, PDF text extraction throughput, and what it costs on disk.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { openFolioService, type FolioService } from '../../electron/services/folio-service.ts';
import type { ItemId } from '../../shared/model/ids.ts';
import { generateBib } from './generate-bib.ts';
import { longestBlock, round, timed } from './measure.ts';
import { benchSearchBrowser, type SearchBrowserBench } from './search-browser-bench.ts';

export interface SearchBench {
  items: number;
  pdfs: number;
  pages: number;
  /** The metadata index built from scratch (no saved index), in its worker; PDF text joins it afterwards. */
  indexBuildMs: number;
  indexBuildLongestBlockMs: number;
  /** A restart: the saved index loaded and checked against the library (nothing to index again). */
  indexLoadMs: number;
  indexLoadLongestBlockMs: number;
  metadataKeystroke: Percentiles;
  fulltextKeystroke: Percentiles;
  relatedMs: Percentiles;
  fulltextPagesPerSecond: number;
  fulltextCacheBytes: number;
  fulltextExtractLongestBlockMs: number;
  /** `<library>/index/`: the saved search index (documents with their PDF text, and postings). */
  indexBytesOnDisk: number;
  /** The same library with its PDF text, in real Chromium (FOLIO_BENCH_BROWSER=0 leaves it out). */
  chromium: SearchBrowserBench | { skipped: string } | { error: string };
}

interface Percentiles { p50: number; p95: number; max: number; samples: number }

const PAGE_WORDS = ['gradient', 'descent', 'minima', 'landscape', 'sharpness', 'batch', 'learning', 'rate', 'warmup', 'schedule',
  'attention', 'head', 'layer', 'residual', 'normalisation', 'dropout', 'token', 'embedding', 'loss', 'curvature', 'hessian'];
const METADATA_QUERIES = ['attention transformer 2017', 'author:müller year:2010..2020', 'atention tranformer', 'venue:neurips -year:<2015 diffusion', 'is:unread sparse graph'];
const FULLTEXT_QUERIES = ['fulltext:"sharpness curvature"', 'hessian warmup', 'fulltext:zyxwordpage7'];

function percentiles(samples: number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
  return { p50: at(0.5), p95: at(0.95), max: round(sorted.at(-1) ?? 0), samples: sorted.length };
}

export async function tenPagePdf(n: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let p = 0; p < 10; p++) {
    const page = doc.addPage([612, 792]);
    for (let line = 0; line < 30; line++) {
      const words = Array.from({ length: 10 }, (_, w) => PAGE_WORDS[(n * 7 + p * 13 + line * 3 + w) % PAGE_WORDS.length]);
      if (line === 0) words.push(`zyxwordpage${p}`, `paper${n}`);
      page.drawText(words.join(' '), { x: 50, y: 760 - line * 24, size: 10, font });
    }
  }
  return doc.save();
}

async function keystrokes(service: FolioService, queries: string[]): Promise<number[]> {
  const samples: number[] = [];
  for (const query of queries) {
    for (let i = 1; i <= query.length; i++) {
      const t = await timed(() => service.api.search.query({ query: query.slice(0, i), limit: 100 }));
      samples.push(t.ms);
    }
  }
  return samples;
}

function dirBytes(dir: string): number {
  let total = 0;
  try {
    for (const f of readdirSync(dir)) total += statSync(join(dir, f)).size;
  } catch {
    return 0;
  }
  return total;
}

export async function benchSearch(size: number, pdfCount: number): Promise<SearchBench> {
  const dir = mkdtempSync(join(tmpdir(), `folio-search-bench-${size}-`));
  try {
    let service = await openFolioService(dir, 'cli', { host: 'web', search: { inThread: true } });
    await service.api.io.importText({ text: generateBib(size), fileName: 'bench.bib' });
    const ids = [...service.store.items()].map((i) => i.id);
    for (let n = 0; n < pdfCount; n++) await service.papers.importPdf(`paper${n}.pdf`, await tenPagePdf(n), ids[n] as ItemId);
    await service.dispose();

    // As the app opens it: the index in its worker thread, built while the host keeps answering.
    service = await openFolioService(dir, 'web', { host: 'web' });
    await service.ready;
    const start = performance.now();
    const build = await longestBlock(() => service.search.ready());
    const indexBuildMs = round(performance.now() - start);
    const metadata = await keystrokes(service, METADATA_QUERIES);
    const related: number[] = [];
    for (let i = 0; i < 40; i++) related.push((await timed(() => service.api.search.related(ids[(i * 997) % ids.length] as ItemId, 10))).ms);

    const extractStart = performance.now();
    const extract = await longestBlock(() => service.search.extractMissing());
    const extractMs = performance.now() - extractStart;
    const fulltext = await keystrokes(service, FULLTEXT_QUERIES);
    const result: SearchBench = {
      items: size, pdfs: pdfCount, pages: pdfCount * 10,
      indexBuildMs, indexBuildLongestBlockMs: build.blockMs,
      metadataKeystroke: percentiles(metadata), fulltextKeystroke: percentiles(fulltext), relatedMs: percentiles(related),
      fulltextPagesPerSecond: round((pdfCount * 10) / (extractMs / 1000)),
      fulltextCacheBytes: dirBytes(join(dir, 'fulltext')),
      fulltextExtractLongestBlockMs: extract.blockMs,
      indexBytesOnDisk: 0,
      indexLoadMs: 0,
      indexLoadLongestBlockMs: 0,
      chromium: { skipped: 'FOLIO_BENCH_BROWSER=0' },
    };
    await service.dispose();
    result.indexBytesOnDisk = dirBytes(join(dir, 'index'));
    service = await openFolioService(dir, 'web', { host: 'web' });
    await service.ready;
    const loadStart = performance.now();
    const load = await longestBlock(() => service.search.ready());
    result.indexLoadMs = round(performance.now() - loadStart);
    result.indexLoadLongestBlockMs = load.blockMs;
    await service.dispose();
    if (process.env.FOLIO_BENCH_BROWSER !== '0') {
      process.stderr.write(`bench: ${size} items, ${pdfCount} PDFs (search in Chromium)...\n`);
      result.chromium = await benchSearchBrowser(dir, pdfCount > 0).catch((error: unknown) => ({ error: String(error) }));
    }
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const size = Number(process.argv[2] ?? 10_000);
  const pdfs = Number(process.argv[3] ?? 200);
  process.stdout.write(`${JSON.stringify(await benchSearch(size, pdfs), null, 2)}\n`);
}
