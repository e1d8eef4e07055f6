import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pickCliEntry } from '../../electron/cli/cli-entry.js';
import { buildWebHostBundle, type CliManifest } from '../../scripts/build/node-bundles.ts';
import { repoRoot } from '../helpers/folio-cli.ts';
import { webHostClient } from '../helpers/web-host-client.ts';
import { startWebHostProcess, type RunningHost } from '../helpers/web-host-process.ts';

/** The web host as `npm run web` starts it after `npm run build`: electron/webhost/web-bin.js and its bundle. */
describe('the bundled web host', () => {
  let manifest: CliManifest;
  let host: RunningHost | null = null;
  const library = mkdtempSync(join(tmpdir(), 'folio-web-bundle-'));
  // A bundle of its own, two folders below the repository as out/webhost/ is; the real one is left to the hosts of
  // the other tests, which may be starting meanwhile.
  const bundleDir = join(repoRoot, 'out', `webhost-test-${process.pid}`);

  beforeAll(async () => {
    manifest = await buildWebHostBundle(bundleDir);
  });
  afterAll(async () => {
    await host?.stop();
    rmSync(library, { recursive: true, force: true });
    rmSync(bundleDir, { recursive: true, force: true });
  });

  it('records its sources, and is picked while they are unchanged', () => {
    const files = manifest.inputs.map((i) => i.file);
    expect(files).toContain('electron/webhost/web-main.ts');
    expect(files).toContain('electron/services/folio-service.ts');
    const entry = pickCliEntry(repoRoot, bundleDir, 'electron/webhost/web-main.ts');
    expect(entry).toEqual({ url: new URL(`file://${join(bundleDir, 'web-main.js')}`), bundled: true });
    const sources = pickCliEntry(repoRoot, join(repoRoot, 'out', 'no-such-bundle'), 'electron/webhost/web-main.ts');
    expect(sources).toMatchObject({ bundled: false, reason: 'no bundle' });
    expect(sources.url.pathname).toBe(join(repoRoot, 'electron/webhost/web-main.ts'));
  });

  it('runs the bundle and serves the API, with the workers found from the repository (search, bibliography)', async () => {
    // out/webhost/ as `npm run build` left it (the README's test command builds before it tests).
    const real = pickCliEntry(repoRoot, join(repoRoot, 'out', 'webhost'), 'electron/webhost/web-main.ts');
    expect(real.bundled, `out/webhost/ is not current (${real.reason ?? ''}): run npm run build first`).toBe(true);
    host = await startWebHostProcess(library, { FOLIO_CLI_TRACE: '1' });
    await host.waitForStderr('folio web: running the bundle');
    const { api } = webHostClient(host);
    const text = '@article{vaswani2017, title = {Attention Is All You Need}, author = {Vaswani, Ashish}, year = 2017}';
    await api.io.importText({ text, fileName: 'in.bib', format: 'bibtex' });
    // The search index lives in its worker thread (a typo still finds it); the bibliography renders in another.
    await expect.poll(async () => {
      const answer = await api.search.query({ query: 'atention', limit: 5 });
      return answer.ok ? answer.hits.length : -1;
    }).toBe(1);
    const styles = await api.bibliography.listStyles();
    const formatted = await api.bibliography.format({ scope: { kind: 'library' }, style: styles[0]?.id ?? '', output: 'text' });
    expect(formatted.text).toContain('Attention Is All You Need');
  });
});
