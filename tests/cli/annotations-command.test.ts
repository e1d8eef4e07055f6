import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { highlightDraft } from '../helpers/annotation-drafts.ts';
import { runFolio } from '../helpers/folio-cli.ts';
import { annotateInLibrary } from '../helpers/library-annotations.ts';
import { doiPaper } from '../helpers/pdf-fixtures.ts';

let library: string;
let work: string;
let key: string;

interface Listed {
  id: string; type: string; color: string; page: number; pageLabel: string; text: string; comment: string; tags: string[];
  attachment: string; orphaned: boolean;
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'folio-annotations-cli-'));
  library = join(work, 'library');
  const pdf = join(work, 'he.pdf');
  writeFileSync(pdf, await doiPaper());
  const imported = runFolio(['import', pdf, '--library', library]);
  expect(imported.status, imported.stderr).toBe(0);
  key = (JSON.parse(runFolio(['list', '--library', library, '--json']).stdout) as Array<{ 'citation-key': string }>)[0]!['citation-key'];
  await annotateInLibrary(library, key, (item) => {
    const att = item.attachments[0]!.id;
    return [
      highlightDraft(att, { pageIndex: 0, pageLabel: '1', comment: 'Shortcut: $y = F(x) + x$\n\nSecond paragraph', tags: ['resnet', 'to read'] }),
      highlightDraft(att, { type: 'underline', color: 'red', pageIndex: 1, pageLabel: 'ii', text: 'Evil \u001b]8;;http://x\u0007link\u001b]8;;\u0007 and \u001b[31mred', comment: 'tab\there\nnewline' }),
      highlightDraft(att, { type: 'note', color: 'blue', pageIndex: 0, rect: [500, 700, 520, 720], quads: [], text: '', prefix: '', suffix: '', textOffset: -1, comment: 'A sticky note' }),
    ];
  });
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('folio annotations list', () => {
  it('gives JSON with id, type, colour, 1-based page, label, quote, comment and tags, in page order', () => {
    const r = runFolio(['annotations', 'list', '--library', library, '--key', key, '--json']);
    expect(r.status, r.stderr).toBe(0);
    const listed = JSON.parse(r.stdout) as Listed[];
    expect(listed.map((a) => [a.type, a.color, a.page, a.pageLabel])).toEqual([['note', 'blue', 1, '1'], ['highlight', 'yellow', 1, '1'], ['underline', 'red', 2, 'ii']]);
    expect(listed[1]).toMatchObject({ text: 'Deep Residual Learning for Image Recognition', comment: 'Shortcut: $y = F(x) + x$\n\nSecond paragraph', tags: ['resnet', 'to read'], attachment: 'he.pdf', orphaned: false });
    expect(listed[1]!.id).toMatch(/^ann_/);
    // Machine output is exact: the hostile text is there as data, escaped only by JSON.
    expect(listed[2]!.text).toBe('Evil \u001b]8;;http://x\u0007link\u001b]8;;\u0007 and \u001b[31mred');
  });

  it('prints one terminal-safe line per annotation: page, type, colour, quote, comment', () => {
    const r = runFolio(['annotations', 'list', '--library', library, '--key', key]);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe('p. 1\tnote\tblue\t-\tA sticky note');
    expect(lines[1]).toBe('p. 1\thighlight\tyellow\t“Deep Residual Learning for Image Recognition”\tShortcut: $y = F(x) + x$ Second paragraph');
    expect(lines[2]).toBe('p. ii (2)\tunderline\tred\t“Evil \\x1b]8;;http://x\\x07link\\x1b]8;;\\x07 and \\x1b[31mred”\ttab here newline');
    expect(r.stdout).not.toContain('\u001b');
    expect(r.stderr).toContain(`3 annotations on ${key}`);
  });

  it('fails with a sentence for an unknown key or a missing --key', () => {
    const unknown = runFolio(['annotations', 'list', '--library', library, '--key', 'nobody2020']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('No item with the key nobody2020');
    const missing = runFolio(['annotations', 'list', '--library', library]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('--key KEY is required');
    expect(runFolio(['annotations', 'frobnicate', '--library', library]).stderr).toContain('usage: folio annotations');
  });
});

describe('folio annotations export', () => {
  it('writes Markdown by default: the citation key heading, then each quote, page, comment and tags', () => {
    const r = runFolio(['annotations', 'export', '--library', library, '--key', key]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(`# @${key}`);
    expect(r.stdout).toContain('> “Deep Residual Learning for Image Recognition” (p. 1)\n>\n> Shortcut: $y = F(x) + x$\n>\n> Second paragraph\n>\n> #resnet #to-read\n');
    expect(r.stdout).toContain('> *Note* (p. 1)\n>\n> A sticky note');
  });

  it('writes JSON or Markdown to a file with -o, atomically, and says so', () => {
    const md = join(work, 'out', 'notes.md');
    const json = join(work, 'annotations.json');
    expect(runFolio(['annotations', 'export', '--library', library, '--key', key, '-o', md]).status).toBe(1);
    const r = runFolio(['annotations', 'export', '--library', library, '--key', key, '--format', 'json', '-o', json]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`Exported 3 annotations of ${key} to ${json}`);
    expect((JSON.parse(readFileSync(json, 'utf8')) as Listed[]).map((a) => a.type)).toEqual(['note', 'highlight', 'underline']);
    expect(readdirSync(work).filter((n) => n.includes('.tmp'))).toEqual([]);
  });

  it('refuses an unknown format', () => {
    const r = runFolio(['annotations', 'export', '--library', library, '--key', key, '--format', 'docx']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('--format must be one of markdown, json');
  });
});
