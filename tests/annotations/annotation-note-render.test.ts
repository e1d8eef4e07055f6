import { describe, expect, it } from 'vitest';
import { annotationsExportMarkdown, annotationsNoteMarkdown, appendToNoteMarkdown } from '../../shared/annotations/annotation-markdown.ts';
import type { Annotation } from '../../shared/model/annotation.ts';
import type { AttachmentId, ItemId } from '../../shared/model/ids.ts';
import { renderMarkdown } from '../../renderer/src/features/notes/markdown.ts';

/** The note blocks through the note pane's own Markdown renderer: each annotation is exactly one blockquote. */

const base: Annotation = {
  id: 'ann_1', attachmentId: 'att_1' as AttachmentId, type: 'highlight', color: 'yellow', pageIndex: 0, pageLabel: '1',
  quads: [], rect: [0, 0, 1, 1], text: '', prefix: '', suffix: '', textOffset: -1, comment: '', tags: [],
  createdAt: '2026-01-01T00:00:00.000Z', modifiedAt: '2026-01-01T00:00:00.000Z',
};

const hostile: Annotation[] = [
  { ...base, id: 'ann_1', text: '<script>alert(1)</script> *x* $a$ [y](javascript:z)', comment: '```\nan open fence' },
  { ...base, id: 'ann_2', text: 'second quote', comment: '<!-- an open comment\n> nested\n\n$$\n\\frac{a}{b}\n$$' },
  { ...base, id: 'ann_3', text: 'third quote', comment: '# heading\n\n- list\n\n---' },
];

function topLevelTags(html: string): string[] {
  const tags: string[] = [];
  let depth = 0;
  for (const m of html.matchAll(/<(\/?)(blockquote|p|pre|h\d|ul|hr)\b[^>]*>/g)) {
    const closing = m[1] === '/';
    const tag = m[2]!;
    if (tag === 'hr') { if (depth === 0) tags.push(tag); continue; }
    if (!closing && depth === 0) tags.push(tag);
    if (tag === 'blockquote') depth += closing ? -1 : 1;
  }
  return tags;
}

describe('annotation blocks rendered as the note pane renders them', () => {
  it('give one top-level blockquote per annotation, whatever the comments hold, after the note\'s own text', () => {
    const note = appendToNoteMarkdown('My own paragraph', annotationsNoteMarkdown('it_1' as ItemId, hostile));
    const html = renderMarkdown(note);
    expect(topLevelTags(html)).toEqual(['p', 'blockquote', 'blockquote', 'blockquote']);
    expect(html).not.toMatch(/<script|<a href="javascript/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; *x* $a$ [y](javascript:z)');
    expect(html).toContain('class="katex');
  });

  it('give the export the same shape, after the heading', () => {
    const html = renderMarkdown(annotationsExportMarkdown({ citationKey: 'k', title: 'T', authors: '', year: null }, hostile));
    expect(topLevelTags(html)).toEqual(['h1', 'p', 'blockquote', 'blockquote', 'blockquote']);
  });
});
