// Chooses the search engine by measuring: SQLite FTS5 (node:sqlite) against the in-house JS index, on the same
// generated libraries. Run: node scripts/bench/search-engine-bench.ts [sizes...]  (prints JSON; docs/search.md)
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Item } from '../../shared/model/item.ts';
import { searchDocOf, type SearchDoc } from '../../shared/search/index/search-doc.ts';
import { SearchCore } from '../../electron/services/search/search-engine.ts';
import { createFolioService } from '../../electron/services/folio-service.ts';
import { createMemoryLibraryStore } from '../../electron/services/library-store/memory-library-store.ts';
import { generateBib } from './generate-bib.ts';

/** The same questions to both engines: ours in the query language, FTS5 in its MATCH syntax. */
const QUERIES = [
  { name: 'two words', ours: 'attention transformer', fts: 'attention transformer' },
  { name: 'author field', ours: 'author:schölkopf', fts: 'authors:scholkopf' },
  { name: 'prefix', ours: 'key:gen12*', fts: 'key:gen12*' },
  { name: 'phrase', ours: '"contrastive objective"', fts: '"contrastive objective"' },
  // FTS5 has no typo tolerance: it finds nothing here, ours finds the transformer papers.
  { name: 'typo', ours: 'atention tranformer', fts: 'atention tranformer' },
] as const;
const RUNS = 30;

const round = (n: number) => Math.round(n * 100) / 100;

function p50p95(samples: number[]): { p50: number; p95: number } {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: round(s[Math.floor(s.length * 0.5)] ?? 0), p95: round(s[Math.floor(s.length * 0.95)] ?? 0) };
}

function timeRuns(run: () => number): { p50: number; p95: number; hits: number } {
  let hits = 0;
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    hits = run();
    samples.push(performance.now() - t);
  }
  return { ...p50p95(samples), hits };
}

const heapMb = () => {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 1e6;
};

async function itemsOf(size: number): Promise<Item[]> {
  const service = createFolioService(createMemoryLibraryStore(), { host: 'web', search: { inThread: true } });
  await service.api.io.importText({ text: generateBib(size), fileName: 'bench.bib' });
  const items = [...service.store.items()];
  await service.dispose();
  return items;
}

function benchJs(docs: SearchDoc[]) {
  const before = heapMb();
  const t = performance.now();
  const core = new SearchCore();
  core.put(docs, docs.map(() => ''));
  const buildMs = round(performance.now() - t);
  const heapDeltaMb = round(heapMb() - before);
  const queries = Object.fromEntries(QUERIES.map((q) => [q.name, timeRuns(() => {
    const out = core.search({ query: q.ours, collections: [], limit: 50 });
    return out.ok ? out.total : -1;
  })]));
  return { buildMs, heapDeltaMb, queries };
}

function benchFts(docs: SearchDoc[], dir: string) {
  const file = join(dir, 'fts.sqlite');
  const db = new DatabaseSync(file);
  db.exec('PRAGMA journal_mode = WAL');
  db.exec(`CREATE VIRTUAL TABLE docs USING fts5(title, authors, venue, abstract, note, key, tokenize = 'unicode61 remove_diacritics 2')`);
  const t = performance.now();
  const insert = db.prepare('INSERT INTO docs (rowid, title, authors, venue, abstract, note, key) VALUES (?, ?, ?, ?, ?, ?, ?)');
  db.exec('BEGIN');
  docs.forEach((d, i) => insert.run(i + 1, d.title, d.authors.join('; '), d.venue, d.abstract, d.note, d.key));
  db.exec('COMMIT');
  const buildMs = round(performance.now() - t);
  // Same field weights as ours (title 5, authors 4, venue 2, abstract/note 1.5, key 3).
  const select = db.prepare('SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, 5, 4, 2, 1.5, 1.5, 3) LIMIT 50');
  const count = db.prepare('SELECT count(*) AS n FROM docs WHERE docs MATCH ?');
  const queries = Object.fromEntries(QUERIES.map((q) => [q.name, timeRuns(() => {
    select.all(q.fts);
    return Number((count.get(q.fts) as { n: number }).n);
  })]));
  db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  db.close();
  return { buildMs, fileMb: round(statSync(file).size / 1e6), queries };
}

async function main(): Promise<void> {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const out: Record<string, unknown> = { node: process.version, runs: RUNS };
  for (const size of sizes.length > 0 ? sizes : [10_000, 50_000]) {
    const dir = mkdtempSync(join(tmpdir(), `folio-engine-bench-${size}-`));
    try {
      const docs = (await itemsOf(size)).map((item) => searchDocOf(item, []));
      out[String(size)] = { js: benchJs(docs), fts5: benchFts(docs, dir) };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
}

await main();
