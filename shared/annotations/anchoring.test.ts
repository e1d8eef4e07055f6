import { describe, expect, it } from 'vitest';
import { Anchorer, anchorQuote, selectorAt, selectorFor, type QuoteSelector } from './anchoring.ts';
import { foldText, originalRange } from './text-normalise.ts';

// Page texts as the full-text cache holds them (pdf.js pieces joined, a line break where pdf.js saw one).
const V1 = [
  'Attention Is All You Need\nAshish Vaswani, Noam Shazeer, Niki Parmar\nAbstract\nThe dominant sequence transduction models are based on complex recurrent or convolutional neural networks that include an encoder and a decoder. The best performing models also connect the encoder and decoder through an attention mechanism. We propose a new simple network architecture, the Transformer, based solely on attention mechanisms, dispensing with recurrence and convolutions entirely.\n1 Introduction\nRecurrent neural networks, long short-term memory and gated recurrent neural networks in particular, have been firmly established as state of the art approaches in sequence modeling.',
  '2 Background\nThe goal of reducing sequential computation also forms the foundation of the Extended Neural GPU, ByteNet and ConvS2S. In the Transformer this is reduced to a constant number of operations. Self-attention, sometimes called intra-attention, is an attention mechanism relating different positions of a single sequence in order to compute a representation of the sequence.\n3 Model Architecture\nMost competitive neural sequence transduction models have an encoder-decoder structure.',
  '3.2 Attention\nAn attention function can be described as mapping a query and a set of key-value pairs to an output. We call our particular attention "Scaled Dot-Product Attention". In practice, we compute the attention function on a set of queries simultaneously. The two most commonly used attention functions are additive attention, and dot-product (multiplicative) attention.\nReferences\n[1] Jimmy Lei Ba, Jamie Ryan Kiros, and Geoffrey E Hinton. Layer normalization.',
];

// The newer arXiv version: a notice at the top shifts page 1, the background grew so "3 Model Architecture" moved
// to page 3, one word changed, a line is now hyphenated differently, and one sentence is gone.
const V2 = [
  'Provided proper attribution is provided, Google hereby grants permission to reproduce the tables and figures in this paper solely for use in journalistic or scholarly works.\nAttention Is All You Need\nAshish Vaswani, Noam Shazeer, Niki Parmar, Jakob Uszkoreit\nAbstract\nThe dominant sequence transduction models are based on complicated recurrent or convolutional neural networks that include an encoder and a decoder. The best performing models also connect the encoder and decoder through an attention mechanism. We propose a new simple network architecture, the Transformer, based solely on attention mechanisms, dispensing with recurrence and convolutions entirely. Experiments on two machine translation tasks show these models to be superior in quality.',
  '1 Introduction\nRecurrent neural networks, long short-term memory and gated recurrent neural networks in particular, have been firmly established as state of the art approaches in sequence modeling and transduction problems.\n2 Background\nThe goal of reducing sequential computation also forms the foundation of the Extended Neural GPU, ByteNet and ConvS2S. Self-attention, sometimes called intra-at-\ntention, is an attention mechanism relating different positions of a single sequence in order to compute a representation of the sequence.',
  '3 Model Architecture\nMost competitive neural sequence transduction models have an encoder-decoder structure.\n3.2 Attention\nAn attention function can be described as mapping a query and a set of key-value pairs to an output. We call our particular attention “Scaled Dot-Product Attention”. The two most commonly used attention functions are additive attention, and dot-product (multiplicative) attention.',
  'References\n[1] Jimmy Lei Ba, Jamie Ryan Kiros, and Geoffrey E Hinton. Layer normalization.',
];

/** The selector the reader would have stored for a quote on a V1 page. */
function select(pageIndex: number, quote: string, occurrence = 0): QuoteSelector {
  let at = -1;
  for (let n = 0; n <= occurrence; n++) at = V1[pageIndex]!.indexOf(quote, at + 1);
  if (at < 0) throw new Error(`not on page ${pageIndex}: ${quote}`);
  return { pageIndex, ...selectorAt(V1[pageIndex]!, at, at + quote.length) };
}

describe('selectors', () => {
  it('keep 32 characters of context on each side and the offset', () => {
    const s = select(0, 'the Transformer');
    expect(s).toMatchObject({ text: 'the Transformer', textOffset: V1[0]!.indexOf('the Transformer') });
    expect(s.prefix).toBe('ew simple network architecture, ');
    expect(s.prefix).toHaveLength(32);
    expect(s.suffix).toBe(', based solely on attention mech');
  });

  it('clip at the page ends', () => {
    expect(selectorAt('short page', 0, 5)).toEqual({ text: 'short', prefix: '', suffix: ' page', textOffset: 0 });
    expect(selectorAt('abc', 2, 99)).toEqual({ text: 'c', prefix: 'ab', suffix: '', textOffset: 2 });
  });

  it('find a selection the text layer gave with other line breaks and hyphenation, nearest the hint', () => {
    const page = V2[1]!;
    const s = selectorFor(page, 'Self-attention, sometimes called intra-attention, is an attention mechanism');
    expect(s?.text).toBe('Self-attention, sometimes called intra-at-\ntention, is an attention mechanism');
    expect(s?.textOffset).toBe(page.indexOf('Self-attention'));
    const twice = 'neural networks';
    const near = selectorFor(page, twice, page.lastIndexOf(twice));
    expect(near?.textOffset).toBe(page.lastIndexOf(twice));
    expect(selectorFor(page, 'not on this page at all')).toBeNull();
  });
});

