import { describe, expect, it } from 'vitest';
import dpoFeed from '../../../tests/fixtures/lookup/arxiv-2305.18290.xml?raw';
import errorFeed from '../../../tests/fixtures/lookup/arxiv-error.xml?raw';
import { parseArxivAtom } from './parse-arxiv-atom.ts';
import { xmlText } from './xml-text.ts';

describe('arXiv Atom feed', () => {
  it('reads title, abstract (CDATA and entities), authors, date and identifiers', () => {
    const [entry, ...rest] = parseArxivAtom(dpoFeed);
    expect(rest).toEqual([]);
    expect(entry?.arxivId).toBe('2305.18290');
    expect(entry?.version).toBe(3);
    expect(entry?.csl).toMatchObject({
      type: 'article',
      title: 'Direct Preference Optimization: Your Language Model is Secretly a Reward Model',
      author: [{ family: 'Rafailov', given: 'Rafael' }, { family: 'Sharma', given: 'Archit' }, { family: 'Finn', given: 'Chelsea' }],
      issued: { 'date-parts': [[2023, 5, 29]] },
      DOI: '10.48550/arXiv.2305.18290',
      archive: 'arXiv',
      archive_location: '2305.18290',
      keyword: 'cs.LG',
    });
    expect(entry?.csl.abstract).toBe('While large-scale unsupervised language models (LMs) learn <broad> world knowledge & some reasoning skills — and more — done.');
  });

  it('leaves out the error entry the API sends for an unknown id', () => {
    expect(parseArxivAtom(errorFeed)).toEqual([]);
    expect(parseArxivAtom('not xml at all')).toEqual([]);
  });

  it('decodes entities without double-decoding', () => {
    expect(xmlText('a &amp;lt; b &#60; c &bogus;')).toBe('a &lt; b < c &bogus;');
  });
});
