import { renderMarkdown } from '../notes/markdown.ts';
import { sanitizeHtml } from '../../html/sanitize.ts';
import 'katex/dist/katex.min.css';

const MAX_CACHED = 500;
const cache = new Map<string, string>();

/**
 * An annotation's comment as the notes render it (markdown-it with math, then DOMPurify), kept by its text:
 * the sidebar draws the same rows again on every filter keystroke and scroll.
 */
export function commentHtml(markdown: string): string {
  const hit = cache.get(markdown);
  if (hit !== undefined) return hit;
  const html = sanitizeHtml(renderMarkdown(markdown));
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value ?? '');
  cache.set(markdown, html);
  return html;
}
