import { protocol, net } from 'electron';
import { pathToFileURL } from 'node:url';
import { resolveStaticPath } from '../services/renderer-assets/static-files.ts';
import { RENDERER_CSP } from '../services/renderer-assets/renderer-csp.ts';

import { APP_HOST, APP_SCHEME } from './app-url.ts';

/** Must run before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false, stream: true } },
  ]);
}

/** Serves the built renderer from folio://app/, never file://, and nothing outside its folder. */
export function handleAppScheme(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
    const path = resolveStaticPath(rendererDir, url.pathname);
    if (!path) return new Response('Forbidden', { status: 403 });
    const response = await net.fetch(pathToFileURL(path).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', RENDERER_CSP);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}
