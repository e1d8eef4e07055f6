import { protocol } from 'electron';
import { readStatic, resolveStaticPath } from '../services/renderer-assets/static-files.ts';
import { RENDERER_CSP } from '../services/renderer-assets/renderer-csp.ts';

import { APP_HOST, APP_SCHEME } from './app-url.ts';
import { ATTACHMENT_PREFIX } from './attachment-protocol.ts';

/** Must run before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false, stream: true } },
  ]);
}

/**
 * Serves the built renderer from folio://app/ (and, under /attachments/, the library's PDFs), never file://, and nothing outside its folder: the same
 * reader as the web host's, which refuses a link out of the folder, a FIFO or a device without blocking.
 */
export function handleAppScheme(rendererDir: string, attachments?: (pathname: string, range: string | null) => Promise<Response>): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
    // The reader's PDF bytes (attachment-protocol.ts): the library's files, never the renderer folder's.
    if (attachments && url.pathname.startsWith(ATTACHMENT_PREFIX)) return attachments(url.pathname, request.headers.get('range'));
    if (!resolveStaticPath(rendererDir, url.pathname)) return new Response('Forbidden', { status: 403 });
    const file = await readStatic(rendererDir, url.pathname);
    if (!file) return new Response('Not found', { status: 404 });
    return new Response(new Uint8Array(file.body), {
      status: 200,
      headers: { 'Content-Type': file.type, 'Content-Security-Policy': RENDERER_CSP, 'X-Content-Type-Options': 'nosniff' },
    });
  });
}
