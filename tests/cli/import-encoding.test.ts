import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFolio } from '../helpers/folio-cli.ts';

const enc = (s: string): number[] => [...Buffer.from(s, 'utf8')];

describe('importing a .bib whose encoding is not clean, through the real CLI', () => {
  it('reads UTF-8 with one bad byte as UTF-8, reports the byte with its line, and keeps "Müller" right', () => {
    const lib = mkdtempSync(join(tmpdir(), 'folio-encoding-'));
    const bib = join(lib, 'mostly-utf8.bib');
    writeFileSync(bib, Buffer.from([
      ...enc('@article{mueller2020, author={Müller, Jürgen}, title={Über Straßen}, year={2020}}\n'),
      ...enc('@misc{other, title={Caf'), 0xe9, ...enc('}, year={2021}}\n'),
    ]));
    const result = runFolio(['import', bib, '--library', lib]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain('mostly-utf8.bib: not valid UTF-8 at line 2 (byte 0xE9); those bytes were read as U+FFFD, the rest as UTF-8');
    const listed = runFolio(['list', '--json', '--library', lib]);
    const items = JSON.parse(listed.stdout) as Array<{ id: string; title: string; author?: Array<{ family: string; given: string }> }>;
    const mueller = items.find((i) => i.id === 'mueller2020');
    expect(mueller?.author?.[0]).toMatchObject({ family: 'Müller', given: 'Jürgen' });
    expect(mueller?.title).toBe('Über Straßen');
    expect(items.find((i) => i.id === 'other')?.title).toBe('Caf\uFFFD');
  });

  it('still reads a real Windows-1252 file as Windows-1252', () => {
    const lib = mkdtempSync(join(tmpdir(), 'folio-encoding-'));
    const bib = join(lib, 'latin1.bib');
    writeFileSync(bib, Buffer.from([...enc('@article{m, author={M'), 0xfc, ...enc('ller, J'), 0xfc, ...enc('rgen}, title={Caf'), 0xe9, ...enc('}}\n')]));
    const result = runFolio(['import', bib, '--library', lib]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain('latin1.bib: not valid UTF-8; read as Windows-1252 (Latin-1)');
    const items = JSON.parse(runFolio(['list', '--json', '--library', lib]).stdout) as Array<{ title: string; author: Array<{ family: string }> }>;
    expect(items[0]?.author[0]?.family).toBe('Müller');
    expect(items[0]?.title).toBe('Café');
  });
});
