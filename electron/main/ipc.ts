import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { dispatchApiCall } from '../../shared/api/api-dispatch.ts';
import { noteWindowCall } from '../services/library-store/window-first.ts';
import type { ApiResult } from '../../shared/api/api-error.ts';
import type { FolioApi } from '../../shared/api/folio-api.ts';
import { isAppUrl } from './app-url.ts';
import { IPC_CALL_CHANNEL } from '../../shared/api/ipc-channels.ts';

/** True only for the main frame of our own window showing our own renderer. */
export function isTrustedSender(event: IpcMainInvokeEvent, window: () => WebContents | null): boolean {
  const frame = event.senderFrame;
  const contents = window();
  if (!frame || !contents || event.sender !== contents) return false;
  if (frame !== contents.mainFrame) return false;
  return isAppUrl(frame.url);
}

/**
 * One handler for every API method: sender checked, arguments validated against the schema. `api` may still be
 * opening: each call then waits for it, and answers a failed open's error.
 */
export function registerIpc(ipcMain: IpcMain, api: FolioApi | Promise<FolioApi>, window: () => WebContents | null): () => void {
  // A failed open is answered to each call (dispatchApiCall), and reported by the composition root.
  if (api instanceof Promise) api.catch(() => undefined);
  ipcMain.handle(IPC_CALL_CHANNEL, async (event, method: unknown, args: unknown): Promise<ApiResult> => {
    if (!isTrustedSender(event, window)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'IPC call from an untrusted frame' } };
    }
    noteWindowCall();
    return dispatchApiCall(api, method, args);
  });
  return () => ipcMain.removeHandler(IPC_CALL_CHANNEL);
}
