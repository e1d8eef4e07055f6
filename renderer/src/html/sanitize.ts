import DOMPurify from 'dompurify';
import { allowedExternalUrl } from '../platform/index.ts';
import { readerLinkTarget } from './reader-links.ts';

// Links survive only if the external-link allowlist would open them, or they lead into the reader (folio://open/…).
DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A') {
    const href = node.getAttribute('href');
    if (href === null || (allowedExternalUrl(href) === null && readerLinkTarget(href) === null)) node.removeAttribute('href');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});

/** The one gate between rendered Markdown and the DOM. */
export function sanitizeHtml(html: string): string {
  return DOMPurify.sanitize(html, {
    USE_PROFILES: { html: true, mathMl: true, svg: true },
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'iframe'],
    FORBID_ATTR: ['target'],
    // DOMPurify's default URI list without ftp and the like, plus folio: for links into the reader; the hook
    // above then keeps only what the allowlist or the reader-link parser accepts.
    ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto|folio|doi):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
  });
}
