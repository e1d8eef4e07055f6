import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

type Handler = (request: Request) => Promise<Response>;
const handlers = new Map<string, Handler>();
// Like Electron's net.fetch of a file:// URL (and tests/helpers/fake-electron.mjs): reads whatever is at the path.
const netFetch = vi.fn(async (url: string) => new Response(await readFile(fileURLToPath(url))));

vi.mock('electron', () => ({
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: (scheme: string, handler: Handler) => handlers.set(scheme, handler) },
  net: { fetch: netFetch },
}));

const { handleAppScheme } = await import('./app-protocol.ts');

let base: string;
let serve: Handler;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'folio-scheme-'));
  const renderer = join(base, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(base, 'secret.txt'), 'outside the renderer folder');
  symlinkSync(join(base, 'secret.txt'), join(renderer, 'assets', 'leak.js'));
  symlinkSync('/proc/self/environ', join(renderer, 'assets', 'environ.js'));
  symlinkSync('/dev/zero', join(renderer, 'assets', 'zero.js'));
  execFileSync('mkfifo', [join(renderer, 'assets', 'fifo.js')]);
  execFileSync('mknod', [join(renderer, 'assets', 'zero-node.js'), 'c', '1', '5']);
  handleAppScheme(renderer);
  serve = handlers.get('folio')!;
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('the folio:// protocol handler', () => {
  it('serves the built renderer with its type and the CSP', async () => {
    const page = await serve(new Request('folio://app/'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<div id="root">');
    const script = await serve(new Request('folio://app/assets/app.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
  });

  it('refuses traversal, links out of the folder, FIFOs and devices, reading nothing', async () => {
    expect((await serve(new Request('folio://app/..%2Fsecret.txt'))).status).toBe(403);
    expect((await serve(new Request('folio://other/index.html'))).status).toBe(404);
    for (const name of ['leak.js', 'environ.js', 'zero.js', 'fifo.js', 'zero-node.js', 'missing.js']) {
      const response = await serve(new Request(`folio://app/assets/${name}`));
      expect(response.status, name).toBe(404);
      expect(await response.text(), name).toBe('Not found');
    }
    // Everything goes through the checked reader, never Electron's own file fetch.
    expect(netFetch).not.toHaveBeenCalled();
  });
});
