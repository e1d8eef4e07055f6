import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireTool } from '../tools/tex-tools.ts';

/** Sentences the reader tests look for, each on a line of its own on a known page. */
export const PAPER = {
  title: 'Reading Inside Folio: A Test Paper',
  /** On page 3 (1-based). */
  findPhrase: 'symplectic integrators preserve phase volume',
  /** On page 3, the sentence the test highlights. */
  sentence: 'Highlighted sentences come back after a restart.',
  /** In the reference list on page 4, cited from page 1. */
  referenceDoi: '10.1145/361604.361612',
  referenceAuthor: 'Donald E. Knuth',
} as const;

const SOURCE = String.raw`\documentclass[11pt]{article}
\usepackage[hidelinks,pdftitle={${PAPER.title}},pdfauthor={Ada Tester}]{hyperref}
\begin{document}
\title{${PAPER.title}}
\author{Ada Tester}
\date{}
\maketitle
\section{Introduction}\label{sec:intro}
Reference managers should let researchers read where they file. As shown by Knuth~\cite{knuth1974} and in Section~\ref{sec:method}, structured programming helps.

The first page links to the reference list and to later sections.
\newpage
\section{Background}\label{sec:background}
Page two holds background material about annotations and anchors.

Annotations are anchored by quote plus position.
\newpage
\section{Method}\label{sec:method}
Numerical methods: ${PAPER.findPhrase} over long runs.

${PAPER.sentence}

Back to the introduction: Section~\ref{sec:intro}.
\newpage
\begin{thebibliography}{9}
\bibitem{knuth1974} ${PAPER.referenceAuthor}. Structured programming with go to statements. ACM Computing Surveys 6(4), 1974. doi:${PAPER.referenceDoi}
\end{thebibliography}
\end{document}
`;

/** A four-page paper typeset by pdflatex with hyperref links (citations, section references). */
export function latexPaper(): Uint8Array {
  requireTool('pdflatex');
  const dir = mkdtempSync(join(tmpdir(), 'folio-latex-'));
  try {
    writeFileSync(join(dir, 'paper.tex'), SOURCE);
    // Twice: the second run resolves the references.
    for (let i = 0; i < 2; i++) execFileSync('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', 'paper.tex'], { cwd: dir, stdio: 'pipe' });
    return new Uint8Array(readFileSync(join(dir, 'paper.pdf')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
