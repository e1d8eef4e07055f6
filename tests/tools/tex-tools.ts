import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ParsedBibEntry } from '../../shared/formats/bibtex/index.ts';
import type { Item } from '../../shared/model/index.ts';
import { asItemId } from '../../shared/model/index.ts';

/**
 * Running the real TeX tools for the round-trip checks. A missing tool is a
 * failure that names the Debian package to install, never a skip.
 */

const PACKAGES: Readonly<Record<string, string>> = {
  pdflatex: 'texlive-latex-base',
  xelatex: 'texlive-xetex',
  bibtex: 'texlive-binaries',
  biber: 'biber',
  kpsewhich: 'texlive-binaries',
  'fc-list': 'fontconfig',
};

export function requireTool(tool: string): void {
  const found = spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' });
  if (found.status !== 0) {
    throw new Error(`${tool} is not installed: run \`apt-get install ${PACKAGES[tool] ?? tool}\``);
  }
}

/** A TeX input file found by kpsewhich, or a failure naming the package that ships it. */
export function requireTexFile(file: string, aptPackage: string): string {
  const found = spawnSync('kpsewhich', [file], { encoding: 'utf8' });
  const path = found.stdout.trim();
  if (found.status !== 0 || path === '') throw new Error(`${file} is not installed: run \`apt-get install ${aptPackage}\``);
  return path;
}

/** A font family that has every one of these characters, or a failure naming the font package. */
export function requireFontFor(chars: string, aptPackage: string): string {
  const codepoints = [...chars].map((ch) => (ch.codePointAt(0) ?? 0).toString(16)).join(' ');
  const out = execFileSync('fc-list', [`:charset=${codepoints}`, 'family'], { encoding: 'utf8' });
  const families = out.split('\n').flatMap((line) => line.split(',')).map((f) => f.trim()).filter((f) => f !== '');
  const serif = families.filter((f) => /serif/i.test(f) && !/mono/i.test(f)).sort((a, b) => a.length - b.length)[0] ?? families[0];
  if (!serif) throw new Error(`no installed font has all of "${chars}": run \`apt-get install ${aptPackage}\``);
  return serif;
}

export function makeWorkDir(): string {
  return mkdtempSync(join(tmpdir(), 'folio-bibtex-'));
}

export function removeWorkDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export interface ToolRun {
  status: number | null;
  output: string;
}

export function run(dir: string, tool: string, args: string[], timeoutMs = 60_000): ToolRun {
  const r = spawnSync(tool, args, { cwd: dir, encoding: 'utf8', timeout: timeoutMs, env: { ...process.env, max_print_line: '1000' } });
  if (r.error) throw new Error(`${tool} ${args.join(' ')} failed to run: ${r.error.message}`);
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

export function latex(dir: string, engine: 'pdflatex' | 'xelatex', job: string): ToolRun {
  return run(dir, engine, ['-interaction=nonstopmode', '-halt-on-error', `${job}.tex`]);
}

export function readIn(dir: string, file: string): string {
  return readFileSync(join(dir, file), 'utf8');
}

export function writeIn(dir: string, file: string, text: string): void {
  writeFileSync(join(dir, file), text);
}

/** TeX errors in a .log: lines starting with "!" and the line after each. */
export function latexErrors(log: string): string[] {
  const lines = log.split('\n');
  return lines.flatMap((line, i) => (line.startsWith('!') ? [`${line} ${lines[i + 1] ?? ''}`] : []));
}

/**
 * bibtex's error messages in a .blg: each ends in "---line N of file" (three
 * dashes; warnings have two), and bibtex sums them up as "(There were N
 * error messages)".
 */
export function bibtexErrors(blg: string): string[] {
  const located = blg.split('\n').filter((line) => /---line \d+ of file|Repeated entry|I was expecting|---this can't happen/.test(line));
  const summary = /\(There (?:was|were) (?:\d+|one) error messages?\)/.exec(blg);
  return summary ? [...located, summary[0]] : located;
}

/** biber's ERROR lines. Its WARNs judge the data (a month like `feb # "~1"`), not the syntax. */
export function biberErrors(blg: string): string[] {
  return blg.split('\n').filter((line) => /> ERROR - /.test(line));
}

/** Keys of the entries in a biblatex .bbl (`\entry{key}{type}{}`). */
export function bblEntryKeys(bbl: string): Set<string> {
  return new Set([...bbl.matchAll(/\\entry\{([^}]*)\}\{/g)].map((m) => m[1] ?? ''));
}

/** Keys of the entries in a bibtex .bbl (`\bibitem{key}` / `\bibitem[label]{key}`). */
export function bibitemKeys(bbl: string): string[] {
  return [...bbl.matchAll(/\\bibitem(?:\[[^\]]*\])?\{([^}]*)\}/g)].map((m) => m[1] ?? '');
}

/** Library items as the import service would make them: the key as imported, nothing edited. */
export function itemsFrom(entries: ParsedBibEntry[]): Item[] {
  return entries.map((e, i) => makeItem(`i${i}`, e.source.key, e.csl, e.source));
}

export function makeItem(id: string, key: string, csl: Item['csl'], source?: Item['source']): Item {
  const item: Item = {
    id: asItemId(id),
    citationKey: key,
    keyPinned: false,
    csl,
    tags: [],
    collections: [],
    read: 'unread',
    rating: 0,
    flagged: false,
    addedAt: '2025-01-01T00:00:00.000Z',
    modifiedAt: '2025-01-01T00:00:00.000Z',
    trashedAt: null,
    attachments: [],
    note: null,
    annotations: [],
  };
  if (source) item.source = source;
  return item;
}