describe('anchoring in the same PDF', () => {
  it('finds every quote where it was, exactly, with full confidence', () => {
    const anchorer = new Anchorer(V1);
    for (const [page, quote] of [[0, 'based solely on attention mechanisms'], [1, 'intra-attention'], [2, 'Scaled Dot-Product Attention']] as const) {
      const s = select(page, quote);
      expect(anchorer.anchor(s)).toEqual({ pageIndex: page, textOffset: s.textOffset, text: quote, prefix: s.prefix, suffix: s.suffix, confidence: 1, method: 'exact' });
    }
  });

  it('tells repeats apart by their context', () => {
    const second = select(0, 'neural networks', 2);
    const anchor = anchorQuote(V1, second);
    expect(anchor?.textOffset).toBe(second.textOffset);
    // Even with a wrong offset, the context decides.
    expect(anchorQuote(V1, { ...second, textOffset: 0 })?.textOffset).toBe(second.textOffset);
  });
});

describe('anchoring in a newer version', () => {
  const anchorer = new Anchorer(V2);

  it('follows a quote that moved down its page', () => {
    const s = select(0, 'We propose a new simple network architecture, the Transformer');
    const a = anchorer.anchor(s);
    expect(a).toMatchObject({ pageIndex: 0, method: 'exact', text: s.text });
    expect(a!.textOffset).toBe(V2[0]!.indexOf(s.text));
    expect(a!.confidence).toBeGreaterThan(0.9);
  });

  it('follows a quote to another page', () => {
    const s = select(1, 'Most competitive neural sequence transduction models have an encoder-decoder structure.');
    expect(anchorer.anchor(s)).toMatchObject({ pageIndex: 2, textOffset: V2[2]!.indexOf('Most competitive'), method: 'exact' });
    const intro = select(0, 'firmly established as state of the art approaches');
    expect(anchorer.anchor(intro)).toMatchObject({ pageIndex: 1, method: 'exact' });
  });

  it('finds a quote across new hyphenation and typographic quotes, folded', () => {
    const hyphen = anchorer.anchor(select(1, 'Self-attention, sometimes called intra-attention, is an attention mechanism'));
    expect(hyphen).toMatchObject({ pageIndex: 1, method: 'folded', text: 'Self-attention, sometimes called intra-at-\ntention, is an attention mechanism' });
    const quoted = anchorer.anchor(select(2, 'We call our particular attention "Scaled Dot-Product Attention".'));
    expect(quoted).toMatchObject({ pageIndex: 2, method: 'folded', text: 'We call our particular attention “Scaled Dot-Product Attention”.' });
  });

  it('finds a quote in which a word changed, approximately, with lower confidence', () => {
    const a = anchorer.anchor(select(0, 'The dominant sequence transduction models are based on complex recurrent or convolutional neural networks'));
    expect(a).toMatchObject({ pageIndex: 0, method: 'approximate', text: 'The dominant sequence transduction models are based on complicated recurrent or convolutional neural networks' });
    expect(a!.confidence).toBeGreaterThan(0.7);
    expect(a!.confidence).toBeLessThan(0.8);
    expect(a!.prefix.endsWith('Abstract\n')).toBe(true);
  });

  it('gives up on a quote that is gone, instead of anchoring it somewhere wrong', () => {
    expect(anchorer.anchor(select(2, 'In practice, we compute the attention function on a set of queries simultaneously.'))).toBeNull();
    expect(anchorer.anchor(select(1, 'In the Transformer this is reduced to a constant number of operations.'))).toBeNull();
  });

  it('keeps an annotation without text on its page while the page exists', () => {
    expect(anchorer.anchor({ pageIndex: 3, text: '', prefix: '', suffix: '', textOffset: -1 })).toMatchObject({ pageIndex: 3, method: 'position', textOffset: -1 });
    expect(anchorer.anchor({ pageIndex: 9, text: '  ', prefix: '', suffix: '', textOffset: -1 })).toBeNull();
  });

  it('does not match a short quote approximately', () => {
    expect(anchorer.anchor({ pageIndex: 0, text: 'Transfarmer', prefix: '', suffix: '', textOffset: -1 })).toBeNull();
  });

  it('stays bounded on a quote that is everywhere and on a long document', () => {
    const pages = Array.from({ length: 300 }, (_, i) => `Page ${i}. ${'the attention of the model '.repeat(200)}`);
    const big = new Anchorer(pages);
    expect(big.anchor({ pageIndex: 150, text: 'the attention', prefix: '', suffix: '', textOffset: 50 })).toMatchObject({ pageIndex: 150, method: 'exact' });
    expect(big.anchor({ pageIndex: 10, text: 'a sentence that is nowhere in this long document at all', prefix: '', suffix: '', textOffset: 5 })).toBeNull();
  });
});

describe('folding', () => {
  it('maps every folded character back to where it came from', () => {
    const raw = 'Ef\ufb01cient  Co-\n  operation “É”';
    const folded = foldText(raw);
    expect(folded.text).toBe('efficient cooperation "e"');
    const at = folded.text.indexOf('cooperation');
    expect(raw.slice(...originalRange(folded, raw, at, at + 'cooperation'.length))).toBe('Co-\n  operation');
    const fi = folded.text.indexOf('ffi');
    expect(raw.slice(...originalRange(folded, raw, fi, fi + 3))).toBe('f\ufb01');
  });

  it('keeps surrogate pairs whole', () => {
    const raw = 'x 𝒜 y';
    const folded = foldText(raw);
    const at = folded.text.indexOf('a');
    expect(raw.slice(...originalRange(folded, raw, at, at + 1))).toBe('𝒜');
  });
});
