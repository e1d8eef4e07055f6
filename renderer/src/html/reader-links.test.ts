import { describe, expect, it } from 'vitest';
import { readerLinkTarget } from './reader-links.ts';

describe('links from a note into the reader', () => {
  it('reads the item, attachment, page and annotation', () => {
    expect(readerLinkTarget('folio://open/it_abc?attachment=at_1&page=3&annotation=ann_x')).toEqual({
      itemId: 'it_abc', attachmentId: 'at_1', pageIndex: 2, annotationId: 'ann_x',
    });
    expect(readerLinkTarget('folio://open/it_abc')).toEqual({ itemId: 'it_abc', attachmentId: null, pageIndex: null, annotationId: null });
  });
  it('refuses anything else', () => {
    for (const bad of [
      'https://example.org', 'folio://app/index.html', 'folio://open/', 'folio://open/it_a/../x', 'folio://open/it_a?page=0',
      'folio://open/it_a?page=2.5', 'folio://open/<script>', 'folio://open/it_a?annotation=%3Cb%3E', 'javascript:alert(1)',
    ]) expect(readerLinkTarget(bad), bad).toBeNull();
  });
});
