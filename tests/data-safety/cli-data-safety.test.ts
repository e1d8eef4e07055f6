import { mkdtempSync, readFileSync, readdirSync, writeFileSync, statSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateBib } from '../../scripts/bench/generate-bib.ts';
import { runFolio, spawnFolio } from '../helpers/folio-cli.ts';
import { webHostClient } from '../helpers/web-host-client.ts';
import { startWebHostProcess } from '../helpers/web-host-process.ts';

function library(): string {
  return mkdtempSync(join(tmpdir(), 'folio-safety-'));
}

function listKeys(lib: string): string[] {
  const result = runFolio(['list', '--library', lib]);
  expect(result.status, result.stderr).toBe(0);
  return result.stdout.split('\n').filter(Boolean).map((line) => line.split('\t')[0] ?? '');
}

describe('data safety through the real CLI', () => {
  it('kill -9 during a large import never loses committed items and leaves a library.json that parses', async () => {
    const lib = library();
    const small = join(lib, '..', `${lib.split('/').pop()}-small.bib`);
    writeFileSync(small, generateBib(300, 7).replace(/@(\w+)\{gen/g, '@$1{small'));
    expect(runFolio(['import', small, '--library', lib]).status).toBe(0);
    const big = join(lib, '..', `${lib.split('/').pop()}-big.bib`);
    writeFileSync(big, generateBib(20_000, 11));

    let kills = 0;
    for (const delayMs of [150, 600, 1500, 3000]) {
      const child = spawnFolio(['import', big, '--library', lib]);
      const exited = new Promise((r) => child.once('exit', r));
      await new Promise((r) => setTimeout(r, delayMs));
      const killed = child.exitCode === null && child.kill('SIGKILL');
      await exited;
      const json = JSON.parse(readFileSync(join(lib, 'library.json'), 'utf8')) as { items: unknown[] };
      expect(Array.isArray(json.items)).toBe(true);
      const keys = listKeys(lib);
      // Everything committed before is there; the killed import is all-or-nothing.
      expect(keys.filter((k) => k.startsWith('small')).length).toBe(300);
      const fromBig = keys.filter((k) => k.startsWith('gen')).length;
      expect(fromBig % 20_000).toBe(0);
      if (!killed) break;
      kills++;
    }
    expect(kills).toBeGreaterThan(0);
  });

  it('refuses a second writer with a clear message, and writes nothing', async () => {
    const lib = library();
    const host = await startWebHostProcess(lib);
    try {
      const bib = join(lib, 'x.bib');
      writeFileSync(bib, '@misc{k1, title={One}}');
      // The host prints its address once it holds the lock, and opens (here: creates) the library after: a call
      // answered means the open is done.
      await webHostClient(host).api.library.info();
      const before = readFileSync(join(lib, 'library.json'), 'utf8');
      const result = runFolio(['import', bib, '--library', lib]);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/already open in another Folio process/);
      expect(result.stderr).toContain(lib);
      expect(readFileSync(join(lib, 'library.json'), 'utf8')).toBe(before);
    } finally {
      expect(await host.stop()).toBe(0);
    }
  });

  it('moves a truncated library.json aside, never over it, and restores the newest verified backup', () => {
    const lib = library();
    const bib = join(lib, 'x.bib');
    writeFileSync(bib, generateBib(50, 3));
    expect(runFolio(['import', bib, '--library', lib]).status).toBe(0);
    // A second session so that a backup of the 50-item library exists.
    expect(listKeys(lib)).toHaveLength(50);
    const file = join(lib, 'library.json');
    truncateSync(file, Math.floor(statSync(file).size / 2));
    const damagedBytes = readFileSync(file);
    const result = runFolio(['list', '--library', lib]);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/damaged|could not be read/i);
    const aside = readdirSync(lib).filter((f) => f.startsWith('library.json.damaged'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(lib, aside[0]!)).equals(damagedBytes)).toBe(true);
    expect(result.stdout.split('\n').filter(Boolean)).toHaveLength(50);
  });
});
