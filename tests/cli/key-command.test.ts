import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFolio } from '../helpers/folio-cli.ts';

// Imported keys are kept as they are; regenerating makes pattern keys (auth.lower+year+shorttitle).
const BIB = `@article{Old:Key1,
  title = {Attention Is All You Need},
  author = {Vaswani, Ashish},
  journal = {NeurIPS}, year = {2017}
}
@book{Old:Key2,
  title = {The Art of Computer Programming},
  author = {Knuth, Donald},
  publisher = {Addison-Wesley}, year = {1997}
}
`;

function keys(lib: string): string[] {
  const result = runFolio(['list', '--library', lib]);
  expect(result.status, result.stderr).toBe(0);
  return result.stdout.split('\n').filter(Boolean).map((line) => line.split('\t')[0] ?? '').sort();
}

describe('folio key (real CLI process)', () => {
  const lib = mkdtempSync(join(tmpdir(), 'folio-keys-'));
  const bib = join(lib, '..', `${lib.split('/').pop()}.bib`);
  writeFileSync(bib, BIB);

  it('previews with --dry-run without changing anything', () => {
    expect(runFolio(['import', bib, '--library', lib]).status).toBe(0);
    const preview = runFolio(['key', 'regenerate', '--keys', 'Old:Key1,Old:Key2', '--dry-run', '--library', lib]);
    expect(preview.status, preview.stderr).toBe(0);
    expect(preview.stdout).toBe('Old:Key1 -> vaswani2017attention\nOld:Key2 -> knuth1997art\n');
    expect(preview.stderr).toContain('Would change 2 keys');
    expect(keys(lib)).toEqual(['Old:Key1', 'Old:Key2']);
  });

  it('never regenerates a pinned key; unpinning lets it change', () => {
    const pin = runFolio(['key', 'pin', '--keys', 'Old:Key1', '--library', lib]);
    expect(pin.status, pin.stderr).toBe(0);
    expect(pin.stdout).toBe('Pinned 1 key\n');

    const regen = runFolio(['key', 'regenerate', '--keys', 'Old:Key1,Old:Key2', '--library', lib]);
    expect(regen.status, regen.stderr).toBe(0);
    expect(regen.stdout).toBe('Old:Key2 -> knuth1997art\n');
    expect(keys(lib)).toEqual(['Old:Key1', 'knuth1997art']);

    expect(runFolio(['key', 'unpin', '--keys', 'Old:Key1', '--library', lib]).stdout).toBe('Unpinned 1 key\n');
    expect(runFolio(['key', 'regenerate', '--keys', 'Old:Key1', '--library', lib]).stdout).toBe('Old:Key1 -> vaswani2017attention\n');
    expect(keys(lib)).toEqual(['knuth1997art', 'vaswani2017attention']);
  });

  it('names unknown keys and fails without changing anything', () => {
    const result = runFolio(['key', 'pin', '--keys', 'knuth1997art,nobody2020', '--library', lib]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('No item with the key nobody2020');
    const usage = runFolio(['key', 'rename', '--keys', 'knuth1997art', '--library', lib]);
    expect(usage.status).toBe(1);
    expect(usage.stderr).toContain('folio key regenerate|pin|unpin');
  });
});
