import { describe, expect, it } from 'vitest';
import type { Annotation } from '../model/annotation.ts';
import type { AttachmentId, ItemId } from '../model/ids.ts';
import {
  annotationLink,
  annotationNoteBlock,
  annotationsExportMarkdown,
  annotationsNoteMarkdown,
  appendToNoteMarkdown,
  escapeMarkdownText,
  markdownTag,
} from './annotation-markdown.ts';

const ITEM = 'it_vaswani' as ItemId;

function annotation(over: Partial<Annotation> = {}): Annotation {
  return {
    id: 'ann_1',
    attachmentId: 'att_pdf' as AttachmentId,
    type: 'highlight',
    color: 'yellow',
    pageIndex: 2,
    pageLabel: '3',
    quads: [[72, 700, 300, 700, 72, 688, 300, 688]],
    rect: [72, 688, 300, 700],
    text: 'The dominant sequence transduction models are based on complex recurrent networks.',
    prefix: '',
    suffix: '',
    textOffset: 0,
    comment: '',
    tags: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    modifiedAt: '2026-01-01T00:00:00.000Z',
    ...over,
  };
}

/** Every line of a block is part of the blockquote; blocks are separated by exactly one blank line. */
function expectOneBlockquote(block: string): void {
  for (const line of block.split('\n')) expect(line === '>' || line.startsWith('> ')).toBe(true);
}

describe('annotation links', () => {
  it('open the reader at the attachment, 1-based page and annotation', () => {
    expect(annotationLink(ITEM, annotation())).toBe('folio://open/it_vaswani?attachment=att_pdf&page=3&annotation=ann_1');
  });

  it('encode ids so that a strange id cannot add query parameters', () => {
    const link = annotationLink('it_a&b' as ItemId, annotation({ id: 'ann x&page=9' }));
    expect(link).toBe('folio://open/it_a%26b?attachment=att_pdf&page=3&annotation=ann%20x%26page%3D9');
  });
});

