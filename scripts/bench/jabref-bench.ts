import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pickCliEntry } from '../../electron/cli/cli-entry.js';
import { buildCliBundle } from '../build/node-bundles.ts';
import { generateBib } from './generate-bib.ts';
import { round } from './measure.ts';

/**
 * The CLI as a user runs it, against JabRef's own import+export of the same
 * generated file: whole processes, back to back in each repetition, so both
 * see the same machine load. Medians over FOLIO_BENCH_REPS (default 3).
 */
export interface CliBench {
  reps: number;
  /** The bin ran the bundle in out/cli/ (built here first, as `npm run build` does). */
  bundled: boolean;
  jabrefMs: number[];
  folioImportMs: number[];
  folioExportMs: number[];
  median: { jabrefMs: number; folioImportMs: number; folioExportMs: number; folioImportExportMs: number };
  /** JabRef's median time over folio's median import + export: the target is ≥ 3.5. */
  speedup: number;
}

const ROOT = resolve(import.meta.dirname, '../..');
const FOLIO_BIN = resolve(ROOT, 'electron/cli/folio-bin.js');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return round(sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2);
}

function run(command: string, args: string[]): number {
  const start = performance.now();
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 900_000, stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = round(performance.now() - start);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${(result.stderr || result.stdout).slice(0, 400)}`);
  return ms;
}

export async function benchCli(size: number): Promise<CliBench | { skipped: string }> {
  const which = spawnSync('sh', ['-c', 'command -v jabref'], { encoding: 'utf8' });
  if (which.status !== 0) return { skipped: 'jabref not installed (apt-get install jabref)' };
  const reps = Number(process.env.FOLIO_BENCH_REPS ?? 3);
  // The user's `folio` after `npm run build`: the bundle, current with the sources.
  await buildCliBundle();
  const entry = pickCliEntry(ROOT, resolve(ROOT, 'out/cli'));
  if (!entry.bundled) throw new Error(`the CLI bundle does not run: ${entry.reason ?? ''}`);
  const dir = mkdtempSync(join(tmpdir(), 'folio-cli-bench-'));
  const input = join(dir, 'in.bib');
  writeFileSync(input, generateBib(size));
  const out: Pick<CliBench, 'jabrefMs' | 'folioImportMs' | 'folioExportMs'> = { jabrefMs: [], folioImportMs: [], folioExportMs: [] };
  try {
    for (let rep = 0; rep < reps; rep++) {
      const jabrefOut = join(dir, `jabref-${rep}.bib`);
      out.jabrefMs.push(run('jabref', ['-n', '-i', `${input},bibtex`, '-o', jabrefOut]));
      if (!existsSync(jabrefOut)) throw new Error('jabref wrote no output');
      const library = join(dir, `library-${rep}`);
      const folioOut = join(dir, `folio-${rep}.bib`);
      out.folioImportMs.push(run(process.execPath, [FOLIO_BIN, 'import', input, '--library', library]));
      out.folioExportMs.push(run(process.execPath, [FOLIO_BIN, 'export', '--format', 'bibtex', '--library', library, '-o', folioOut]));
      rmSync(library, { recursive: true, force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const importMs = median(out.folioImportMs);
  const exportMs = median(out.folioExportMs);
  const pairs = out.folioImportMs.map((ms, i) => ms + (out.folioExportMs[i] ?? 0));
  const jabrefMs = median(out.jabrefMs);
  const folioMs = median(pairs);
  return {
    reps,
    bundled: entry.bundled,
    ...out,
    median: { jabrefMs, folioImportMs: importMs, folioExportMs: exportMs, folioImportExportMs: folioMs },
    speedup: round(jabrefMs / folioMs),
  };
}
