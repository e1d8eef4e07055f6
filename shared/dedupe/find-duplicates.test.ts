import { describe, expect, it } from 'vitest';
import type { CslItemData } from '../model/csl.ts';
import { findDuplicates, findDuplicatesOf, foldText } from './index.ts';

const paper = (csl: Partial<CslItemData>): CslItemData => ({ type: 'article-journal', ...csl });

describe('foldText', () => {
  it('folds case, accents, ligatures, LaTeX and punctuation', () => {
    expect(foldText('{O}ptimization of {\\"U}ber-{L}arge Models: $\\alpha$-Nets')).toBe('optimization of uber large models alpha nets');
    expect(foldText('Parameter-Eﬃcient Transfer — “NLP” & Vision')).toBe('parameter efficient transfer nlp and vision');
    expect(foldText('Schölkopf')).toBe(foldText('Scholkopf'));
  });
});

describe('findDuplicates', () => {
  it('matches DOIs whatever their case or URL form, with the highest confidence', () => {
    const pairs = findDuplicates([
      { id: 'a', csl: paper({ title: 'Deep learning', DOI: '10.1038/NATURE14539' }) },
      { id: 'b', csl: paper({ title: 'Deep learning', URL: 'https://doi.org/10.1038/nature14539' }) },
      { id: 'c', csl: paper({ title: 'Deep learning', DOI: 'doi:10.1038/nature14539.' }) },
    ]);
    expect(pairs).toEqual([
      { a: 'a', b: 'b', reason: 'doi', confidence: 0.99 },
      { a: 'a', b: 'c', reason: 'doi', confidence: 0.99 },
      { a: 'b', b: 'c', reason: 'doi', confidence: 0.99 },
    ]);
  });

  it('matches arXiv ids across versions, URLs, notes, numbers and the arXiv DOI', () => {
    const pairs = findDuplicates([
      { id: 'url', csl: paper({ title: 'Attention Is All You Need', URL: 'https://arxiv.org/abs/1706.03762v1' }) },
      { id: 'doi', csl: paper({ title: 'Attention is all you need', DOI: '10.48550/arXiv.1706.03762' }) },
      { id: 'hf', csl: paper({ title: 'Attention Is All You Need', URL: 'https://huggingface.co/papers/1706.03762' }) },
      { id: 'note', csl: paper({ title: 'Attention is All you Need', note: 'arXiv:1706.03762v7' }) },
    ]);
    expect(pairs).toHaveLength(6);
    expect(new Set(pairs.map((p) => p.reason))).toEqual(new Set(['arxiv']));
  });

  it('matches a preprint and its published version a year later by title and first author', () => {
    const preprint = { id: 'arxiv', csl: paper({ type: 'article', title: 'BERT: Pre-training of Deep Bidirectional Transformers', author: [{ family: 'Devlin', given: 'Jacob' }], issued: { 'date-parts': [[2018]] } }) };
    const published = { id: 'naacl', csl: paper({ type: 'paper-conference', title: '{BERT}: Pre-training of deep bidirectional transformers', author: [{ family: 'Devlin', given: 'J.' }], issued: { 'date-parts': [[2019]] }, DOI: '10.18653/v1/N19-1423' }) };
    expect(findDuplicates([preprint, published])).toEqual([{ a: 'arxiv', b: 'naacl', reason: 'title-year-author', confidence: 0.8 }]);
    // Two years apart, or a year apart with neither a preprint: different items.
    const later = { ...published, csl: { ...published.csl, issued: { 'date-parts': [[2020]] } } };
    expect(findDuplicates([preprint, later])).toEqual([]);
    const journal = { ...preprint, csl: { ...preprint.csl, type: 'article-journal' } };
    expect(findDuplicates([journal, published])).toEqual([]);
  });

  it('never merges different papers with similar titles', () => {
    const kaplan = [{ family: 'Kaplan', given: 'Jared' }];
    const items = [
      { id: 'p1', csl: paper({ title: 'BERT: Probing Study, Part 1', author: kaplan, issued: { 'date-parts': [[2020]] } }) },
      { id: 'p2', csl: paper({ title: 'BERT: Probing Study, Part 2', author: kaplan, issued: { 'date-parts': [[2020]] } }) },
      { id: 'nlm', csl: paper({ title: 'Scaling Laws for Neural Language Models', author: kaplan, issued: { 'date-parts': [[2020]] } }) },
      { id: 'agm', csl: paper({ title: 'Scaling Laws for Autoregressive Generative Modeling', author: [{ family: 'Henighan' }], issued: { 'date-parts': [[2020]] } }) },
      { id: 'other-author', csl: paper({ title: 'Scaling Laws for Neural Language Models', author: [{ family: 'Someone' }], issued: { 'date-parts': [[2020]] } }) },
      { id: 'other-arxiv', csl: paper({ title: 'Scaling Laws for Neural Language Models', author: kaplan, issued: { 'date-parts': [[2020]] }, URL: 'https://arxiv.org/abs/2001.99999' }) },
      { id: 'with-arxiv', csl: paper({ title: 'Scaling Laws for Neural Language Models', author: kaplan, issued: { 'date-parts': [[2020]] }, URL: 'https://arxiv.org/abs/2001.08361' }) },
    ];
    // Only the untagged Kaplan record may match the tagged one; different arXiv ids veto the rest.
    expect(findDuplicates(items).map((p) => [p.a, p.b])).toEqual([
      ['nlm', 'other-arxiv'],
      ['nlm', 'with-arxiv'],
    ]);
  });

  it('ignores one DOI shared by papers with unrelated titles', () => {
    const bookDoi = '10.1007/978-3-030-58452-8';
    expect(findDuplicates([
      { id: 'detr', csl: paper({ type: 'chapter', title: 'End-to-End Object Detection with Transformers', DOI: bookDoi }) },
      { id: 'nerf', csl: paper({ type: 'chapter', title: 'NeRF: Representing Scenes as Neural Radiance Fields', DOI: bookDoi }) },
    ])).toEqual([]);
  });

  it('leaves out pairs the user marked as different, in either order', () => {
    const items = [
      { id: 'x', csl: paper({ title: 'A', DOI: '10.1234/abc' }) },
      { id: 'y', csl: paper({ title: 'A', DOI: '10.1234/ABC' }) },
    ];
    expect(findDuplicates(items)).toHaveLength(1);
    expect(findDuplicates(items, { notDuplicates: [['y', 'x']] })).toEqual([]);
  });
});

