/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import library from '../../../tests/fixtures/ris/ml-library.ris?raw';
import broken from '../../../tests/fixtures/ris/broken.ris?raw';
import { parseRis } from './index.ts';

describe('parseRis on a reference manager export', () => {
  const { records, issues } = parseRis(library, 'ml-library.ris');

  it('imports every record with its type and line', () => {
    expect(issues).toEqual([]);
    expect(records.map((r) => [r.line, r.csl.type])).toEqual([
      [1, 'article-journal'],
      [23, 'paper-conference'],
      [48, 'paper-conference'],
      [63, 'book'],
      [76, 'chapter'],
      [89, 'thesis'],
      [99, 'report'],
      [109, 'webpage'],
      [118, 'article'],
      [133, 'document'],
    ]);
  });

  it('maps a journal article field by field', () => {
    expect(records[0]!.csl).toEqual({
      type: 'article-journal',
      title: 'Deep learning',
      author: [
        { family: 'LeCun', given: 'Yann' },
        { family: 'Bengio', given: 'Yoshua' },
        { family: 'Hinton', given: 'Geoffrey' },
      ],
      'container-title': 'Nature',
      issued: { 'date-parts': [[2015, 5, 28]] },
      volume: '521',
      issue: '7553',
      page: '436-444',
      ISSN: '1476-4687',
      DOI: '10.1038/nature14539',
      URL: 'https://www.nature.com/articles/nature14539',
      abstract: 'Deep learning allows computational models that are composed of multiple processing layers to learn representations of data with multiple levels of abstraction.',
      keyword: 'deep learning, representation learning',
      language: 'en',
    });
  });

  it('maps conference, book, chapter, thesis and preprint specifics', () => {
    const [, nips, bert, book, chapter, thesis, report, web, dpo] = records.map((r) => r.csl);
    expect(nips!['container-title']).toBe('Advances in Neural Information Processing Systems');
    expect(nips!['event-title']).toBe('Advances in Neural Information Processing Systems 30 (NIPS 2017)');
    expect(nips!.editor).toEqual([{ family: 'Guyon', given: 'I.' }, { family: 'Luxburg', given: 'U. Von' }]);
    expect(nips!.note).toBe('Transformer paper.\nAlso arXiv:1706.03762');
    expect(bert!.DOI).toBe('10.18653/v1/N19-1423');
    expect(bert!.page).toBe('4171-4186');
    expect(bert!.issued).toEqual({ 'date-parts': [[2019, 6]] });
    expect(book!.ISBN).toBe('978-0-262-03561-3');
    expect(book!['collection-title']).toBe('Adaptive Computation and Machine Learning');
    expect(chapter!['container-title']).toBe('Foundations and Trends in Machine Learning');
    expect(chapter!['collection-title']).toBe('Foundations and Trends');
    expect(chapter!.editor).toEqual([{ family: 'Jordan', given: 'Michael I.' }]);
    expect(thesis!.genre).toBe('PhD thesis');
    expect(thesis!.publisher).toBe('University of Toronto');
    expect(report!.author).toEqual([{ literal: 'OpenAI' }]);
    expect(report!.abstract).toMatch(/text outputs\.\nWhile less capable/);
    expect(web!.accessed).toEqual({ 'date-parts': [[2024, 1, 15]] });
    expect(dpo!.id).toBe('rafailov2023direct');
    expect(dpo!.publisher).toBe('arXiv');
  });
});

describe('parseRis validation', () => {
  const { records, issues } = parseRis(broken, 'broken.ris');

  it('imports the good records around the bad ones', () => {
    expect(records.map((r) => r.csl.title)).toEqual([
      'Adam: A Method for Stochastic Optimization',
      'Layer Normalization',
      'Dropout: A Simple Way to Prevent Neural Networks from Overfitting',
    ]);
    expect(records[1]!.csl.issued).toEqual({ 'date-parts': [[2016, 2, 29]] });
  });

  it('reports each problem with file and line', () => {
    expect(issues.map((i) => [i.line, i.reason])).toEqual([
      [1, 'text outside a record, ignored'],
      [10, 'record has no "ER  -" end marker before the next record; skipped'],
      [15, 'unknown RIS type "JOURNAL"; record skipped'],
      [20, 'PY: impossible date "2021/13/01": month 13 does not exist; record skipped'],
      [25, 'DA: impossible date "2022/02/30": day 30 does not exist in month 2 of 2022; record skipped'],
      [39, 'record has no "TY  -" type line; skipped'],
      [43, '"ER  -" without a record, ignored'],
      [44, 'text outside a record, ignored'],
      [51, 'record has no "ER  -" end marker (file ends inside it); skipped'],
    ]);
    expect(issues.every((i) => i.file === 'broken.ris')).toBe(true);
  });

  it('names the record by its ID when it has one', () => {
    const { issues: keyed } = parseRis('TY  - JOUR\nID  - smith2020\nPY  - 2020/00/10\nER  - \n', 'k.ris');
    expect(keyed).toEqual([{ file: 'k.ris', line: 1, reason: 'PY: impossible date "2020/00/10": month 0 does not exist; record skipped', key: 'smith2020' }]);
  });

  it('accepts CRLF, a byte-order mark and one-space tags', () => {
    const { records: crlf, issues: none } = parseRis('\uFEFFTY - JOUR\r\nTI - Title\r\nER  -\r\n', 'w.ris');
    expect(none).toEqual([]);
    expect(crlf).toEqual([{ line: 1, csl: { type: 'article-journal', title: 'Title' } }]);
    const oldMac = parseRis('TY  - JOUR\rTI  - Title\rER  - \r', 'mac.ris');
    expect(oldMac).toEqual({ records: [{ line: 1, csl: { type: 'article-journal', title: 'Title' } }], issues: [] });
  });

  it('joins wrapped lines to the tag above and reports untagged text after TY', () => {
    const { records, issues } = parseRis('TY  - JOUR\nstray words\nTI  - A long title\n  that wraps\nER  - \n', 'wrap.ris');
    expect(records[0]!.csl.title).toBe('A long title that wraps');
    expect(issues).toEqual([{ file: 'wrap.ris', line: 2, reason: 'text without a tag right after "TY  -", ignored' }]);
  });
});

describe('parseRis at scale', () => {
  it('parses 50,000 records', () => {
    const record = (i: number): string =>
      `TY  - JOUR\nTI  - Paper number ${i}\nAU  - Author, First\nAU  - Second, Author B.\nT2  - Journal of Tests\nPY  - 2020\nDA  - 2020/05/17\nVL  - 3\nSP  - 10\nEP  - 20\nDO  - 10.1234/test.${i}\nKW  - a\nKW  - b\nAB  - An abstract that is a sentence long for record ${i}.\nER  - \n`;
    const parts: string[] = [];
    for (let i = 0; i < 50_000; i++) parts.push(record(i));
    const text = parts.join('\n');
    const small = text.slice(0, text.length / 10);
    const tenth = parseRis(small, 'small.ris');
    const all = parseRis(text, 'big.ris');
    expect(tenth.records.length).toBeGreaterThan(4_900);
    expect(all.records).toHaveLength(50_000);
    expect(all.issues).toEqual([]);
    // Speed is measured by `npm run bench`, not by a timed test.
  });
});
