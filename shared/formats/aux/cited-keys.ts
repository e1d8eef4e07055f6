/**
 * Keys cited by a LaTeX document, from its .aux (bibtex: \citation{a,b};
 * biber/biblatex: \abx@aux@cite{0}{a}) or from the .tex source itself
 * (\cite, \citep, \autocite, \parencite, \textcite, \nocite, ... with optional
 * star and [pre][post] notes). Order of first appearance; `*` (nocite all) is reported separately.
 */
export interface CitedKeys {
  keys: string[];
  /** \nocite{*} or \citation{*}: the whole library was asked for. */
  all: boolean;
}

const AUX_CITATION = /\\citation\{([^}]*)\}/g;
const BIBER_CITE = /\\abx@aux@cite\{[^}]*\}\{([^}]*)\}/g;
const TEX_CITE = /\\[A-Za-z]*cite[A-Za-z]*\*?(?:\s*\[[^\]]*\]){0,2}\s*\{([^}]*)\}/g;

function collect(text: string, patterns: RegExp[]): CitedKeys {
  const seen = new Set<string>();
  let all = false;
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern)) {
      for (const raw of (match[1] ?? '').split(',')) {
        const key = raw.trim();
        if (!key) continue;
        if (key === '*') all = true;
        else seen.add(key);
      }
    }
  }
  return { keys: [...seen], all };
}

function stripTexComments(text: string): string {
  return text.replace(/(^|[^\\])%.*$/gm, '$1');
}

export function citedKeys(text: string, fileName: string): CitedKeys {
  if (/\.tex$/i.test(fileName)) return collect(stripTexComments(text), [TEX_CITE]);
  return collect(text, [AUX_CITATION, BIBER_CITE]);
}
