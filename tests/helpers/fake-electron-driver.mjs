// Loaded with `node --import` before out/main/index.js: maps `electron` to the fake, then, once the
// composition root has made its window, drives it the way Electron would and prints one JSON line.
import { register } from 'node:module';

register('data:text/javascript,' + encodeURIComponent(`
  export async function resolve(specifier, context, next) {
    if (specifier === 'electron') return { url: ${JSON.stringify(new URL('./fake-electron.mjs', import.meta.url).href)}, shortCircuit: true };
    return next(specifier, context);
  }
`));

const started = Date.now();
const timer = setInterval(async () => {
  const state = globalThis.__fakeElectron;
  if (state && state.errors.length > 0) return finish({ errors: state.errors });
  if (!state || state.windows.length === 0 || !state.ipc.has('folio:call')) {
    if (Date.now() - started > 30_000) finish({ errors: ['the main process made no window within 30 s'] });
    return;
  }
  clearInterval(timer);
  const window = state.windows[0];
  const call = state.ipc.get('folio:call');
  const trusted = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
  const untrusted = { sender: window.webContents, senderFrame: { url: 'https://evil.example/' } };
  const created = await call(trusted, 'collections.create', ['From the bundle', null]);
  const info = await call(trusted, 'library.info', []);
  const refused = await call(untrusted, 'library.info', []);
  const handler = state.protocolHandlers.get('folio');
  // A PDF with an annotation (FAKE_ELECTRON_PDF): imported through IPC, its bytes read back over folio://, exported with annotations.
  let pdf = null;
  if (process.env.FAKE_ELECTRON_PDF && handler) {
    const { readFileSync } = await import('node:fs');
    const { Buffer } = await import('node:buffer');
    const imported = await call(trusted, 'attachments.importPdf', ['annotated.pdf', readFileSync(process.env.FAKE_ELECTRON_PDF).toString('base64'), null]);
    const attachment = imported.value?.item.attachments[0];
    const bytes = attachment ? await handler(new Request(`folio://app/attachments/${attachment.path}`, { headers: { range: 'bytes=0-4' } })) : null;
    const exported = attachment ? await call(trusted, 'annotations.exportPdf', [imported.value.item.id, attachment.id]) : null;
    pdf = {
      annotations: imported.value?.annotations ?? imported.error,
      range: bytes ? { status: bytes.status, type: bytes.headers.get('content-type'), body: await bytes.text() } : null,
      exported: exported?.ok ? Buffer.from(exported.value.dataBase64, 'base64').subarray(0, 5).toString('latin1') : exported?.error,
    };
  }
  const page = handler ? await handler(new Request('folio://app/index.html')) : null;
  const escape = handler ? await handler(new Request('folio://app/..%2F..%2Fpackage.json')) : null;
  const navigate = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
  window.webContents.handlers.get('will-navigate')?.(navigate, 'https://evil.example/');
  finish({
    name: state.name,
    url: window.url,
    title: window.options.title,
    webPreferences: window.options.webPreferences,
    schemes: state.schemes.map((s) => s.scheme),
    menu: state.menu?.template?.map((m) => m.label ?? m.role) ?? [],
    created,
    info,
    refused,
    page: page ? { status: page.status, csp: page.headers.get('content-security-policy'), html: (await page.text()).slice(0, 200) } : null,
    escapeStatus: escape?.status ?? null,
    pdf,
    navigationBlocked: navigate.defaultPrevented,
    windowOpen: window.webContents.openHandler?.({ url: 'https://example.org' }),
  });
}, 50);

function finish(result) {
  clearInterval(timer);
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}
