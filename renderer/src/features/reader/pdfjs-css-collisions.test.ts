import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * pdf.js's viewer stylesheet is global: once the reader's code loads (at the first open, or when it is prewarmed),
 * its top-level rules apply to the whole window. Its `.sidebar` rule (a fixed 239 px width, a border, padding) once
 * matched the library's navigation and pushed it under the pane splitter. A class the window uses must never be one
 * pdf.js styles at the top level.
 */
const require = createRequire(import.meta.url);
const RENDERER = join(import.meta.dirname, '../..');

/** The first class of every selector in a rule at nesting depth 0 (nested rules only apply inside pdf.js's own). */
function topLevelClasses(css: string): Set<string> {
  const out = new Set<string>();
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  let depth = 0;
  let prelude = '';
  for (const ch of text) {
    if (ch === '{') {
      if (depth === 0 && !prelude.trim().startsWith('@')) {
        for (const selector of prelude.split(',')) {
          const first = /^\s*(?:[a-z]+)?\.([A-Za-z][\w-]*)/.exec(selector);
          if (first?.[1]) out.add(first[1]);
        }
      }
      depth += 1;
      prelude = '';
    } else if (ch === '}') {
      depth = Math.max(0, depth - 1);
      prelude = '';
    } else if (ch === ';' && depth === 0) prelude = '';
    else prelude += ch;
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(tsx|css)$/.test(name) && !name.includes('.test.') ? [path] : [];
  });
}

/** Classes the window's own markup and stylesheets name. */
function ownClasses(): Set<string> {
  const out = new Set<string>();
  for (const file of sourceFiles(RENDERER)) {
    const text = readFileSync(file, 'utf8');
    if (file.endsWith('.css')) for (const m of text.matchAll(/(?:^|[\s,>+~(])\.([A-Za-z][\w-]*)/g)) out.add(m[1] ?? '');
    else for (const m of text.matchAll(/className=(?:"([^"]*)"|\{([^}]*)\})/g)) {
      for (const word of (m[1] ?? m[2] ?? '').match(/[A-Za-z][\w-]*/g) ?? []) out.add(word);
    }
  }
  return out;
}

describe("pdf.js's global stylesheet", () => {
  const pdfjsCss = readFileSync(require.resolve('pdfjs-dist/web/pdf_viewer.css'), 'utf8');

  it('finds the top-level rules it checks against', () => {
    const theirs = topLevelClasses(pdfjsCss);
    expect(theirs.has('pdfViewer')).toBe(true);
    expect(theirs.has('sidebar')).toBe(true);
    expect(theirs.has('textLayer')).toBe(true);
  });

  it('styles no class the window uses outside the reader', () => {
    const ours = ownClasses();
    // The reader hosts pdf.js's viewer and names these on purpose, for pdf.js's rules to apply.
    const shared = new Set(['pdfViewer', 'page', 'textLayer', 'annotationLayer', 'canvasWrapper']);
    const clashes = [...topLevelClasses(pdfjsCss)].filter((c) => ours.has(c) && !shared.has(c));
    expect(clashes).toEqual([]);
  });
});
