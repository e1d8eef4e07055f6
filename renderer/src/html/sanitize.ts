import DOMPurify from 'dompurify';
import { allowedExternalUrl } from '../platform/index.ts';

// Links survive only if the external-link allowlist would open them.
DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A') {
    const href = node.getAttribute('href');
    if (href === null || allowedExternalUrl(href) === null) node.removeAttribute('href');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});

/** The one gate between rendered Markdown and the DOM. */
export function sanitizeHtml(html: string): string {
  return DOMPurify.sanitize(html, {
    USE_PROFILES: { html: true, mathMl: true, svg: true },
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'iframe'],
    FORBID_ATTR: ['target'],
  });
}