describe('note blocks', () => {
  it('quote the text with the page label as a link, then the comment', () => {
    const block = annotationNoteBlock(ITEM, annotation({ pageLabel: 'iv', comment: 'Compare with $O(n^2)$ attention.' }));
    expect(block).toBe(
      '> “The dominant sequence transduction models are based on complex recurrent networks.” ' +
        '([p. iv](folio://open/it_vaswani?attachment=att_pdf&page=3&annotation=ann_1))\n>\n> Compare with $O(n^2)$ attention.',
    );
  });

  it('keep a multi-line comment with math, quotes, fences and HTML as written, inside the block', () => {
    const comment = 'First line\r\n\r\n> a nested quote\n```ts\nconst x = `y`;\n\n```\n$$\n\\sum_i x_i\n$$\n<script>alert(1)</script>\n\n\n';
    const block = annotationNoteBlock(ITEM, annotation({ comment }));
    expectOneBlockquote(block);
    const lines = block.split('\n');
    expect(lines.slice(2)).toEqual([
      '> First line',
      '>',
      '> > a nested quote',
      '> ```ts',
      '> const x = `y`;',
      '>',
      '> ```',
      '> $$',
      '> \\sum_i x_i',
      '> $$',
      '> <script>alert(1)</script>',
    ]);
  });

  it('escape the quoted PDF text so that it stays text', () => {
    const text = '*not bold* [link](javascript:alert(1)) <img src=x onerror=alert(1)> $5 & $6 `code` a_b\n\n# not a heading';
    const block = annotationNoteBlock(ITEM, annotation({ text }));
    expectOneBlockquote(block);
    expect(block.split('\n')).toHaveLength(1);
    expect(block).toContain('\\*not bold\\* \\[link\\](javascript:alert(1)) \\<img src=x onerror=alert(1)\\> \\$5 \\& \\$6 \\`code\\` a\\_b # not a heading');
  });

  it('name the kind of mark when there is no quoted text', () => {
    expect(annotationNoteBlock(ITEM, annotation({ type: 'note', text: '', comment: 'Check the proof.' }))).toMatch(/^> \*Note\* \(\[p\. 3\]/);
    expect(annotationNoteBlock(ITEM, annotation({ type: 'area', text: '   ' }))).toMatch(/^> \*Area\* \(\[p\. 3\]/);
  });

  it('fall back to the page number when the label is empty, and escape a hostile label', () => {
    expect(annotationNoteBlock(ITEM, annotation({ pageLabel: '' }))).toContain('[p. 3](');
    expect(annotationNoteBlock(ITEM, annotation({ pageLabel: '](javascript:x)' }))).toContain('[p. \\](javascript:x)](folio://');
  });

  it('separate several annotations by a blank line, so that each stays its own blockquote', () => {
    const md = annotationsNoteMarkdown(ITEM, [annotation({ comment: 'one\n```' }), annotation({ id: 'ann_2', comment: 'two' })]);
    const blocks = md.split('\n\n');
    expect(blocks).toHaveLength(2);
    blocks.forEach(expectOneBlockquote);
  });
});

describe('appending to a note', () => {
  it('adds after the existing text with one blank line, and ends with a newline', () => {
    expect(appendToNoteMarkdown('', '> a')).toBe('> a\n');
    expect(appendToNoteMarkdown('My note\n\n\n', '> a')).toBe('My note\n\n> a\n');
    expect(appendToNoteMarkdown('My note', '')).toBe('My note');
  });

  it('never lets the block join an open paragraph or list of the note', () => {
    const note = appendToNoteMarkdown('- a list item', annotationNoteBlock(ITEM, annotation()));
    expect(note.split('\n')[1]).toBe('');
  });
});

describe('Markdown export', () => {
  const header = { citationKey: 'vaswani2017attention', title: 'Attention Is All You Need', authors: 'Vaswani, Shazeer, Parmar et al.', year: 2017 };

  it('heads with the citation key, names the work, then gives each quote, page, comment and tags', () => {
    const md = annotationsExportMarkdown(header, [
      annotation({ comment: 'Key claim.', tags: ['transformers', 'to read', '#ml'] }),
      annotation({ id: 'ann_2', type: 'area', text: '', pageIndex: 4, pageLabel: '5', comment: 'Figure 1: $\\text{softmax}(QK^T)$' }),
    ]);
    expect(md).toBe(
      [
        '# @vaswani2017attention',
        '',
        '*Attention Is All You Need* (Vaswani, Shazeer, Parmar et al., 2017)',
        '',
        '> “The dominant sequence transduction models are based on complex recurrent networks.” (p. 3)',
        '>',
        '> Key claim.',
        '>',
        '> #transformers #to-read #ml',
        '',
        '> *Area* (p. 5)',
        '>',
        '> Figure 1: $\\text{softmax}(QK^T)$',
        '',
      ].join('\n'),
    );
  });

  it('says when there is nothing, and escapes an odd key and title', () => {
    const md = annotationsExportMarkdown({ citationKey: 'a<b>', title: '', authors: '', year: null }, []);
    expect(md).toBe('# @a\\<b\\>\n\n*No annotations.*\n');
    expect(annotationsExportMarkdown({ ...header, title: '*x* <i>' }, [])).toContain('*\\*x\\* \\<i\\>* (');
  });

  it('makes tags Obsidian and Logseq can read, dropping empty ones', () => {
    expect(markdownTag('machine learning')).toBe('#machine-learning');
    expect(markdownTag('Évaluation/2024')).toBe('#Évaluation/2024');
    expect(markdownTag('  ## ')).toBe('');
    expect(annotationsExportMarkdown(header, [annotation({ tags: ['!!!'] })])).not.toContain('#!');
  });
});

describe('escaping text', () => {
  it('escapes what starts a heading, list or numbered list at the start', () => {
    expect(escapeMarkdownText('# x')).toBe('\\# x');
    expect(escapeMarkdownText('- x')).toBe('\\- x');
    expect(escapeMarkdownText('12. x')).toBe('12\\. x');
    expect(escapeMarkdownText('a\u0000b\u0007c')).toBe('abc');
  });
});
