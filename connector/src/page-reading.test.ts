import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { authorLine, isPdfSnapshot, pdfFileName, popupPage, readSnapshot } from './page-reading.ts';

const arxivPage = readFileSync(new URL('../../tests/fixtures/html-meta/arxiv-abs.html', import.meta.url), 'utf8');

describe('what the extension makes of a tab', () => {
  it('reads a paper page: its identifiers, its PDF link and what the popup shows', () => {
    const page = readSnapshot({ url: 'https://arxiv.org/abs/1706.03762', contentType: 'text/html', html: arxivPage });
    expect(page).toMatchObject({ kind: 'paper', arxivId: '1706.03762', pdfUrl: 'https://arxiv.org/pdf/1706.03762' });
    expect(popupPage(page)).toMatchObject({
      kind: 'paper', title: 'Attention Is All You Need', authors: 'Ashish Vaswani, Noam Shazeer, Niki Parmar and 5 more',
      venue: 'arXiv 2017', sources: 'citation_* (7 fields)',
    });
  });

  it('takes a PDF shown by the browser for a PDF to send, looked up by the identifier its address names', () => {
    const shown = { url: 'https://arxiv.org/pdf/2305.18290v3', contentType: 'application/pdf', html: '' };
    expect(isPdfSnapshot(shown)).toBe(true);
    expect(readSnapshot(shown)).toMatchObject({ kind: 'pdf', arxivId: '2305.18290', pdfUrl: shown.url });
    expect(popupPage(readSnapshot(shown))).toMatchObject({ title: '2305.18290v3.pdf', sources: 'PDF' });
    const plain = readSnapshot({ url: 'https://example.org/papers/x.pdf', contentType: 'application/pdf', html: '' });
    expect(plain).toMatchObject({ kind: 'pdf', doi: null, arxivId: null });
    // A page whose address ends in .pdf but which has metadata is a page.
    expect(isPdfSnapshot({ url: 'https://example.org/a.pdf', contentType: 'text/html', html: arxivPage })).toBe(false);
    expect(readSnapshot({ url: 'https://shop.example/', contentType: 'text/html', html: '<title>Shoes</title>' }).kind).toBe('other');
  });

  it('names the PDF file safely, from any address', () => {
    expect(pdfFileName('https://arxiv.org/pdf/1706.03762')).toBe('1706.03762.pdf');
    expect(pdfFileName('https://x.example/files/My%20Paper.PDF')).toBe('My Paper.pdf');
    expect(pdfFileName('https://x.example/../%2e%2e%2fetc%2fpasswd')).toBe('.._etc_passwd.pdf');
    expect(pdfFileName('https://x.example/')).toBe('paper.pdf');
    expect(authorLine([{ family: 'Curie', given: 'Marie' }, { literal: 'The ATLAS Collaboration' }])).toBe('Marie Curie, The ATLAS Collaboration');
  });
});
