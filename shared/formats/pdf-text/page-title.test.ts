import { describe, expect, it } from 'vitest';
import { titleAndAuthorsFromPage, type PageTextItem } from './page-title.ts';

/** A line of text at height `y` in type of `size` points, as pdf.js reports it. */
const line = (str: string, y: number, size: number, x = 72): PageTextItem => ({ str, transform: [size, 0, 0, size, x, y] });

describe('titleAndAuthorsFromPage', () => {
  it('takes a one-word title in the largest type, and never a byline joined to a date (pdflatex \\maketitle)', () => {
    const page = [line('Landscapes', 700, 17.2), line('A. Author', 670, 12), line('December 2, 2026', 650, 12), line('Body text of the paper goes here.', 600, 10)];
    expect(titleAndAuthorsFromPage(page)).toEqual({ title: 'Landscapes', authors: ['A. Author'] });
  });

  it('reads a two-line title as one and the names below it as the authors', () => {
    const page = [
      line('Sharp Minima Can Generalize', 700, 17.2),
      line('For Deep Nets', 680, 17.2),
      line('Laurent Dinh, Razvan Pascanu', 650, 12),
      line('1 Introduction', 600, 12),
    ];
    expect(titleAndAuthorsFromPage(page)).toEqual({ title: 'Sharp Minima Can Generalize For Deep Nets', authors: ['Laurent Dinh', 'Razvan Pascanu'] });
  });

  it('never joins lines of the same size from two places on the page', () => {
    const page = [line('Attention Is All You Need', 700, 14), line('Ashish Vaswani', 680, 10), line('Abstract', 640, 14)];
    expect(titleAndAuthorsFromPage(page).title).toBe('Attention Is All You Need');
  });

  it('gives no title when the largest text is only a byline, a date or a heading in capitals', () => {
    expect(titleAndAuthorsFromPage([line('ARTICLE', 760, 20), line('A. Author', 700, 12), line('December 2026', 680, 12)]).title).toBeUndefined();
    expect(titleAndAuthorsFromPage([line('2026-12-02', 700, 14), line('someone@example.org', 680, 14)]).title).toBeUndefined();
  });

  it('ignores rotated text such as the arXiv stamp in the margin', () => {
    const stamp: PageTextItem = { str: 'arXiv:2305.18290v3 [cs.LG] 29 Jul 2024', transform: [0, 20, -20, 0, 30, 300] };
    expect(titleAndAuthorsFromPage([stamp, line('Direct Preference Optimization', 700, 17)]).title).toBe('Direct Preference Optimization');
  });
});
