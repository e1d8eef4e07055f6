import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/folio-cli.ts';
import { pdfWithHighlight } from '../helpers/annotated-pdfs.ts';

/**
 * The built Electron main bundle, run in Node with `electron` replaced by a recording fake
 * (no Electron binary can run here): the composition root must open the library, register
 * the scheme, IPC and menu, and make a secure window, exactly as bundled for `npm start`.
 */
describe('the built main process (out/main/index.js)', () => {
  it('opens the library, makes a sandboxed window on folio://, and answers IPC only from it', async () => {
    const bundle = join(repoRoot, 'out', 'main', 'index.js');
    expect(existsSync(bundle), 'out/main/index.js is missing: run `npm run build` first (npm test does)').toBe(true);
    expect(existsSync(join(repoRoot, 'out', 'preload', 'index.cjs'))).toBe(true);
    const library = mkdtempSync(join(tmpdir(), 'folio-main-'));
    const userData = mkdtempSync(join(tmpdir(), 'folio-userdata-'));
    const pdf = join(userData, 'annotated.pdf');
    writeFileSync(pdf, await pdfWithHighlight());
    const run = spawnSync(process.execPath, ['--import', './tests/helpers/fake-electron-driver.mjs', bundle, '--library', library], {
      cwd: repoRoot,
      env: { ...process.env, FAKE_ELECTRON_USER_DATA: userData, FAKE_ELECTRON_PDF: pdf },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}');
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    expect(result.name).toBe('Folio');
    expect(result.url).toBe('folio://app/index.html');
    expect(result.title).toBe(`Folio — ${library}`);
    expect(result.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(result.webPreferences.preload).toBe(join(repoRoot, 'out', 'preload', 'index.cjs'));
    expect(result.schemes).toEqual(['folio']);
    expect(result.menu).toEqual(expect.arrayContaining(['File', 'View']));
    expect(result.created).toMatchObject({ ok: true, value: { name: 'From the bundle' } });
    expect(result.info).toMatchObject({ ok: true, value: { path: library, host: 'electron' } });
    expect(result.refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(result.page.status).toBe(200);
    expect(result.page.csp).toContain("script-src 'self'");
    expect(result.page.csp).not.toContain('unsafe-eval');
    expect(result.page.html).toContain('<!doctype html>'.slice(0, 5));
    expect(result.escapeStatus).toBe(403);
    // The bundled PDF worker reads a file's annotations and writes them into a copy; folio:// serves the bytes by range.
    expect(result.pdf).toEqual({ annotations: { imported: 1, skipped: 0 }, range: { status: 206, type: 'application/pdf', body: '%PDF-' }, exported: '%PDF-' });
    expect(result.navigationBlocked).toBe(true);
    expect(result.windowOpen).toEqual({ action: 'deny' });
    // The collection was committed to the journal before the process exited.
    expect(readdirSync(library)).toEqual(expect.arrayContaining(['library.journal', 'backups', 'attachments']));
  });
});
