import { exportRis, parseRis } from '../../shared/formats/ris/index.ts';
import { findDuplicates } from '../../shared/dedupe/index.ts';
import type { CslItemData } from '../../shared/model/csl.ts';
import { timed } from './measure.ts';

export interface FormatsBench {
  risRecords: number;
  risParseMs: number;
  dedupeItems: number;
  dedupeMs: number;
  dedupePairs: number;
}

function paper(i: number): CslItemData {
  const words = ['attention', 'diffusion', 'scaling', 'reasoning', 'retrieval', 'contrastive', 'sparse', 'robust'];
  const w = (k: number) => words[(i * 7 + k * 13) % words.length];
  return {
    type: 'article-journal',
    title: `${w(1)} ${w(2)} for ${w(3)} models, part ${i}`,
    author: [{ family: `Müller${i % 977}`, given: 'Anna' }, { family: 'García', given: 'José' }],
    issued: { 'date-parts': [[2000 + (i % 25), 1 + (i % 12)]] },
    'container-title': 'Journal of Machine Learning Research',
    volume: String(1 + (i % 30)),
    page: `${i % 900}-${(i % 900) + 12}`,
    DOI: `10.5555/bench.${i}`,
    abstract: 'We study robust representation learning. '.repeat(30),
  };
}

/** RIS import (citation-js took 126 s for 50k records here) and duplicate detection over a whole library. */
export async function benchFormats(size: number): Promise<FormatsBench> {
  const items = Array.from({ length: size }, (_, i) => paper(i));
  const ris = exportRis(items);
  const parsed = await timed(() => parseRis(ris, 'bench.ris'));
  if (parsed.value.records.length !== size) throw new Error(`RIS: parsed ${parsed.value.records.length} of ${size}`);
  // 1% planted duplicates: the same DOI in another case, as a second import would bring.
  const candidates = items.map((csl, i) => ({ id: `i${i}`, csl }));
  for (let i = 0; i < size; i += 100) candidates.push({ id: `d${i}`, csl: { ...items[i]!, DOI: String(items[i]!.DOI).toUpperCase() } });
  const dedupe = await timed(() => findDuplicates(candidates));
  return { risRecords: size, risParseMs: parsed.ms, dedupeItems: candidates.length, dedupeMs: dedupe.ms, dedupePairs: dedupe.value.length };
}
