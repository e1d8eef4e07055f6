/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import hfListing from '../../tests/fixtures/listing/hf-papers-generalization.txt?raw';
import arxivList from '../../tests/fixtures/listing/arxiv-list-new.txt?raw';
import risLibrary from '../../tests/fixtures/ris/ml-library.ris?raw';
import { guessImportFormat } from './guess-format.ts';

describe('guessImportFormat', () => {
  it('trusts known extensions', () => {
    expect(guessImportFormat('refs.bib', '')).toBe('bibtex');
    expect(guessImportFormat('Refs.BibTeX', '')).toBe('bibtex');
    expect(guessImportFormat('export.ris', '')).toBe('ris');
    expect(guessImportFormat('library.csl.json', '')).toBe('csl-json');
    expect(guessImportFormat('items.json', '')).toBe('csl-json');
  });

  it('reads the content when the name says nothing', () => {
    expect(guessImportFormat('clipboard', '\uFEFF  [{"type": "book"}]')).toBe('csl-json');
    expect(guessImportFormat('pasted.txt', risLibrary)).toBe('ris');
    expect(guessImportFormat('pasted.txt', '% comment\n@inproceedings{he2016,\n  title={Deep Residual Learning}\n}')).toBe('bibtex');
    expect(guessImportFormat('pasted.txt', hfListing)).toBe('listing');
    expect(guessImportFormat('', arxivList)).toBe('listing');
  });

  it('gives up on text no importer can read', () => {
    expect(guessImportFormat('notes.txt', 'just a short note')).toBeNull();
    expect(guessImportFormat('empty', '')).toBeNull();
  });
});
