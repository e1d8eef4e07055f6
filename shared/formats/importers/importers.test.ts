/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import hfListing from '../../../tests/fixtures/listing/hf-papers-generalization.txt?raw';
import arxivList from '../../../tests/fixtures/listing/arxiv-list-new.txt?raw';
import risLibrary from '../../../tests/fixtures/ris/ml-library.ris?raw';
import { detectImporter, IMPORTERS, importerFor } from './index.ts';

const BIBTEX = '% comment\n@inproceedings{he2016,\n  title={Deep Residual Learning},\n  year={2016}\n}\n';
const CSL_JSON = '[{"id": "vaswani2017", "type": "paper-conference", "title": "Attention Is All You Need"}]';

describe('the importer registry', () => {
  it('has one importer per format, each found by its format', () => {
    expect(IMPORTERS.map((i) => i.format)).toEqual(['html', 'csl-json', 'ris', 'bibtex', 'listing']);
    for (const importer of IMPORTERS) expect(importerFor(importer.format)).toBe(importer);
  });

  it('lets a file name decide before the content', () => {
    expect(detectImporter('refs.bib', CSL_JSON)?.format).toBe('bibtex');
    expect(detectImporter(' export.RIS ', BIBTEX)?.format).toBe('ris');
    expect(detectImporter('items.csl.json', risLibrary)?.format).toBe('csl-json');
  });

  it('asks the importers in order when the name says nothing', () => {
    expect(detectImporter('pasted', CSL_JSON)?.format).toBe('csl-json');
    expect(detectImporter('pasted', risLibrary)?.format).toBe('ris');
    expect(detectImporter('pasted', BIBTEX)?.format).toBe('bibtex');
    expect(detectImporter('pasted', hfListing)?.format).toBe('listing');
    // A RIS file whose notes quote a BibTeX entry is still RIS: RIS is asked first.
    expect(detectImporter('pasted', `${risLibrary}\nN1  - @article{x,\n`)?.format).toBe('ris');
    expect(detectImporter('notes.txt', 'just a short note')).toBeNull();
  });
});

describe('each importer', () => {
  it('BibTeX: detects an entry after a comment and keeps the key it came with', () => {
    const bibtex = importerFor('bibtex');
    expect(bibtex.detect({ text: BIBTEX, head: BIBTEX })).toBe(true);
    expect(bibtex.detect({ text: 'TY  - JOUR', head: 'TY  - JOUR' })).toBe(false);
    const { records, issues } = bibtex.parse(BIBTEX, 'refs.bib');
    expect(issues).toEqual([]);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ line: 2, wantedKey: 'he2016', csl: { title: 'Deep Residual Learning' } });
    expect(records[0]?.source?.key).toBe('he2016');
  });

  it('RIS: detects a TY line and reads every record, with no key of its own', () => {
    const ris = importerFor('ris');
    expect(ris.detect({ text: risLibrary, head: risLibrary })).toBe(true);
    expect(ris.detect({ text: BIBTEX, head: BIBTEX })).toBe(false);
    const { records } = ris.parse(risLibrary, 'ml-library.ris');
    expect(records).toHaveLength(10);
    expect(records.every((r) => r.wantedKey === undefined && r.source === undefined)).toBe(true);
  });

  it('CSL-JSON: detects an array or object and takes citation-key, else id, as the wanted key', () => {
    const csl = importerFor('csl-json');
    expect(csl.detect({ text: CSL_JSON, head: `  ${CSL_JSON}` })).toBe(true);
    expect(csl.detect({ text: BIBTEX, head: BIBTEX })).toBe(false);
    const text = '[{"id": "a", "type": "book", "title": "A"}, {"id": 7, "citation-key": "b", "type": "book", "title": "B"}, {"id": 8, "type": "book", "title": "C"}]';
    const { records } = csl.parse(text, 'items.json');
    expect(records.map((r) => r.wantedKey)).toEqual(['a', 'b', undefined]);
  });

  it('listing: detects a pasted Hugging Face or arXiv page, and makes arXiv preprints of arXiv papers', () => {
    const listing = importerFor('listing');
    expect(listing.fileName).toBeNull();
    expect(listing.detect({ text: hfListing, head: hfListing })).toBe(true);
    expect(listing.detect({ text: 'just a short note', head: 'just a short note' })).toBe(false);
    const { records, issues } = listing.parse(hfListing, 'pasted text');
    expect(issues).toEqual([]);
    expect(records.length).toBeGreaterThan(10);
    expect(records.every((r) => typeof r.csl.title === 'string' && r.csl.title !== '')).toBe(true);
    const arxiv = listing.parse(arxivList, 'pasted text').records;
    expect(arxiv.length).toBeGreaterThan(0);
    expect(arxiv.every((r) => r.csl.archive === 'arXiv' && /^10\.48550\/arXiv\./.test(r.csl.DOI ?? ''))).toBe(true);
    expect(records.every((r) => r.line > 0)).toBe(true);
  });
});
