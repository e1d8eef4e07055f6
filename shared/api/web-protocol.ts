/**
 * The web host's wire protocol (loopback HTTP). Only electron/webhost and
 * renderer/src/platform use it.
 *
 * - The host prints `http://127.0.0.1:<port>/#token=<token>`; the token is a
 *   random per-run secret carried in the URL fragment (never sent in requests
 *   for static files, never logged in Referer).
 * - POST CALL_PATH with JSON `{ method, args }` and header TOKEN_HEADER
 *   answers an ApiResult as JSON.
 * - GET EVENTS_PATH?token=<token> is a text/event-stream; each `data:` line is
 *   one FolioEventMessage as JSON.
 */
export const CALL_PATH = '/api/call';
export const EVENTS_PATH = '/api/events';
export const TOKEN_HEADER = 'x-folio-token';
export const TOKEN_FRAGMENT_KEY = 'token';

export interface CallRequestBody {
  method: string;
  args: unknown[];
}
