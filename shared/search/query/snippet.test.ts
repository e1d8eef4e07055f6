import { describe, expect, it } from 'vitest';
import type { ItemId } from '../../model/ids.ts';
import { SearchIndex } from '../index/search-index.ts';
import type { SearchDoc } from '../index/search-doc.ts';
import { runSearch } from './search-run.ts';
import { bestPage, holdsTerm, snippetAround } from './snippet.ts';

const NOW = Date.UTC(2026, 11, 1);

/** A 2,000-page report: the words sought stand exactly on page 1999 and only as near misses on page 109. */
function longReport(): SearchDoc {
  const pages = Array.from({ length: 2000 }, (_, i) => `Page ${i + 1} of the long report on optimisation and batch sizes.`);
  pages[108] += ' A sharp turn here: the minimal quokka colony.';
  pages[1998] += ' Only here: sharp minima in the landscape of quokkas.';
  return {
    id: 'it_report' as ItemId, key: 'report', title: 'A long report', authors: [], venue: '', abstract: '', note: '', annotations: [],
    pages, tags: [], collections: [], doi: '', arxiv: '', types: ['report'], year: 2020, rating: 0, read: 'unread', flagged: false,
    pending: false, trashed: false, hasPdf: true, addedAt: NOW, modifiedAt: NOW,
  };
}

describe('the page of a full-text hit', () => {
  const index = new SearchIndex([longReport()]);
  const first = (query: string) => {
    const out = runSearch(index, { collections: [] }, query, { now: NOW });
    if (!out.ok) throw new Error(out.error.message);
    return out.hits[0];
  };

  it('is the page holding the exact word, not an earlier page with a typo or prefix of it', () => {
    expect(first('fulltext:quokkas')).toMatchObject({ page: 1999 });
    expect(first('fulltext:quokkas')?.snippet).toContain('landscape of quokkas');
    expect(first('quokkas')).toMatchObject({ page: 1999 });
  });

  it('is the page holding the phrase, not an earlier page holding its words apart', () => {
    expect(first('fulltext:"sharp minima"')).toMatchObject({ page: 1999 });
    expect(first('fulltext:"sharp minima"')?.snippet).toContain('sharp minima in the landscape');
  });

  it('is still the first page holding the word when the word itself is on several', () => {
    expect(first('fulltext:quokka')).toMatchObject({ page: 109 });
  });
});

describe('whole-word matching for snippets', () => {
  it('holds a term as a whole word only, and a CJK cut anywhere in its run', () => {
    expect(holdsTerm('the minimal set', 'minima')).toBe(false);
    expect(holdsTerm('flat minima.', 'minima')).toBe(true);
    expect(holdsTerm('機械学習の基礎', '学習')).toBe(true);
  });

  it('centres a snippet on a whole word', () => {
    expect(snippetAround('minimal ones first, then minima', ['minima'])).toBe('minimal ones first, then minima');
    expect(snippetAround('nothing here', ['minima'])).toBeNull();
  });

  it('scores pages by phrase, then by the quality of the words they hold', () => {
    const pages = ['sharp minimal', 'sharp minima'];
    const words = [[{ term: 'sharp', quality: 1 }], [{ term: 'minima', quality: 1 }, { term: 'minimal', quality: 0.7 }]];
    expect(bestPage(pages, words)).toBe(1);
    expect(bestPage(['minima sharp', 'sharp minima'], words, ['sharp minima'])).toBe(1);
    expect(bestPage(['nothing', 'at all'], words)).toBe(-1);
  });
});
