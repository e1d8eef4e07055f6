import MarkdownIt from 'markdown-it';
import { mathPlugin } from './markdown-math.ts';

/**
 * Markdown for notes. Raw HTML is off (notes are untrusted: an imported
 * abstract or a pasted snippet must not become markup); the result still goes
 * through DOMPurify before it reaches the page.
 */
// maxNesting bounds block and inline nesting (`>>>>`, nested lists and emphasis) so parsing cannot recurse deeply.
const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: true, maxNesting: 50 });
md.use(mathPlugin);

export function renderMarkdown(source: string): string {
  return md.render(source);
}
