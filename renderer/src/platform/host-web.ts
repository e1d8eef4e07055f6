import { createApiClient, type ApiTransport } from '../../../shared/api/api-client.ts';
import type { ApiResult } from '../../../shared/api/api-error.ts';
import type { FolioBridge } from '../../../shared/api/folio-api.ts';
import { createFolioEvents, isFolioEventName, type FolioEventMessage, type FolioEvents } from '../../../shared/api/api-events.ts';
import { CALL_PATH, EVENTS_PATH, TOKEN_HEADER, type CallRequestBody } from '../../../shared/api/web-protocol.ts';
import { takeWebToken } from './web-token.ts';
import { downloadBlob } from './save-file.ts';

// keepalive lets the last note save survive a tab close, but browsers cap keepalive bodies at 64 KiB.
const KEEPALIVE_LIMIT = 60_000;

function httpTransport(token: string): ApiTransport {
  return async (method, args) => {
    const body: CallRequestBody = { method, args };
    const json = JSON.stringify(body);
    let response: Response;
    try {
      response = await fetch(CALL_PATH, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
        body: json,
        keepalive: json.length < KEEPALIVE_LIMIT,
      });
    } catch (error) {
      return { ok: false, error: { code: 'IO', message: `Folio is not reachable: ${error instanceof Error ? error.message : String(error)}` } };
    }
    if ((response.headers.get('content-type') ?? '').includes('application/json')) return (await response.json()) as ApiResult;
    const code = response.status === 401 || response.status === 403 ? 'FORBIDDEN' : 'INTERNAL';
    return { ok: false, error: { code, message: `HTTP ${response.status} ${response.statusText}` } };
  };
}

/** Server-sent events, opened on the first subscription; EventSource reconnects by itself. */
function eventSourceEvents(token: string): FolioEvents {
  const listeners = new Set<(message: FolioEventMessage) => void>();
  let source: EventSource | null = null;

  function ensureOpen(): void {
    if (source) return;
    source = new EventSource(`${EVENTS_PATH}?token=${encodeURIComponent(token)}`);
    source.onmessage = (message: MessageEvent<string>) => {
      let parsed: FolioEventMessage;
      try {
        parsed = JSON.parse(message.data) as FolioEventMessage;
      } catch {
        return;
      }
      if (!isFolioEventName(parsed.event)) return;
      listeners.forEach((listener) => listener(parsed));
    };
  }

  return createFolioEvents((listener) => {
    listeners.add(listener);
    ensureOpen();
    return () => {
      listeners.delete(listener);
    };
  });
}

/** A browser download stands in for the save dialog the web host cannot show. */
function downloadTextFile(name: string, text: string): Promise<string | null> {
  downloadBlob(name, new Blob([text], { type: 'text/plain;charset=utf-8' }));
  return Promise.resolve(name);
}

/** The web host's token-checked URL of an attachment (path relative to `<library>/attachments/`). */
export function webAttachmentUrl(path: string): string {
  return `/attachments/${path.split('/').map(encodeURIComponent).join('/')}?token=${encodeURIComponent(takeWebToken())}`;
}

/** FolioBridge over the web host's loopback HTTP protocol (shared/api/web-protocol.ts). */
export function createWebBridge(): FolioBridge {
  const token = takeWebToken();
  const api = createApiClient(httpTransport(token));
  return {
    ...api,
    shell: {
      saveTextFile: downloadTextFile,
      // The host's own answer (UNSUPPORTED): a browser tab cannot learn a folder's path, so the window asks for it as text.
      chooseFolder: api.shell.chooseFolder,
      // The caller has already passed the URL through the allowlist.
      openExternal: (url: string) => {
        window.open(url, '_blank', 'noopener,noreferrer');
        return Promise.resolve();
      },
      // No system viewer from a browser tab: the web host serves the file (token checked, path contained).
      openAttachment: async (itemId, attachmentId) => {
        const item = await api.library.getItem(itemId);
        const attachment = item.attachments.find((a) => a.id === attachmentId);
        if (!attachment) throw new Error(`No attachment ${attachmentId}`);
        const path = attachment.path.split('/').map(encodeURIComponent).join('/');
        window.open(`/attachments/${path}?token=${encodeURIComponent(token)}`, '_blank', 'noopener,noreferrer');
      },
    },
    events: eventSourceEvents(token),
  };
}
