/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import listNew from '../../../tests/fixtures/listing/arxiv-list-new.txt?raw';
import listClassic from '../../../tests/fixtures/listing/arxiv-list-classic.txt?raw';
import absPage from '../../../tests/fixtures/listing/arxiv-abs-page.txt?raw';
import { looksLikeListing, parseListing } from './index.ts';

describe('parseListing on arXiv pages', () => {
  it('reads a /list/.../new page: unlabeled authors, abstracts, cross-lists and replacements', () => {
    const { entries, ignored } = parseListing(listNew);
    expect(entries.map((e) => [e.arxivId, e.title])).toEqual([
      ['2401.01335', 'Self-Play Fine-Tuning Converts Weak Language Models to Strong Language Models'],
      ['2401.01325', 'LLM Maybe LongLM: Self-Extend LLM Context Window Without Tuning'],
      ['2401.00908', 'DocLLM: A layout-aware generative language model for multimodal document understanding'],
      ['2312.00752', 'Mamba: Linear-Time Sequence Modeling with Selective State Spaces'],
      ['hep-th/9711200', 'The Large N Limit of Superconformal Field Theories and Supergravity'],
    ]);
    expect(entries[0]!.authors).toEqual(['Zixiang Chen', 'Yihe Deng', 'Huizhuo Yuan', 'Kaixuan Ji', 'Quanquan Gu']);
    expect(entries[0]!.abstract).toMatch(/^Harnessing the power .* https:\/\/github\.com\/uclaml\/SPIN\.$/);
    expect(entries[0]!.url).toBe('https://arxiv.org/abs/2401.01335');
    expect(entries[3]!.abstract).toBe('');
    expect(entries[4]!.authors).toEqual(['Juan M. Maldacena']);
    expect(entries.every((e) => !/submissions|Total of/.test(e.abstract))).toBe(true);
    expect(ignored.map((i) => i.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 21, 28, 40]);
  });

  it('reads the classic listing with labelled, wrapped author lists and versioned ids', () => {
    const { entries } = parseListing(listClassic);
    expect(entries.map((e) => [e.line, e.arxivId, e.title])).toEqual([
      [10, '2001.08361', 'Scaling Laws for Neural Language Models'],
      [17, '2001.08210', 'Multilingual Denoising Pre-training for Neural Machine Translation'],
      [23, '1412.6980', 'Adam: A Method for Stochastic Optimization'],
    ]);
    expect(entries[0]!.authors).toHaveLength(10);
    expect(entries[0]!.authors?.at(-1)).toBe('Dario Amodei');
    expect(entries[2]!.authors).toEqual(['Diederik P. Kingma', 'Jimmy Ba']);
  });

  it('reads an abstract page', () => {
    const { entries, ignored } = parseListing(absPage);
    expect(entries).toHaveLength(1);
    const [entry] = entries;
    expect(entry!.title).toBe('Attention Is All You Need');
    expect(entry!.arxivId).toBe('1706.03762');
    expect(entry!.authors).toHaveLength(8);
    expect(entry!.authors?.[0]).toBe('Ashish Vaswani');
    expect(entry!.abstract).toMatch(/^The dominant sequence transduction models .* less time to train\.$/);
    expect(ignored.some((i) => i.text.startsWith('[v1]'))).toBe(true);
  });

  it('reads search results, where the title has no label', () => {
    const text = [
      'Showing 1–2 of 2 results for all: direct preference',
      'arXiv:2305.18290  [pdf, other]  cs.LG cs.AI cs.CL',
      'Direct Preference Optimization: Your Language Model is Secretly a Reward Model',
      'Authors: Rafael Rafailov, Archit Sharma, Eric Mitchell, Stefano Ermon, Christopher D. Manning, Chelsea Finn',
      'Abstract: While large-scale unsupervised language models (LMs) learn broad world knowledge and some reasoning skills, achieving precise control of their behavior is difficult. … ▽ More',
      'Submitted 29 July, 2024; v1 submitted 29 May, 2023; originally announced May 2023.',
      'Comments: NeurIPS 2023',
      'arXiv:2402.01306  [pdf, html, other]  cs.LG',
      'KTO: Model Alignment as Prospect Theoretic Optimization',
      'Authors: Kawin Ethayarajh, Winnie Xu, Niklas Muennighoff, Dan Jurafsky, Douwe Kiela',
      'Submitted 3 September, 2024; originally announced February 2024.',
    ].join('\n');
    const { entries, ignored } = parseListing(text);
    expect(entries.map((e) => [e.line, e.arxivId, e.title, e.authors?.length])).toEqual([
      [3, '2305.18290', 'Direct Preference Optimization: Your Language Model is Secretly a Reward Model', 6],
      [9, '2402.01306', 'KTO: Model Alignment as Prospect Theoretic Optimization', 5],
    ]);
    expect(entries[0]!.abstract).toMatch(/^While large-scale .* is difficult\. …$/);
    expect(entries[1]!.abstract).toBe('');
    expect(ignored.map((i) => i.line)).toEqual([1, 6, 11]);
  });

  it('counts as a listing', () => {
    expect(looksLikeListing(listNew)).toBe(true);
    expect(looksLikeListing(absPage)).toBe(true);
  });
});