describe('findDuplicatesOf', () => {
  it('checks new items against the library only', () => {
    const existing = [
      { id: 'lib-1', csl: paper({ title: 'Mamba', URL: 'https://arxiv.org/abs/2312.00752' }) },
      { id: 'lib-2', csl: paper({ title: 'Deep learning', DOI: '10.1038/nature14539' }) },
    ];
    const incoming = [
      { id: 'new-1', csl: paper({ title: 'Mamba: Linear-Time Sequence Modeling', URL: 'https://huggingface.co/papers/2312.00752' }) },
      { id: 'new-2', csl: paper({ title: 'Something else', DOI: '10.1000/xyz' }) },
      { id: 'new-3', csl: paper({ title: 'Something else', DOI: '10.1000/XYZ' }) },
    ];
    expect(findDuplicatesOf(incoming, existing)).toEqual([{ a: 'new-1', b: 'lib-1', reason: 'arxiv', confidence: 0.98 }]);
  });
});

describe('findDuplicates speed', () => {
  it('handles 50,000 items by bucketing, not by comparing all pairs', () => {
    const words = ['neural', 'graph', 'sparse', 'learning', 'attention', 'diffusion', 'robust', 'causal', 'vision', 'language', 'policy', 'kernel', 'bayesian', 'transformer', 'reward', 'memory'];
    const items = [];
    for (let i = 0; i < 50_000; i++) {
      const title = `${words[i % 16]} ${words[(i >> 4) % 16]} ${words[(i >> 8) % 16]} models for task ${i}`;
      const csl: CslItemData = { type: i % 3 === 0 ? 'article' : 'article-journal', title, author: [{ family: `Author${i % 977}`, given: 'A.' }], issued: { 'date-parts': [[2000 + (i % 25)]] } };
      if (i % 2 === 0) csl.DOI = `10.${1000 + (i % 50)}/paper.${i}`;
      if (i % 5 === 0) csl.URL = `https://arxiv.org/abs/${2101 + (i % 10)}.${String(10000 + i).slice(-5)}`;
      if (i % 7 === 0) csl.note = `Accepted at a workshop, ${i}.`;
      items.push({ id: `item${i}`, csl });
    }
    // 500 planted duplicates: same DOI, different case.
    for (let i = 0; i < 1000; i += 2) items.push({ id: `dup${i}`, csl: { ...items[i]!.csl, DOI: (items[i]!.csl.DOI as string).toUpperCase() } });
    const pairs = findDuplicates(items);
    expect(pairs.filter((p) => p.b.startsWith('dup'))).toHaveLength(500);
  });
});
