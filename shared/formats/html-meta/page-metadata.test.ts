import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeSources, paperCsl, readPageMetadata } from './index.ts';

const FIXTURES = join(import.meta.dirname, '../../../tests/fixtures/html-meta');
const page = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

describe('readPageMetadata on each site shape', () => {
  it('arXiv abs: citation_* with several authors, citation_date over citation_online_date, pdf url and arXiv id', () => {
    const meta = readPageMetadata(page('arxiv-abs.html'), 'https://arxiv.org/abs/1706.03762');
    expect(meta.isPaper).toBe(true);
    expect(describeSources(meta.sources)).toBe('citation_* (7 fields)');
    expect(meta.paper.authors).toHaveLength(8);
    expect(meta.paper.authors?.[5]).toEqual({ family: 'Gomez', given: 'Aidan N.' });
    expect(meta.paper.issued).toEqual({ 'date-parts': [[2017, 6, 12]] });
    expect(meta.paper.onlineDate).toEqual({ 'date-parts': [[2023, 8, 2]] });
    expect(meta.paper.pdfUrl).toBe('https://arxiv.org/pdf/1706.03762');
    const csl = paperCsl(meta.paper);
    expect(csl).toMatchObject({ type: 'article', title: 'Attention Is All You Need', DOI: '10.48550/arXiv.1706.03762', archive_location: '1706.03762', issued: { 'date-parts': [[2017, 6, 12]] } });
  });

  it('OpenReview: "First Last" authors, only an online date, a relative PDF link resolved against the page', () => {
    const meta = readPageMetadata(page('openreview.html'), 'https://openreview.net/forum?id=HPuSIXJaa9');
    expect(meta.paper.authors?.[3]).toEqual({ family: 'Manning', given: 'Christopher D' });
    expect(meta.paper.pdfUrl).toBe('https://openreview.net/pdf?id=HPuSIXJaa9');
    const csl = paperCsl(meta.paper, 'https://openreview.net/forum?id=HPuSIXJaa9');
    expect(csl.issued).toEqual({ 'date-parts': [[2023, 11, 2]] });
    expect(csl).toMatchObject({ type: 'paper-conference', 'container-title': 'Thirty-seventh Conference on Neural Information Processing Systems', URL: 'https://openreview.net/forum?id=HPuSIXJaa9' });
  });

  it('ACL Anthology: unquoted attributes, year/month date, pages and DOI; citation_* wins over the DC.* tags beside it', () => {
    const meta = readPageMetadata(page('acl-anthology.html'));
    expect(describeSources(meta.sources)).toBe('citation_* (8 fields), DC.* (3 fields)');
    expect(meta.paper.authors).toHaveLength(4);
    const csl = paperCsl(meta.paper);
    expect(csl).toMatchObject({ type: 'paper-conference', page: '4171-4186', DOI: '10.18653/v1/n19-1423', issued: { 'date-parts': [[2019, 6]] } });
  });

  it('PMLR and NeurIPS: volumes, first pages, citation_year, the title from the tags not <title>', () => {
    const pmlr = paperCsl(readPageMetadata(page('pmlr.html')).paper);
    expect(pmlr).toMatchObject({ volume: '97', page: '6105-6114', publisher: 'PMLR', issued: { 'date-parts': [[2019, 5, 24]] } });
    const neurips = readPageMetadata(page('neurips.html'));
    expect(neurips.paper.title).toBe('Generative Adversarial Nets');
    expect(paperCsl(neurips.paper)).toMatchObject({ type: 'article-journal', volume: '27', page: '2672', issued: { 'date-parts': [[2014]] } });
    expect(neurips.paper.authors).toHaveLength(8);
  });

  it('Hugging Face paper page: title without "Paper page -", arXiv id from the address, marked for the arXiv lookup', () => {
    const meta = readPageMetadata(page('hf-paper.html'));
    expect(meta.isPaper).toBe(true);
    expect(describeSources(meta.sources)).toBe('Hugging Face');
    expect(meta.paper).toMatchObject({ arxivId: '2305.18290', title: 'Direct Preference Optimization: Your Language Model is Secretly a Reward Model' });
    expect(meta.paper.authors).toBeUndefined();
  });

  it('Dublin Core: duplicated terms read once, the first title kept, DCTERMS.issued over DC.date', () => {
    const meta = readPageMetadata(page('dublin-core.html'));
    expect(meta.paper.title).toBe('Deep learning');
    expect(meta.paper.authors).toEqual([{ family: 'LeCun', given: 'Yann' }, { family: 'Bengio', given: 'Yoshua' }, { family: 'Hinton', given: 'Geoffrey' }]);
    expect(meta.paper).toMatchObject({ doi: '10.1038/nature14539', containerTitle: 'Nature', issued: { 'date-parts': [[2015, 5, 27]] } });
  });

  it('JSON-LD only: the ScholarlyArticle inside @graph, structured and plain names, nested volume, a relative PDF', () => {
    const meta = readPageMetadata(page('json-ld-only.html'), 'https://example.org/articles/nature16961');
    expect(describeSources(meta.sources)).toBe('JSON-LD');
    expect(meta.paper.authors).toEqual([{ family: 'Silver', given: 'David' }, { family: 'Huang', given: 'Aja' }, { family: 'Maddison', given: 'Chris J.' }]);
    expect(paperCsl(meta.paper)).toMatchObject({ type: 'article-journal', 'container-title': 'Nature', issue: '7587', page: '484-489', DOI: '10.1038/nature16961' });
    expect(meta.paper.pdfUrl).toBe('https://example.org/articles/nature16961.pdf');
  });

  it('COinS: an OpenURL in a span title, entity- and percent-encoded', () => {
    const meta = readPageMetadata(page('coins.html'));
    expect(describeSources(meta.sources)).toBe('COinS');
    expect(paperCsl(meta.paper)).toMatchObject({
      title: 'Long Short-Term Memory', 'container-title': 'Neural Computation', page: '1735-1780', DOI: '10.1162/neco.1997.9.8.1735',
      author: [{ family: 'Hochreiter', given: 'Sepp' }, { family: 'Schmidhuber', given: 'Jürgen' }],
    });
  });

  it('HTML entities, double escaping, mojibake and markup in content; publication_date over date over online_date', () => {
    const meta = readPageMetadata(page('entities.html'));
    expect(meta.paper.title).toBe('Café & Crème: “Naïve” Bayes for Jörg\'s Müller – a study');
    expect(meta.paper.authors).toEqual([
      { family: 'Müller', given: 'Jörg' }, { family: 'García', given: 'José' }, { literal: '张伟' }, { family: "O'Brien", given: 'Siobhán' },
    ]);
    expect(meta.paper.issued).toEqual({ 'date-parts': [[2021, 3, 4]] });
    expect(meta.paper.containerTitle).toBe('Journal of Unusual Results');
    expect(meta.paper.doi).toBe('10.5555/entity.2021.001');
  });
});

