import { TOKEN_FRAGMENT_KEY } from '../../../shared/api/web-protocol.ts';

const STORAGE_KEY = 'folio.webToken';

/** The token in a URL fragment such as `#token=abc`, or null. */
export function tokenFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const token = params.get(TOKEN_FRAGMENT_KEY);
  return token && token.length > 0 ? token : null;
}

/**
 * Takes the token from the fragment once, keeps it for reloads of this tab in
 * sessionStorage, and removes it from the address bar so it is not copied,
 * bookmarked or shown in screenshots.
 */
export function takeWebToken(): string {
  const fromHash = tokenFromHash(window.location.hash);
  if (fromHash) {
    sessionStorage.setItem(STORAGE_KEY, fromHash);
    history.replaceState(history.state, '', window.location.pathname + window.location.search);
    return fromHash;
  }
  return sessionStorage.getItem(STORAGE_KEY) ?? '';
}
