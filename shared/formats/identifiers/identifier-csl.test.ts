import { describe, expect, it } from 'vitest';
import { findIdentifiers } from './find-identifiers.ts';
import { arxivIdDate, identifierCsl, identifierKey } from './identifier-csl.ts';

describe('identifier CSL', () => {
  it('dates arXiv ids of both styles from their yymm', () => {
    expect(arxivIdDate('2401.01335')).toEqual([2024, 1]);
    expect(arxivIdDate('hep-th/9901001')).toEqual([1999, 1]);
    expect(arxivIdDate('math/0211159')).toEqual([2002, 11]);
    expect(arxivIdDate('2413.01335')).toBeNull();
  });

  it('builds placeholder metadata and a stable key from each kind of identifier', () => {
    const found = findIdentifiers('see arXiv:2305.18290v2, doi:10.1038/nature14539 and ISBN 978-0-262-03561-3');
    expect(found.map((f) => f.kind)).toEqual(['arxiv', 'doi', 'isbn']);
    const [arxiv, doi, isbn] = found.map((f) => identifierCsl(f));
    expect(arxiv).toMatchObject({ DOI: '10.48550/arXiv.2305.18290', archive_location: '2305.18290', issued: { 'date-parts': [[2023, 5]] } });
    expect(doi).toMatchObject({ DOI: '10.1038/nature14539', URL: 'https://doi.org/10.1038/nature14539' });
    expect(isbn).toMatchObject({ type: 'book', ISBN: '9780262035613' });
    expect(found.map((f) => identifierKey(f))).toEqual(['arXiv:2305.18290', 'doi:10.1038/nature14539', 'isbn:9780262035613']);
  });
});
