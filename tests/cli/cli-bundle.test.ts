import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pickCliEntry } from '../../electron/cli/cli-entry.js';
import { buildCliBundle, type CliManifest } from '../../scripts/build/node-bundles.ts';
import { repoRoot } from '../helpers/folio-cli.ts';

// Two folders below the repository, as out/cli/ is: the bundle finds the workers and styles from there.
const bundleDir = join(repoRoot, 'out', `cli-test-${process.pid}`);
const work = mkdtempSync(join(tmpdir(), 'folio-cli-bundle-'));
let manifest: CliManifest;

const BIB = `@article{smith2020,
  author = {Smith, J{\\"o}rg and {The Consortium}},
  title = {A {Study} of Über-Parameterised $\\alpha$ Models},
  journal = {Journal},
  year = {2020},
  note = {Kept % as written}
}
@misc{doe2021, title = {Second}, author = {Doe, Jane}, year = 2021, howpublished = {\\url{https://example.org/a_b}}}
`;

function run(entry: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const script = `const { main } = await import(${JSON.stringify(entry)});\nawait main(process.argv.slice(1));\n`;
  const result = spawnSync(process.execPath, ['--no-warnings', '--input-type=module', '-e', script, ...args], { cwd: repoRoot, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  manifest = await buildCliBundle(bundleDir);
});

afterAll(() => {
  rmSync(bundleDir, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

describe('the bundled CLI', () => {
  it('records every source it was built from', () => {
    const files = manifest.inputs.map((i) => i.file);
    expect(files).toContain('electron/cli/folio.ts');
    expect(files).toContain('electron/services/folio-service.ts');
    expect(files).toContain('shared/formats/bibtex/bibtex-parser.ts');
    expect(files.every((f) => !f.startsWith('/') && !f.startsWith('..'))).toBe(true);
  });

  it('runs while every source is as it was built from', () => {
    const entry = pickCliEntry(repoRoot, bundleDir);
    expect(entry).toEqual({ url: new URL(`file://${join(bundleDir, 'folio.js')}`), bundled: true });
  });

  it('gives way to the sources once one of them changed, or the manifest is missing or unreadable', () => {
    const path = join(bundleDir, 'manifest.json');
    const original = readFileSync(path, 'utf8');
    try {
      const changed: CliManifest = { ...manifest, inputs: manifest.inputs.map((i) => (i.file === 'shared/formats/bibtex/bibtex-parser.ts' ? { ...i, size: i.size + 1 } : i)) };
      writeFileSync(path, JSON.stringify(changed));
      expect(pickCliEntry(repoRoot, bundleDir)).toMatchObject({ bundled: false, reason: 'shared/formats/bibtex/bibtex-parser.ts changed' });
      const touched: CliManifest = { ...manifest, inputs: manifest.inputs.map((i, n) => (n === 0 ? { ...i, mtimeMs: i.mtimeMs - 1000 } : i)) };
      writeFileSync(path, JSON.stringify(touched));
      expect(pickCliEntry(repoRoot, bundleDir)).toMatchObject({ bundled: false });
      writeFileSync(path, JSON.stringify({ ...manifest, inputs: [...manifest.inputs, { file: 'electron/cli/gone.ts', size: 1, mtimeMs: 1 }] }));
      expect(pickCliEntry(repoRoot, bundleDir)).toMatchObject({ bundled: false, reason: 'electron/cli/gone.ts is gone' });
      writeFileSync(path, '{"entry":');
      expect(pickCliEntry(repoRoot, bundleDir)).toMatchObject({ bundled: false, reason: 'unreadable manifest' });
      rmSync(path);
      const sources = pickCliEntry(repoRoot, bundleDir);
      expect(sources).toMatchObject({ bundled: false, reason: 'no bundle' });
      expect(sources.url.pathname).toBe(join(repoRoot, 'electron/cli/folio.ts'));
    } finally {
      writeFileSync(path, original);
    }
  });

  it('imports and exports exactly as the sources do, as whole processes', () => {
    const input = join(work, 'in.bib');
    writeFileSync(input, BIB);
    const outputs: string[] = [];
    for (const [name, entry] of [['bundle', join(bundleDir, 'folio.js')], ['sources', join(repoRoot, 'electron/cli/folio.ts')]] as const) {
      const library = join(work, `lib-${name}`);
      const imported = run(entry, ['import', input, '--library', library]);
      expect(imported.stderr).toBe('');
      expect(imported.stdout).toContain('Imported 2 items');
      expect(imported.status).toBe(0);
      const out = join(work, `${name}.bib`);
      const exported = run(entry, ['export', '--format', 'bibtex', '--library', library, '-o', out]);
      expect(exported.status).toBe(0);
      outputs.push(readFileSync(out, 'utf8'));
      // A command that reads the CSL styles by path (the bibliography) finds them from the bundle too.
      const cited = run(entry, ['export', '--format', 'csl-json', '--library', library]);
      expect(cited.status).toBe(0);
      expect(JSON.parse(cited.stdout)).toHaveLength(2);
    }
    expect(outputs[0]).toContain('Kept % as written');
    expect(outputs[0]).toBe(outputs[1]);
  });
});