describe('precedence', () => {
  it('takes each field from the first source that has it, and the author list whole from one source', () => {
    const html = `<meta name="citation_title" content="From citation">
      <meta name="DC.title" content="From DC"><meta name="DC.creator" content="Dee, Cee"><meta name="DC.creator" content="Two, Second">
      <meta name="DC.identifier" content="doi:10.1234/dc.only">
      <script type="application/ld+json">{"@type":"ScholarlyArticle","name":"From JSON-LD","author":"Jay Son","datePublished":"2001"}</script>`;
    const meta = readPageMetadata(html);
    expect(describeSources(meta.sources)).toBe('citation_* (1 field), JSON-LD, DC.* (3 fields)');
    expect(meta.paper.title).toBe('From citation');
    expect(meta.paper.authors).toEqual([{ family: 'Son', given: 'Jay' }]);
    expect(meta.paper.issued).toEqual({ 'date-parts': [[2001]] });
    expect(meta.paper.doi).toBe('10.1234/dc.only');
  });

  it('a page with only og:title is not a paper', () => {
    const meta = readPageMetadata('<title>Shop</title><meta property="og:title" content="Buy shoes">', 'https://shop.example/');
    expect(meta.isPaper).toBe(false);
    expect(meta.sources).toEqual([]);
  });
});
