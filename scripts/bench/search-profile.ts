// A profiling driver for search, not part of `npm run bench`: makes the bench's library in LIBDIR once (SIZE items,
// PDFS=n ten-page PDFs with their text read), then times the index build, keystrokes and related items in-thread, or
// with BROWSER=1 runs the Chromium search bench on that folder. Run it under `node --cpu-prof` to see where time goes:
//   PDFS=2000 node --no-warnings scripts/bench/search-profile.ts /tmp/lib50k 50000
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { openFolioService } from '../../electron/services/folio-service.ts';
import type { ItemId } from '../../shared/model/ids.ts';
import { generateBib } from './generate-bib.ts';
import { tenPagePdf } from './search-bench.ts';
import { benchSearchBrowser } from './search-browser-bench.ts';

const dir = process.argv[2] as string;
const size = Number(process.argv[3] ?? 10_000);
if (!existsSync(`${dir}/library.json`)) {
  const s = await openFolioService(dir, 'cli', { host: 'web', search: { inThread: true } });
  await s.api.io.importText({ text: generateBib(size), fileName: 'bench.bib' });
  const pdfs = Number(process.env.PDFS ?? 0);
  const all = [...s.store.items()].map((i) => i.id);
  for (let n = 0; n < pdfs; n++) await s.papers.importPdf(`paper${n}.pdf`, await tenPagePdf(n), all[n] as ItemId);
  await s.dispose();
  if (pdfs > 0) {
    const w = await openFolioService(dir, 'web', { host: 'web' });
    await w.ready;
    await w.search.ready();
    await w.search.extractMissing();
    await w.dispose();
  }
}
if (process.env.BROWSER === '1') {
  console.log(JSON.stringify(await benchSearchBrowser(dir, true), null, 1));
  process.exit(0);
}
const service = await openFolioService(dir, 'cli', { host: 'web', search: { inThread: true } });
await service.ready;
let t = performance.now();
await service.search.ready();
console.log('build', Math.round(performance.now() - t), JSON.stringify(service.search.buildReport()));
const queries = ['attention transformer 2017', 'author:müller year:2010..2020', 'atention tranformer', 'venue:neurips -year:<2015 diffusion', 'is:unread sparse graph', 'schoelkopf', '"contrastive objective"'];
for (const q of queries) {
  t = performance.now();
  let worst = 0;
  for (let i = 1; i <= q.length; i++) {
    const s = performance.now();
    await service.api.search.query({ query: q.slice(0, i), limit: 100 });
    worst = Math.max(worst, performance.now() - s);
  }
  console.log(JSON.stringify(q), 'total', Math.round(performance.now() - t), 'worst', Math.round(worst));
}
const ids = [...service.store.items()].map((i) => i.id);
t = performance.now();
let worst = 0;
for (let i = 0; i < 40; i++) {
  const s = performance.now();
  await service.api.search.related(ids[(i * 997) % ids.length] as ItemId, 10);
  worst = Math.max(worst, performance.now() - s);
}
console.log('related x40', Math.round(performance.now() - t), 'worst', Math.round(worst));
await service.dispose();
