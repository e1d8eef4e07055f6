/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import hfGeneralization from '../../../tests/fixtures/listing/hf-papers-generalization.txt?raw';
import hfDaily from '../../../tests/fixtures/listing/hf-daily-papers.txt?raw';
import { looksLikeListing, parseListing } from './index.ts';

const sourceLines = (text: string): string[] => text.split(/\r\n|\r|\n/);

describe('parseListing on a Hugging Face Papers search page', () => {
  const result = parseListing(hfGeneralization);
  const lines = sourceLines(hfGeneralization);

  it('finds exactly the 103 papers: title on every fourth line from line 11', () => {
    expect(result.entries).toHaveLength(103);
    expect(result.entries.map((e) => e.line)).toEqual(Array.from({ length: 103 }, (_, i) => 11 + 4 * i));
  });

  it('keeps titles and abstracts character for character', () => {
    for (const entry of result.entries) {
      expect(entry.title).toBe(lines[entry.line - 1]);
      expect(lines[entry.line]).toBe('');
      expect(entry.abstract).toBe(lines[entry.line + 1]);
    }
    expect(result.entries[0]!.title).toBe('OPT-IML: Scaling Language Model Instruction Meta Learning through the Lens of Generalization');
    expect(result.entries.at(-1)!.title).toBe('A Survey on Large Language Models with some Insights on their Capabilities and Limitations');
    expect(result.entries.at(-1)!.abstract.endsWith('in novel and increasingly complex environments.')).toBe(true);
  });

  it('reports the page chrome as ignored, not as papers', () => {
    expect(result.ignored).toEqual([
      { line: 1, text: 'new', reason: 'page chrome' },
      { line: 3, text: 'Get trending papers in your email inbox!', reason: 'page chrome' },
      { line: 5, text: 'Subscribe', reason: 'page chrome' },
      { line: 7, text: 'byAK and the research community', reason: 'byline' },
      { line: 9, text: 'Jul 14', reason: 'date' },
    ]);
  });

  it('attaches links written in an abstract, without the sentence punctuation', () => {
    const llmP = result.entries.find((e) => e.title.startsWith('LLM+P'));
    expect(llmP?.url).toBe('https://github.com/Cranial-XIX/llm-pddl.git');
    const migu = result.entries.find((e) => e.title === 'Unlocking Continual Learning Abilities in Language Models');
    expect(migu?.url).toBe('https://github.com/wenyudu/MIGU');
    const noLink = result.entries.find((e) => e.title === 'Gradient is All You Need?');
    expect(noLink?.url).toBeUndefined();
  });

  it('reads Windows line endings the same way', () => {
    const crlf = parseListing(hfGeneralization.replace(/\n/g, '\r\n'));
    expect(crlf.entries).toEqual(result.entries);
  });
});

describe('parseListing on a Hugging Face daily page with cards', () => {
  const result = parseListing(hfDaily);

  it('skips submitters, votes and author counts, and joins wrapped titles and abstracts', () => {
    expect(result.entries.map((e) => e.title)).toEqual([
      'Self-Play Fine-Tuning Converts Weak Language Models to Strong Language Models',
      'LLM Maybe LongLM: Self-Extend LLM Context Window Without Tuning',
      'GPT-4V(ision) is a Generalist Web Agent, if Grounded',
      'Understanding LLMs: A Comprehensive Overview from Training to Inference',
    ]);
    const wrapped = result.entries[3]!;
    expect(wrapped.abstract).toMatch(/within this context, and low-cost training/);
    expect(wrapped.abstract.endsWith('aligned with this emerging trend.')).toBe(true);
    const reasons = new Set(result.ignored.map((i) => i.reason));
    expect(reasons).toEqual(new Set(['page chrome', 'byline', 'date', 'punctuation', 'count']));
    expect(result.ignored.filter((i) => i.reason === 'byline').map((i) => i.text)).toEqual(['by AK and the research community', 'akhaliq', 'taesiri', 'akhaliq', 'akhaliq']);
  });

  it('takes authors and the paper page from the lines between title and abstract', () => {
    const entry = result.entries[1]!;
    expect(entry.authors).toEqual(['Hongye Jin', 'Xiaotian Han', 'Jingfeng Yang', 'Zhimeng Jiang', 'Zirui Liu', 'Chia-Yuan Chang', 'Huiyuan Chen', 'Xia Hu']);
    expect(entry.arxivId).toBe('2401.01325');
    expect(entry.url).toBe('https://huggingface.co/papers/2401.01325');
    expect(result.entries[0]!.authors).toBeUndefined();
  });
});

describe('parseListing edge cases', () => {
  it('needs a paragraph after a title: a lone heading or a sentence is not a paper', () => {
    const text = [
      'Reading list',
      '',
      'This line ends with a period.',
      '',
      'Deep Residual Learning for Image Recognition',
      '',
      'Deeper neural networks are more difficult to train. We present a residual learning framework to ease the training of networks that are substantially deeper than those used previously.',
      '',
      'Orphan title with nothing after it',
    ].join('\n');
    const result = parseListing(text);
    expect(result.entries).toEqual([
      {
        title: 'Deep Residual Learning for Image Recognition',
        abstract: 'Deeper neural networks are more difficult to train. We present a residual learning framework to ease the training of networks that are substantially deeper than those used previously.',
        line: 5,
      },
    ]);
    expect(result.ignored.map((i) => [i.line, i.reason])).toEqual([
      [1, 'no abstract follows'],
      [3, 'not a title or abstract'],
      [9, 'no abstract follows'],
    ]);
  });

  it('returns nothing for empty text', () => {
    expect(parseListing('')).toEqual({ entries: [], ignored: [] });
  });
});

describe('looksLikeListing', () => {
  it('accepts listings and rejects other formats', () => {
    expect(looksLikeListing(hfGeneralization)).toBe(true);
    expect(looksLikeListing(hfDaily)).toBe(true);
    expect(looksLikeListing('@article{vaswani2017,\n  title = {Attention Is All You Need}\n}')).toBe(false);
    expect(looksLikeListing('TY  - JOUR\nTI  - Attention Is All You Need\nER  - \n')).toBe(false);
    expect(looksLikeListing('[{"type": "article", "title": "Attention Is All You Need"}]')).toBe(false);
    expect(looksLikeListing('Subscribe\n\nJul 14\n\n42')).toBe(false);
  });
});
