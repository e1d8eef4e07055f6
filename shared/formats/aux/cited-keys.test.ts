import { describe, expect, it } from 'vitest';
import { citedKeys } from './cited-keys.ts';

describe('citedKeys', () => {
  it('reads bibtex .aux citations in order, deduplicated', () => {
    const aux = '\\relax\n\\citation{vaswani2017attention}\n\\citation{he2016deep,vaswani2017attention}\n\\bibdata{refs}\n\\citation{Custom:Key/1}';
    expect(citedKeys(aux, 'paper.aux')).toEqual({ keys: ['vaswani2017attention', 'he2016deep', 'Custom:Key/1'], all: false });
  });

  it('reads biber/biblatex .aux citations', () => {
    const aux = '\\abx@aux@refcontext{nty/global//global/global}\n\\abx@aux@cite{0}{knuth:ct:a}\n\\abx@aux@segm{0}{0}{knuth:ct:a}\n\\abx@aux@cite{0}{sigfridsson}';
    expect(citedKeys(aux, 'paper.aux').keys).toEqual(['knuth:ct:a', 'sigfridsson']);
  });

  it('notices \\nocite{*}', () => {
    expect(citedKeys('\\citation{*}', 'x.aux')).toEqual({ keys: [], all: true });
  });

  it('reads cite commands from .tex, with stars, notes and comments', () => {
    const tex = 'As shown \\citep[see][p.~3]{a2020, b2021} and \\textcite{c}. \\autocite*{d}\n% \\cite{commented}\n50\\% \\nocite{e}';
    expect(citedKeys(tex, 'paper.tex').keys).toEqual(['a2020', 'b2021', 'c', 'd', 'e']);
  });
});
