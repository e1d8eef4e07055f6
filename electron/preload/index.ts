// The preload exposes window.folio and nothing else. Sandboxed: bundled to one CommonJS file.
import { contextBridge, ipcRenderer } from 'electron';
import { createApiClient } from '../../shared/api/api-client.ts';
import type { ApiResult } from '../../shared/api/api-error.ts';
import type { FolioBridge } from '../../shared/api/folio-api.ts';
import { createFolioEvents, type FolioEventMessage } from '../../shared/api/api-events.ts';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../shared/api/ipc-channels.ts';

const api = createApiClient((method, args) => ipcRenderer.invoke(IPC_CALL_CHANNEL, method, args) as Promise<ApiResult>);

type Listener = (message: FolioEventMessage) => void;
const listeners = new Set<Listener>();
ipcRenderer.on(IPC_EVENT_CHANNEL, (_event, message: FolioEventMessage) => {
  for (const listener of listeners) listener(message);
});

const events = createFolioEvents((listener) => {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
});

const bridge: FolioBridge = { ...api, events };
contextBridge.exposeInMainWorld('folio', bridge);
