import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CALL_PATH, TOKEN_FRAGMENT_KEY, TOKEN_HEADER } from '../../shared/api/web-protocol.ts';
import { runFolio } from '../helpers/folio-cli.ts';
import { startWebHostProcess } from '../helpers/web-host-process.ts';

async function call(url: string, method: string, args: unknown[]): Promise<unknown> {
  const base = new URL(url);
  const token = new URLSearchParams(base.hash.slice(1)).get(TOKEN_FRAGMENT_KEY) ?? '';
  const response = await fetch(new URL(CALL_PATH, base.origin), {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
    body: JSON.stringify({ method, args }),
  });
  return response.json();
}

describe('a folio.lock deleted by hand while the web host has the library open', () => {
  it('tells the user when the CLI\'s version is kept aside, and again at every later open', async () => {
    const lib = mkdtempSync(join(tmpdir(), 'folio-lost-lock-'));
    const first = join(lib, 'first.bib');
    writeFileSync(first, '@misc{first, title={First}}');
    expect(runFolio(['import', first, '--library', lib]).status).toBe(0);

    const host = await startWebHostProcess(lib);
    let hostExit: number | null;
    try {
      rmSync(join(lib, 'folio.lock'));
      const second = join(lib, 'second.bib');
      writeFileSync(second, '@misc{second, title={Second}}');
      // The CLI finds no lock, takes it and saves its import to library.json behind the host's back.
      expect(runFolio(['import', second, '--library', lib]).status).toBe(0);
      // The host then saves a change of its own: it finds library.json changed and keeps that version aside.
      const created = (await call(host.url, 'library.createItem', [{ csl: { type: 'article', title: 'From the window' } }])) as { ok: boolean };
      expect(created.ok).toBe(true);
    } finally {
      hostExit = await host.stop();
    }
    expect(hostExit).toBe(0);
    const aside = readdirSync(lib).filter((name) => name.startsWith('library.json.external-'));
    expect(aside).toHaveLength(1);
    expect(host.stderr()).toContain(`folio web: library.json was changed outside Folio while the library was open. That version was kept as ${aside[0]}`);

    const next = runFolio(['list', '--library', lib]);
    expect(next.status, next.stderr).toBe(0);
    expect(next.stderr).toContain(`warning: ${aside[0]} holds a version of library.json that another program or Folio process saved while this library was open (was folio.lock deleted by hand?). Their changes are not in the library`);
  });
});
