import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_AUTHORS, paperCsl, readPageMetadata, SCAN_LIMITS } from './index.ts';

const FIXTURES = join(import.meta.dirname, '../../../tests/fixtures/html-meta');

describe('hostile pages stay inert and bounded', () => {
  it('script and markup in content become plain text; javascript: and data: URLs are dropped', () => {
    const meta = readPageMetadata(readFileSync(join(FIXTURES, 'hostile-script.html'), 'utf8'), 'https://evil.example/paper');
    const csl = paperCsl(meta.paper, 'https://evil.example/paper');
    const all = JSON.stringify(csl);
    expect(all).not.toMatch(/<script|<img|<svg|onerror|onload|javascript:|data:text/i);
    expect(meta.paper.title).toBe('An honest title');
    expect(meta.paper.authors).toEqual([{ family: 'Eve', given: 'Mallory' }]);
    expect(meta.paper.abstract).toBe('Abstract bold with a tag');
    expect(meta.paper.pdfUrl).toBeUndefined();
    expect(meta.paper.url).toBeUndefined();
    expect(csl.URL).toBe('https://evil.example/paper');
  });

  it('a thousand authors are all kept; more are cut at the cap and the report says so', () => {
    const tags = (n: number) => Array.from({ length: n }, (_, i) => `<meta name="citation_author" content="Family${i}, Given">`).join('\n');
    const thousand = readPageMetadata(`<meta name="citation_title" content="Big collaboration">${tags(1000)}`);
    expect(thousand.paper.authors).toHaveLength(1000);
    expect(thousand.notes).toEqual([]);
    const more = readPageMetadata(`<meta name="citation_title" content="Bigger">${tags(4000)}`);
    expect(more.paper.authors).toHaveLength(MAX_AUTHORS);
    expect(more.notes).toContain(`only the first ${MAX_AUTHORS} authors were kept`);
  });

  it('a 50 MB page is read in one pass: the metadata at its top is found and what is kept stays bounded', () => {
    const head = '<html><head><meta name="citation_title" content="Large page"><meta name="citation_author" content="Big, Page">';
    const filler = '<div class="x"><p>lorem ipsum <b>dolor</b> sit amet</p><meta name="junk" content="y"></div>\n';
    const html = head + filler.repeat(Math.ceil((50 * 1024 * 1024) / filler.length)) + '<meta name="citation_doi" content="10.1234/tail">';
    expect(html.length).toBeGreaterThan(50 * 1024 * 1024);
    const meta = readPageMetadata(html);
    expect(meta.paper.title).toBe('Large page');
    expect(meta.notes.join(' ')).toMatch(/more metadata tags than Folio reads/);
    // The tail sits past the tag cap: bounded means it is not read.
    expect(meta.paper.doi).toBeUndefined();
    expect(SCAN_LIMITS.metas).toBeLessThan(10_000);
  });

  it('an unterminated quote, comment or script ends the scan without throwing', () => {
    for (const html of ['<meta name="citation_title" content="open', '<!-- <meta name="citation_title" content="x">', '<script type="application/ld+json">{"@type":', '<meta']) {
      expect(readPageMetadata(html).isPaper).toBe(false);
    }
  });

  it('a huge meta value is cut to a bounded length', () => {
    const meta = readPageMetadata(`<meta name="citation_title" content="${'A'.repeat(3_000_000)}"><meta name="citation_author" content="X, Y">`);
    expect(meta.paper.title!.length).toBeLessThanOrEqual(20_000);
  });
});
