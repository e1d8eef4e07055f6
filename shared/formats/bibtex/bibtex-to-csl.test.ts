import { describe, expect, it } from 'vitest';
import { parseBibtex } from './bibtex-import.ts';
import { cslTypeOf, entryTypeOf } from './bibtex-types.ts';
import { cslVariableOfField } from './bibtex-fields.ts';

const csl = (text: string) => parseBibtex(text, 't.bib').entries.map((e) => e.csl);

describe('entry types', () => {
  it('maps BibTeX and biblatex types to CSL', () => {
    const pairs: Array<[string, string]> = [
      ['article', 'article-journal'], ['Article', 'article-journal'], ['inproceedings', 'paper-conference'], ['conference', 'paper-conference'],
      ['book', 'book'], ['mvbook', 'book'], ['incollection', 'chapter'], ['inbook', 'chapter'], ['phdthesis', 'thesis'],
      ['mastersthesis', 'thesis'], ['thesis', 'thesis'], ['techreport', 'report'], ['report', 'report'], ['misc', 'document'],
      ['online', 'webpage'], ['electronic', 'webpage'], ['unpublished', 'manuscript'], ['patent', 'patent'], ['dataset', 'dataset'],
      ['software', 'software'], ['booklet', 'pamphlet'], ['somethingelse', 'document'],
    ];
    expect(pairs.map(([b]) => cslTypeOf(b))).toEqual(pairs.map(([, c]) => c));
    expect(cslTypeOf('article', 'magazine')).toBe('article-magazine');
  });

  it('maps CSL types back, per dialect', () => {
    expect(entryTypeOf({ type: 'article-journal' }, 'bibtex')).toBe('article');
    expect(entryTypeOf({ type: 'webpage' }, 'bibtex')).toBe('misc');
    expect(entryTypeOf({ type: 'webpage' }, 'biblatex')).toBe('online');
    expect(entryTypeOf({ type: 'report' }, 'bibtex')).toBe('techreport');
    expect(entryTypeOf({ type: 'report' }, 'biblatex')).toBe('report');
    expect(entryTypeOf({ type: 'thesis', genre: "Master's thesis" }, 'bibtex')).toBe('mastersthesis');
    expect(entryTypeOf({ type: 'thesis', genre: 'PhD thesis' }, 'bibtex')).toBe('phdthesis');
    expect(entryTypeOf({ type: 'thesis' }, 'biblatex')).toBe('thesis');
    expect(entryTypeOf({ type: 'chapter' }, 'bibtex')).toBe('incollection');
    expect(entryTypeOf({ type: 'nonsense' }, 'biblatex')).toBe('misc');
  });
});

describe('fields to CSL', () => {
  it('maps the common BibTeX and biblatex fields', () => {
    const [a] = csl(`@article{a,
      author = {Vaswani, Ashish}, editor = {Ed, Ita}, translator = {Trans, Lator},
      title = {Attention}, subtitle = {All You Need}, shorttitle = {Attention},
      journaltitle = {NeurIPS}, shortjournal = {NIPS}, series = {Ser}, volume = 30, number = 2,
      pages = {5998--6008}, pagetotal = 11, edition = 2, publisher = {Curran}, location = {Long Beach},
      doi = {10.1/x}, url = {https://x.org}, isbn = {978-3}, issn = {1234-5678}, eprint = {1706.03762}, eprinttype = {arxiv},
      abstract = {We \\emph{propose}.}, keywords = {nlp, attention}, note = {A note}, annotation = {Mine},
      language = {english}, version = 3, type = {Preprint}, date = {2017-06-12}, urldate = {2020-01-02}}`);
    expect(a).toEqual({
      type: 'article-journal',
      title: 'Attention: All You Need',
      author: [{ family: 'Vaswani', given: 'Ashish' }],
      editor: [{ family: 'Ed', given: 'Ita' }],
      translator: [{ family: 'Trans', given: 'Lator' }],
      'title-short': 'Attention',
      'container-title': 'NeurIPS',
      'container-title-short': 'NIPS',
      'collection-title': 'Ser',
      volume: '30',
      issue: '2',
      page: '5998-6008',
      'number-of-pages': '11',
      edition: '2',
      publisher: 'Curran',
      'publisher-place': 'Long Beach',
      DOI: '10.1/x',
      URL: 'https://x.org',
      ISBN: '978-3',
      ISSN: '1234-5678',
      archive_location: '1706.03762',
      archive: 'arxiv',
      abstract: 'We propose.',
      keyword: 'nlp, attention',
      note: 'A note',
      annote: 'Mine',
      language: 'english',
      version: '3',
      genre: 'Preprint',
      issued: { 'date-parts': [[2017, 6, 12]] },
      accessed: { 'date-parts': [[2020, 1, 2]] },
    });
  });

  it('uses BibTeX names too: journal, booktitle, address, school, institution; number by type', () => {
    const [a, b, c, d] = csl(`@article{a, journal = {J}, address = {Here}, number = 4, year = 1999, month = may}
      @inproceedings{b, booktitle = {Proc}, organization = {Org}}
      @phdthesis{c, school = {MIT}}
      @techreport{d, institution = {Lab}, number = {TR-1}}`);
    expect([a?.['container-title'], a?.['publisher-place'], a?.issue, a?.issued]).toEqual(['J', 'Here', '4', { 'date-parts': [[1999, 5]] }]);
    expect([b?.['container-title'], b?.publisher]).toEqual(['Proc', 'Org']);
    expect(c?.publisher).toBe('MIT');
    expect([d?.publisher, d?.number, d?.issue]).toEqual(['Lab', 'TR-1', undefined]);
  });

  it('fills a crossref child from its parent, and an xdata user from its data, without touching the source', () => {
    const r = parseBibtex(`@incollection{child, title = {Ch}, crossref = {parent}}
      @xdata{pub, publisher = {Springer}, location = {Berlin}}
      @book{user, title = {B}, xdata = {pub}}
      @book{parent, title = {The Book}, editor = {Ed, E.}, publisher = {P}, year = 2000}`, 't.bib');
    const [child, , user] = r.entries;
    expect(child?.csl).toMatchObject({ 'container-title': 'The Book', editor: [{ family: 'Ed', given: 'E.' }], publisher: 'P', issued: { 'date-parts': [[2000]] } });
    expect(child?.source.fields.map((f) => f.name)).toEqual(['title', 'crossref']);
    expect(user?.csl).toMatchObject({ publisher: 'Springer', 'publisher-place': 'Berlin' });
  });

  it('knows which CSL variable each field feeds', () => {
    expect(['journal', 'journaltitle', 'booktitle', 'year', 'month', 'date', 'subtitle', 'school', 'address', 'urldate', 'unknownfield'].map((f) => cslVariableOfField(f, 'article-journal')))
      .toEqual(['container-title', 'container-title', 'container-title', 'issued', 'issued', 'issued', 'title', 'publisher', 'publisher-place', 'accessed', undefined]);
    expect(cslVariableOfField('number', 'article-journal')).toBe('issue');
    expect(cslVariableOfField('Number', 'report')).toBe('number');
  });
});
