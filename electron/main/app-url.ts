export const APP_SCHEME = 'folio';
export const APP_HOST = 'app';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * True for our own renderer's URLs. Compares scheme and host rather than
 * `URL.origin`, which is "null" for custom schemes outside Electron.
 */
export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}
