import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFolio } from '../helpers/folio-cli.ts';

const ESC = '\u001b';
const BEL = '\u0007';
const CSI = '\u009b';
const RLO = '\u202e';
// Every control a hostile title can carry: colour, clear screen, OSC-8 hyperlink, window title, C1 CSI, a carriage return, bidi override.
const HOSTILE = `Red ${ESC}[31mtitle${ESC}[0m ${ESC}[2J ${ESC}]8;;https://evil.example${ESC}\\click${ESC}]8;;${ESC}\\ ${ESC}]0;pwned${BEL} ${CSI}31m c1 \r overwritten ${RLO}txt.exe`;

function controlChars(text: string): string[] {
  return [...text].filter((c) => {
    const code = c.charCodeAt(0);
    return (code < 0x20 && code !== 0x0a && code !== 0x09) || (code >= 0x7f && code <= 0x9f) || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
  });
}

describe('terminal escape codes from titles and keys', () => {
  const lib = mkdtempSync(join(tmpdir(), 'folio-terminal-'));
  const json = join(lib, 'hostile.json');
  writeFileSync(json, JSON.stringify([
    { id: 'hostile', type: 'article', title: HOSTILE },
    { id: 'newline', type: 'article', title: 'Second\nline\tand tab' },
    { id: `bad${ESC}[31mkey`, type: 5, title: 'not a record' },
  ]));
  const imported = runFolio(['import', json, '--library', lib]);

  it('never reach the terminal from import summaries and warnings', () => {
    expect(imported.status, imported.stderr).toBe(2);
    expect(controlChars(imported.stdout + imported.stderr)).toEqual([]);
    expect(imported.stderr).toContain('skipped bad\\x1b[31mkey');
  });

  it('never reach the terminal from `folio list`, and a title cannot fake a line or a column', () => {
    const result = runFolio(['list', '--library', lib]);
    expect(result.status, result.stderr).toBe(0);
    expect(controlChars(result.stdout)).toEqual([]);
    const lines = result.stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line.split('\t')).toHaveLength(3);
    expect(result.stdout).toContain('Second\\x0aline\\x09and tab');
    expect(lines[0]).toContain('Red \\x1b[31mtitle\\x1b[0m');
    expect(lines[0]).toContain('\\x1b]8;;https://evil.example\\x1b\\click');
    expect(lines[0]).toContain('\\x9b31m c1 \\x0d overwritten \\u202etxt.exe');
  });

  it('stay exact in --json output', () => {
    const result = runFolio(['list', '--json', '--library', lib]);
    expect(result.status, result.stderr).toBe(0);
    const items = JSON.parse(result.stdout) as Array<{ title: string }>;
    expect(items[0]?.title).toBe(HOSTILE);
  });
});
